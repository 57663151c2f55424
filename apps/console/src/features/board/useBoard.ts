import { useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { IncidentView } from '@app/incidents/contract';
import type { JurisdictionNode } from '@app/shared/contract';
import { getWithHeaders } from '../../api';
import { rememberIncidents } from '../../app/incident-changes';
import { useLiveMessages } from '../../app/live-events';
import { applyDelta, firstPagePath, matchesFilter, nextPathOf, type BoardFilter, type BoardPage } from './board-model';

type Pages = InfiniteData<BoardPage, string | null>;

/**
 * Drill incidents never reach the board as live deltas: their deltas go only to the rooms of their drill (docs/api.md
 * §16), and the console follows one room at a time. A list that includes them is therefore read again whenever it is
 * shown and every so often while it stays open; a real-only list is kept current by deltas and is never re-read.
 */
const DRILL_LIST_REFRESH_MS = 10_000;

/** After live deltas the server is asked for the counts once things have settled, not once per delta. */
const RECOUNT_AFTER_MS = 800;

async function fetchPage(path: string): Promise<BoardPage> {
  const { body, headers } = await getWithHeaders<IncidentView[]>(path);
  rememberIncidents(body);
  const count = (name: string) => {
    const value = Number(headers.get(name));
    return Number.isFinite(value) && value >= 0 ? value : body.length;
  };
  return {
    items: body,
    total: count('x-total-count'),
    open: count('x-open-count'),
    next: nextPathOf(headers.get('link')),
  };
}

/**
 * The board as the server lists it for `filter` (order `urgency`), page by page in the query cache; live
 * `incident.changed` deltas patch the loaded rows in place and insert new matching incidents at their place.
 */
export function useBoard(filter: BoardFilter, tree: readonly JurisdictionNode[]) {
  const queryClient = useQueryClient();
  const first = firstPagePath(filter);
  const queryKey = useMemo(() => ['board', first] as const, [first]);
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam ?? first),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    ...(filter.drill === 'real' ? {} : { staleTime: 0, refetchInterval: DRILL_LIST_REFRESH_MS }),
  });

  const recountTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (recountTimer.current) clearTimeout(recountTimer.current);
    },
    [],
  );
  const recount = useCallback(() => {
    if (recountTimer.current) clearTimeout(recountTimer.current);
    recountTimer.current = setTimeout(() => {
      const path = first.replace(/([?&])limit=\d+/, '$1limit=1');
      fetchPage(path).then(
        ({ total, open }) =>
          queryClient.setQueryData<Pages>(queryKey, (data) =>
            data ? { ...data, pages: data.pages.map((p) => ({ ...p, total, open })) } : data,
          ),
        () => undefined, // the next delta or reconnect asks again
      );
    }, RECOUNT_AFTER_MS);
  }, [first, queryClient, queryKey]);

  useLiveMessages(['incident.changed'], (message) => {
    const incident = message.data as IncidentView | null;
    if (!incident || typeof incident !== 'object' || typeof incident.id !== 'string') return;
    const matches = matchesFilter(incident, filter, tree);
    let again = false;
    queryClient.setQueryData<Pages>(queryKey, (data) => {
      if (!data) return data;
      const patched = applyDelta(data, incident, matches);
      again = patched.recount;
      return patched.data;
    });
    if (again) recount();
  });

  const rows = useMemo(() => {
    // A row inserted by a delta and then brought by a later page too is shown once.
    const seen = new Set<string>();
    return (query.data?.pages ?? []).flatMap((p) => p.items).filter((i) => !seen.has(i.id) && seen.add(i.id));
  }, [query.data]);
  const head = query.data?.pages[0];
  return {
    rows,
    total: head?.total ?? null,
    open: head?.open ?? null,
    loading: query.isPending,
    error: query.error,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
    retry: () => void query.refetch(),
  };
}
