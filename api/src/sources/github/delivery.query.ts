/** Deployments with their latest status: 100 per page, 1 point. */
export const deploymentPageQuery = /* GraphQL */ `
  query DeploymentPage($owner: String!, $name: String!, $after: String) {
    rateLimit {
      cost
      remaining
      resetAt
    }
    repository(owner: $owner, name: $name) {
      nameWithOwner
      deployments(first: 100, after: $after, orderBy: { field: CREATED_AT, direction: ASC }) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          databaseId
          environment
          commitOid
          ref {
            name
          }
          creator {
            __typename
            login
          }
          createdAt
          latestStatus {
            state
            createdAt
          }
        }
      }
    }
  }
`;
