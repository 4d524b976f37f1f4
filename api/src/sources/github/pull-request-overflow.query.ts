/**
 * The rest of a pull request's nested lists that overflowed the page: only the lists asked for
 * (`@include`), 100 at a time from their cursor. Reviews bring their first 50 comments; review
 * comments beyond that are read per review with `reviewCommentsOverflowQuery`.
 */
export const OVERFLOW_PAGE_SIZE = 100;

export const pullRequestOverflowQuery = /* GraphQL */ `
  query PullRequestOverflow(
    $id: ID!
    $withReviews: Boolean!
    $reviewsAfter: String
    $withComments: Boolean!
    $commentsAfter: String
    $withCommits: Boolean!
    $commitsAfter: String
    $withFiles: Boolean!
    $filesAfter: String
    $withTimeline: Boolean!
    $timelineAfter: String
    $withLabels: Boolean!
    $labelsAfter: String
  ) {
    rateLimit {
      cost
      remaining
      resetAt
    }
    node(id: $id) {
      __typename
      ... on PullRequest {
        reviews(first: 50, after: $reviewsAfter) @include(if: $withReviews) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            state
            body
            submittedAt
            author {
              ...OverflowActor
            }
            comments(first: 50) {
              pageInfo {
                hasNextPage
                endCursor
              }
              nodes {
                ...OverflowReviewComment
              }
            }
          }
        }
        comments(first: 100, after: $commentsAfter) @include(if: $withComments) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            body
            createdAt
            author {
              ...OverflowActor
            }
          }
        }
        commits(first: 100, after: $commitsAfter) @include(if: $withCommits) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            commit {
              oid
              message
              authoredDate
              author {
                name
                email
                user {
                  login
                }
              }
            }
          }
        }
        files(first: 100, after: $filesAfter) @include(if: $withFiles) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            path
            additions
            deletions
            changeType
          }
        }
        timelineItems(
          first: 100
          after: $timelineAfter
          itemTypes: [READY_FOR_REVIEW_EVENT, REVIEW_REQUESTED_EVENT]
        ) @include(if: $withTimeline) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            __typename
            ... on ReadyForReviewEvent {
              createdAt
            }
            ... on ReviewRequestedEvent {
              createdAt
            }
          }
        }
        labels(first: 100, after: $labelsAfter) @include(if: $withLabels) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            name
          }
        }
      }
    }
  }

  fragment OverflowActor on Actor {
    __typename
    login
  }

  fragment OverflowReviewComment on PullRequestReviewComment {
    id
    body
    path
    createdAt
    author {
      ...OverflowActor
    }
  }
`;

export const reviewCommentsOverflowQuery = /* GraphQL */ `
  query ReviewCommentsOverflow($id: ID!, $after: String) {
    rateLimit {
      cost
      remaining
      resetAt
    }
    node(id: $id) {
      __typename
      ... on PullRequestReview {
        comments(first: 100, after: $after) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            body
            path
            createdAt
            author {
              __typename
              login
            }
          }
        }
      }
    }
  }
`;
