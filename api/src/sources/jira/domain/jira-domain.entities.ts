import { Board } from './board.entity';
import { Sprint } from './sprint.entity';
import { WorkItemChange } from './work-item-change.entity';
import { WorkItemComment } from './work-item-comment.entity';
import { WorkItemLink } from './work-item-link.entity';
import { WorkItemSprint } from './work-item-sprint.entity';
import { WorkItem } from './work-item.entity';

/** The Jira connector's domain tables, registered in database/entities.ts. */
export const jiraDomainEntities = [
  WorkItem,
  WorkItemChange,
  WorkItemComment,
  WorkItemLink,
  Board,
  Sprint,
  WorkItemSprint,
];
