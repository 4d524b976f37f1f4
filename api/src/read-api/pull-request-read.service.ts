import { Injectable } from '@nestjs/common';
import {
  compareWorkItemKeys,
  type PullRequestListPage,
  type PullRequestParams,
  type PullRequestView,
} from '@rework-radar/shared';
import { repositoryId } from '../sources/github/github-ids';
import { isoUtc, isoUtcOrNull, keysetPage } from './keyset-page';
import type { PullRequestListRequest } from './pull-request-list.request';
import { PullRequestReadRepository, type PullRequestReadRow } from './pull-request-read.repository';

export function toPullRequestView(row: PullRequestReadRow): PullRequestView {
  return {
    repo: row.repo,
    number: row.number,
    title: row.title,
    author: row.author,
    state: row.state,
    createdAt: isoUtc(row.created_at),
    mergedAt: isoUtcOrNull(row.merged_at),
    closedAt: isoUtcOrNull(row.closed_at),
    firstReviewAt: isoUtcOrNull(row.first_review_at),
    reviewCount: row.review_count,
    additions: row.additions,
    deletions: row.deletions,
    linkedWorkItemKeys: [...row.work_item_keys].sort(compareWorkItemKeys),
  };
}

@Injectable()
export class PullRequestReadService {
  constructor(private readonly pullRequests: PullRequestReadRepository) {}

  async list(request: PullRequestListRequest): Promise<PullRequestListPage> {
    const rows = await this.pullRequests.listAfter(request);
    return keysetPage(
      rows,
      request.limit,
      request.scope,
      (row) => [row.repository_id, row.number],
      toPullRequestView,
    );
  }

  async get(params: PullRequestParams): Promise<PullRequestView | null> {
    const row = await this.pullRequests.findOne(
      repositoryId(`${params.owner}/${params.name}`),
      params.number,
    );
    return row === null ? null : toPullRequestView(row);
  }
}
