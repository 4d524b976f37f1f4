import { Deployment, GithubWebhookDelivery, Incident, Release } from './delivery.entity';
import {
  PullRequestComment,
  PullRequestCommit,
  PullRequestFile,
  PullRequestReview,
} from './pull-request-activity.entity';
import { PullRequest } from './pull-request.entity';
import { GithubPush } from './push.entity';
import { Repository } from './repository.entity';

/** The domain tables the GitHub connector writes. */
export const githubEntities = [
  Repository,
  PullRequest,
  PullRequestReview,
  PullRequestComment,
  PullRequestCommit,
  PullRequestFile,
  Deployment,
  Release,
  Incident,
  GithubWebhookDelivery,
  GithubPush,
];
