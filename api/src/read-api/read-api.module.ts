import { Module } from '@nestjs/common';
import { PullRequestReadRepository } from './pull-request-read.repository';
import { PullRequestReadService } from './pull-request-read.service';
import { PullRequestsController } from './pull-requests.controller';
import { WorkItemReadRepository } from './work-item-read.repository';
import { WorkItemReadService } from './work-item-read.service';
import { WorkItemsController } from './work-items.controller';

/** The contract read API: `GET /api/pull-requests` and `GET /api/work-items` (and one item of each). */
@Module({
  controllers: [PullRequestsController, WorkItemsController],
  providers: [
    PullRequestReadRepository,
    PullRequestReadService,
    WorkItemReadRepository,
    WorkItemReadService,
  ],
})
export class ReadApiModule {}
