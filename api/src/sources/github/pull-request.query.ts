/**
 * One page of pull requests with everything the analysis reads, in one GraphQL request.
 * Nested limits are chosen for GitHub's point cost: 50 PRs x (6 connections + 5 reviews x 5
 * comments) = 551 requests -> 6 points per page. `withHeads` adds the newest release, incident
 * issue and deployment, so a re-sync can skip streams that did not move. A nested list that
 * overflows its page is finished by `pull-request-overflow.collector.ts`, from its `endCursor`.
 */
export const PULL_REQUEST_PAGE_SIZE = 50;

export const pullRequestPageQuery = /* GraphQL */ `
  query PullRequestPage(
    $owner: String!
    $name: String!
    $first: Int!
    $after: String
    $withHeads: Boolean!
    $incidentLabels: [String!]
  ) {
    rateLimit {
      cost
      remaining
      resetAt
    }
    repository(owner: $owner, name: $name) {
      id
      databaseId
      nameWithOwner
      url
      isPrivate
      createdAt
      defaultBranchRef {
        name
      }
      releases(first: 1, orderBy: { field: CREATED_AT, direction: DESC }) @include(if: $withHeads) {
        totalCount
        nodes {
          databaseId
          updatedAt
        }
      }
      issues(first: 1, labels: $incidentLabels, orderBy: { field: UPDATED_AT, direction: DESC })
        @include(if: $withHeads) {
        totalCount
        nodes {
          number
          updatedAt
        }
      }
      deployments(first: 1, orderBy: { field: CREATED_AT, direction: DESC })
        @include(if: $withHeads) {
        totalCount
        nodes {
          databaseId
          latestStatus {
            id
          }
        }
      }
      pullRequests(first: $first, after: $after, orderBy: { field: UPDATED_AT, direction: ASC }) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...PullRequestFields
        }
      }
    }
  }

  fragment ActorFields on Actor {
    __typename
    login
  }

  fragment PullRequestFields on PullRequest {
    id
    number
    title
    body
    state
    isDraft
    createdAt
    updatedAt
    mergedAt
    closedAt
    additions
    deletions
    changedFiles
    headRefName
    baseRefName
    mergeCommit {
      oid
    }
    author {
      ...ActorFields
    }
    labels(first: 10) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        name
      }
    }
    timelineItems(first: 10, itemTypes: [READY_FOR_REVIEW_EVENT, REVIEW_REQUESTED_EVENT]) {
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
    reviews(first: 5) {
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
          ...ActorFields
        }
        comments(first: 5) {
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
              ...ActorFields
            }
          }
        }
      }
    }
    comments(first: 20) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        body
        createdAt
        author {
          ...ActorFields
        }
      }
    }
    commits(first: 30) {
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
    files(first: 50) {
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
  }
`;
