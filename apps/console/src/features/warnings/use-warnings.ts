import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { WarningView } from '@app/warnings/contract';
import type { DrillView } from '@app/drills/contract';
import type { JurisdictionNode } from '@app/shared/contract';
import { get, type CommandOutcome, getAll } from '../../api';
import { useLiveMessages } from '../../app/live-events';
import {
  WARNINGS_KEY,
  byUrgency,
  filterOfKey,
  patchWarnings,
  warningsKey,
  warningsPath,
  type WarningFilter,
} from './warning-model';

/** One list of warnings as the filter asks, kept current by the `warning.issued` / `warning.changed` deltas. */
export function useWarnings(filter: WarningFilter) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: warningsKey(filter),
    queryFn: async () => (await get<WarningView[]>(warningsPath(filter))).sort(byUrgency(Date.now())),
  });
  const onDelta = useCallback(
    (message: { data: unknown }) => applyWarning(client, message.data as WarningView),
    [client],
  );
  useLiveMessages(['warning.issued', 'warning.changed'], onDelta);
  return query;
}

/** A whole warning as the board shows it (a command's answer is only `id` and `revision` when the board lagged). */
function isFullView(warning: unknown): warning is WarningView {
  const w = warning as Partial<WarningView> | null | undefined;
  return typeof w?.id === 'string' && typeof w.level === 'string' && Array.isArray(w.messages) && !!w.area;
}

/** Puts a warning (from a delta or a command's answer) into every cached list it belongs to, out of the others. */
export function applyWarning(client: QueryClient, warning: WarningView): void {
  if (!isFullView(warning)) return;
  const now = Date.now();
  client.setQueryData<WarningView>([WARNINGS_KEY, 'one', warning.id], (old) =>
    old && old.revision > warning.revision ? old : warning,
  );
  for (const query of client.getQueryCache().findAll({ queryKey: [WARNINGS_KEY, 'list'] })) {
    const filter = filterOfKey(query.queryKey);
    if (filter) client.setQueryData<WarningView[]>(query.queryKey, (list) => patchWarnings(list, warning, filter, now));
  }
}

/** One warning, opened from a list (its row is the first answer) and kept while filters change under it. */
export function useWarning(id: string | null, fromList: WarningView | undefined) {
  return useQuery({
    queryKey: [WARNINGS_KEY, 'one', id],
    queryFn: () => get<WarningView>(`/warnings/${id}`),
    enabled: id !== null,
    initialData: fromList,
  });
}

/** After a command: its answer goes into the lists at once; a stored-but-not-yet-shown answer waits for its delta. */
export async function settle(client: QueryClient, outcome: CommandOutcome<WarningView>): Promise<WarningView | null> {
  if (outcome.kind === 'done' && isFullView(outcome.body)) {
    applyWarning(client, outcome.body);
    return outcome.body;
  }
  await client.invalidateQueries({ queryKey: [WARNINGS_KEY, 'list'] });
  return null;
}

/** The jurisdiction tree (every signed-in user may read it), for the jurisdictions a warning may be issued in. */
export function useJurisdictionTree() {
  return useQuery({
    queryKey: [WARNINGS_KEY, 'jurisdictions'],
    queryFn: () => get<JurisdictionNode[]>('/jurisdictions'),
  });
}

/** Drills of the user's jurisdictions: their warnings are shown only when one is chosen. */
export function useDrills() {
  return useQuery({ queryKey: [WARNINGS_KEY, 'drills'], queryFn: () => getAll<DrillView>('/drills') });
}
