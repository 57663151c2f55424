import { PostgresEventStore } from './postgres-event-store';
import { describeEventStoreContract } from '../contract/event-store.contract';

describeEventStoreContract('PostgreSQL', async () => new PostgresEventStore({ connectionString: process.env.DATABASE_URL! }));
