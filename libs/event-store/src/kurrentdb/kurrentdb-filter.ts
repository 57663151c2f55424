import { eventTypeFilter, excludeSystemEvents, streamNameFilter, type Filter } from '@kurrent/kurrentdb-client';
import { categoryOf, type GlobalFilter, type RecordedEvent } from '../port/events';
import { isSystemEvent } from './kurrentdb-mapping';

/**
 * How a port filter runs on KurrentDB: one server-side filter to cut the traffic, plus an exact client-side
 * check. The server takes a single filter, so it cannot both match a category and drop system events; and a
 * stream-name prefix `incident-` also matches `incident-x-1`, which is still category `incident` but would
 * wrongly match a category literally named `incident-x`. The client check keeps both adapters' results equal.
 */
export interface FilterPlan {
  server: Filter;
  accepts(event: Pick<RecordedEvent, 'type' | 'streamName'>): boolean;
  /** An empty category or prefix list matches nothing (as `= any('{}')` does in PostgreSQL). */
  matchesNothing: boolean;
}

export function planFilter(filter: GlobalFilter | undefined): FilterPlan {
  if (!filter) return { server: excludeSystemEvents(), accepts: (e) => !isSystemEvent(e), matchesNothing: false };
  if (filter.kind === 'category') {
    const categories = new Set(filter.categories);
    if (categories.size === 0) return nothing();
    return {
      server: streamNameFilter({ prefixes: [...categories].map((c) => `${c}-`) }),
      accepts: (e) => !isSystemEvent(e) && categories.has(categoryOf(e.streamName)),
      matchesNothing: false,
    };
  }
  const prefixes = [...filter.prefixes];
  if (prefixes.length === 0) return nothing();
  return {
    server: eventTypeFilter({ prefixes }),
    accepts: (e) => !isSystemEvent(e) && prefixes.some((p) => e.type.startsWith(p)),
    matchesNothing: false,
  };
}

function nothing(): FilterPlan {
  return { server: excludeSystemEvents(), accepts: () => false, matchesNothing: true };
}
