import { RawPayload } from '../sources/raw/raw-payload.entity';

/** Every entity of the schema; each feature adds its own here. */
export const entities = [RawPayload];
