import { CreateRawPayload1763794800000 } from './1763794800000-create-raw-payload';
import { CreateIdentity1763795400000 } from './1763795400000-create-identity';

/** Every migration, oldest first. Landed migrations are never edited: add a new one. */
export const migrations = [CreateRawPayload1763794800000, CreateIdentity1763795400000];
