import { workerDatabaseUrl } from '../support/test-database';

// Runs in each jest worker before each suite: DATABASE_URL (and the application role's URL to the same database)
// names this worker's own database (the global setup made one per worker), so suites running at the same time in
// other workers never share one. Running it again for the next suite of the worker changes nothing.
const prefix = process.env.TEST_WORKER_DATABASE_PREFIX;
const worker = process.env.JEST_WORKER_ID;
const owner = process.env.DATABASE_URL;
if (prefix && worker && owner) {
  const app = process.env.TEST_APP_DATABASE_URL;
  if (app && new URL(app).pathname === new URL(owner).pathname)
    process.env.TEST_APP_DATABASE_URL = workerDatabaseUrl(app, prefix, worker);
  process.env.DATABASE_URL = workerDatabaseUrl(owner, prefix, worker);
}
