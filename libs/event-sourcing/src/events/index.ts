// Event registries and upcasting, for domain code: this entry point loads no store adapter, driver or framework at run
// time (the package's main entry also brings command handling, which loads the event-store adapters).
export {
  EventRegistry,
  EventFromNewerSchemaError,
  type EventSchema,
  type Recorded,
  type Upcasters,
} from '../kernel/upcasting';
export { defineDecider, unknownCase, type Decider, type DomainEvent } from '../kernel/decider';
export type { Snapshotting } from '../kernel/snapshots';
