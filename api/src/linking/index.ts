/** Links between sources: pull requests to Jira work items. What other modules should call. */
export { linkPullRequestsToWorkItems, type LinkingReport } from './link-pull-requests';
export {
  proposeLinks,
  excerptAround,
  type ProposedLink,
  type PullRequestTexts,
} from './work-item-link-rules';
export { PullRequestWorkItem, type WorkItemLinkRule } from './pull-request-work-item.entity';
