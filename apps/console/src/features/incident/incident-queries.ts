import { useInfiniteQuery, useQuery, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { ApiError, get, wasAccepted } from '../../api';
import { useLiveMessages } from '../../app/live-events';
import { rememberIncidents } from '../../app/incident-changes';
import { comparePositions } from '../../position';
import type { IncidentAccountView, IncidentView, TimelineEntryView, TimelinePageView } from '@app/incidents/contract';

/**
 * The incident's server state in the query cache, one key family per incident (`['incident', id, …]`), kept current by
 * live deltas: `incident.changed` replaces the incident (the newer position wins), `timeline.appended` puts the line on
 * top of the newest page and, for an intake or a follow-up, has the account read again.
 */
export const incidentKeys = {
  all: (id: string) => ['incident', id] as const,
  incident: (id: string) => ['incident', id, 'view'] as const,
  timeline: (id: string) => ['incident', id, 'timeline'] as const,
  account: (id: string) => ['incident', id, 'account'] as const,
};

export const TIMELINE_PAGE = 20;

/** The newer of two versions of the incident: by global position, then by revision. */
export function newerIncident(current: IncidentView | undefined, incoming: IncidentView): IncidentView {
  if (!current) return incoming;
  const byPosition = comparePositions(incoming.position, current.position);
  if (byPosition !== 0) return byPosition > 0 ? incoming : current;
  return incoming.revision >= current.revision ? incoming : current;
}

/** Stores a version of the incident (from a delta or a command's answer) unless the cache already holds a newer one. */
export function putIncident(client: QueryClient, incident: IncidentView): void {
  rememberIncidents([incident]);
  client.setQueryData<IncidentView>(incidentKeys.incident(incident.id), (current) => newerIncident(current, incident));
}

/** An incident a 202 named exists though the read model may not show it yet: a 404 is asked again a few times. */
const retryUnlessGone = (id: string) => (failures: number, error: unknown) =>
  error instanceof ApiError && error.status === 404 ? wasAccepted(id) && failures < 10 : failures < 2;

export function useIncident(id: string, placeholder?: IncidentView) {
  const client = useQueryClient();
  useLiveMessages(['incident.changed'], (message) => {
    const incident = message.data as IncidentView | undefined;
    if (incident?.id === id) putIncident(client, incident);
  });
  return useQuery({
    queryKey: incidentKeys.incident(id),
    queryFn: async () => {
      const incident = await get<IncidentView>(`/incidents/${id}`);
      rememberIncidents([incident]);
      return incident;
    },
    placeholderData: placeholder,
    retry: retryUnlessGone(id),
    retryDelay: 1500,
  });
}

type TimelinePages = InfiniteData<TimelinePageView, string | null>;

/** Adds a line that came live on top of the newest page, once (a page read after it may already hold it). */
export function withLiveLine(data: TimelinePages, entry: TimelineEntryView): TimelinePages {
  if (data.pages.some((page) => page.entries.some((e) => e.id === entry.id))) return data;
  const [first, ...rest] = data.pages;
  if (!first) return data;
  const entries = [entry, ...first.entries].sort((a, b) => comparePositions(b.position, a.position));
  return { ...data, pages: [{ ...first, entries, total: first.total + 1 }, ...rest] };
}

/** The timeline newest first, a page at a time ("显示更多" asks for the next, older one). */
export function useTimeline(id: string) {
  const client = useQueryClient();
  useLiveMessages(['timeline.appended'], (message) => {
    const entry = message.data as TimelineEntryView | undefined;
    if (entry?.incidentId !== id) return;
    const key = incidentKeys.timeline(id);
    const state = client.getQueryState(key);
    // A page being read may or may not hold the line: read it again once more rather than guess.
    if (!state?.data || state.fetchStatus === 'fetching') void client.invalidateQueries({ queryKey: key });
    else client.setQueryData<TimelinePages>(key, (data) => (data ? withLiveLine(data, entry) : data));
  });
  return useInfiniteQuery({
    queryKey: incidentKeys.timeline(id),
    queryFn: ({ pageParam }) =>
      get<TimelinePageView>(
        `/incidents/${id}/timeline/page?limit=${TIMELINE_PAGE}${pageParam ? `&before=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore,
  });
}

/** The account as received at intake and every follow-up beside it. */
export function useAccount(id: string) {
  const client = useQueryClient();
  // The account has no delta of its own: an intake or follow-up line on the timeline says it grew.
  useLiveMessages(['timeline.appended'], (message) => {
    const entry = message.data as TimelineEntryView | undefined;
    if (entry?.incidentId === id && (entry.type === 'IncidentReported' || entry.type === 'SituationUpdated'))
      void client.invalidateQueries({ queryKey: incidentKeys.account(id) });
  });
  return useQuery({
    queryKey: incidentKeys.account(id),
    queryFn: () => get<IncidentAccountView>(`/incidents/${id}/account`),
    // The account's read model may lag the board by a moment after an intake.
    retry: (failures, error) => failures < (error instanceof ApiError && error.status === 404 ? 5 : 2),
    retryDelay: 1000,
  });
}
