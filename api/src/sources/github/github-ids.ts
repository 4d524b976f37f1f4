/** Deterministic domain ids from GitHub source keys: any table can be rebuilt to the same ids. */
export const repositoryId = (fullName: string): string => `github:${fullName.toLowerCase()}`;
export const pullRequestId = (fullName: string, number: number): string =>
  `${repositoryId(fullName)}#${number}`;
export const reviewId = (nodeId: string): string => `github:review:${nodeId}`;
export const commentId = (nodeId: string): string => `github:comment:${nodeId}`;
export const commitId = (pullRequest: string, sha: string): string => `${pullRequest}@${sha}`;
export const fileId = (pullRequest: string, path: string): string => `${pullRequest}:${path}`;
export const deploymentId = (databaseId: string): string => `github:deployment:${databaseId}`;
export const releaseId = (databaseId: string): string => `github:release:${databaseId}`;
export const incidentId = (fullName: string, number: number): string =>
  `${repositoryId(fullName)}!${number}`;
export const identityId = (login: string): string => `github:${login.toLowerCase()}`;
