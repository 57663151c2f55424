import { workerDatabaseUrl } from '../support/test-database';

// Runs in each jest worker before each suite: DATABASE_URL names this worker's own database (the global setup made
// one per worker), so suites running at the same time in other workers never share one.
const prefix = process.env.TEST_WORKER_DATABASE_PREFIX;
const worker = process.env.JEST_WORKER_ID;
if (prefix && worker && process.env.DATABASE_URL)
  process.env.DATABASE_URL = workerDatabaseUrl(process.env.DATABASE_URL, prefix, worker);
