import { CreateRawPayload1763794800000 } from './1763794800000-create-raw-payload';

/** Every migration, oldest first. Landed migrations are never edited: add a new one. */
export const migrations = [CreateRawPayload1763794800000];
