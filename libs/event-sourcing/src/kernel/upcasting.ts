import type { RecordedEvent } from '@app/event-store';
import type { DomainEvent } from './decider';

/**
 * Old event shapes are upcast by plain functions keyed by the stored type and schema version; the stored type
 * name stays the same (ARCHITECTURE.md). An upcaster returns the data in the next schema version's shape.
 */
export type Upcasters = Readonly<Record<string, Readonly<Record<number, (data: unknown) => unknown>>>>;

export function upcast(recorded: RecordedEvent, upcasters: Upcasters | undefined): DomainEvent {
  let data = recorded.data;
  let version = recorded.metadata.schemaVersion ?? 1;
  const steps = upcasters?.[recorded.type];
  while (steps?.[version]) {
    data = steps[version]!(data);
    version++;
  }
  return { type: recorded.type, data };
}
