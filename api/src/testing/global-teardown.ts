import { stopThrowawayServer } from './postgres-server';

export default function globalTeardown(): void {
  const dataDir = process.env.RR_TEST_PG_DATA_DIR;
  const binDir = process.env.RR_TEST_PG_BIN_DIR;
  if (dataDir !== undefined && binDir !== undefined) stopThrowawayServer({ dataDir, binDir });
}
