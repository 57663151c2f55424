import type { InfiniteData } from '@tanstack/react-query';
import type { IncidentView } from '@app/incidents/contract';
import type { JurisdictionNode } from '@app/shared/contract';

/** What the officer filters the board by; every field is sent to the server (GET /incidents, docs/api.md). */
export interface BoardFilter {
  status: 'all' | 'open' | 'closed';
  /** A jurisdiction code (the ones below it included), or 'all' (everything the user may see). */
  jurisdiction: string;
  grade: 'all' | IncidentView['grade'];
  category: string;
  drill: 'real' | 'drill' | 'all';
  /** Words in the title, the place or the enterprise. */
  q: string;
  /** Received within the last so many hours (0: whenever), and the instant that window started when it was picked. */
  withinHours: number;
  since: string | null;
}

export const DEFAULT_FILTER: BoardFilter = {
  status: 'all',
  jurisdiction: 'all',
  grade: 'all',
  category: 'all',
  drill: 'real',
  q: '',
  withinHours: 0,
  since: null,
};

/** Rows per request: a screenful or two; the rest comes on demand. */
export const PAGE_SIZE = 50;

export interface BoardPage {
  items: IncidentView[];
  /** How many incidents match the filter, and how many of those are still open (the server's headers). */
  total: number;
  open: number;
  /** The path of the next page (from `Link: <…>; rel="next"`), or null on the last one. */
  next: string | null;
}

/**
 * The start of a receipt window picked at `now`. Kept in the filter from then on, so the query key, and with it the
 * cursor the server binds to the filter, stays the same while the officer pages.
 */
export function windowStart(hours: number, now: number): string | null {
  if (!hours) return null;
  const start = now - hours * 3_600_000;
  return new Date(start - (start % 60_000)).toISOString();
}

/** The first page's path: only what differs from the server's defaults is sent. */
export function firstPagePath(filter: BoardFilter): string {
  const params = new URLSearchParams({ order: 'urgency', limit: String(PAGE_SIZE) });
  if (filter.status !== 'all') params.set('status', filter.status);
  if (filter.jurisdiction !== 'all') params.set('jurisdiction', filter.jurisdiction);
  if (filter.grade !== 'all') params.set('grade', filter.grade);
  if (filter.category !== 'all') params.set('category', filter.category);
  if (filter.drill !== 'real') params.set('drill', filter.drill);
  const q = filter.q.trim();
  if (q) params.set('q', q);
  if (filter.since) params.set('since', filter.since);
  return `/incidents?${params.toString()}`;
}

/** The `rel="next"` target of a Link header, as a path under the API's base. */
export function nextPathOf(link: string | null): string | null {
  const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(link ?? '');
  if (!match) return null;
  const url = new URL(match[1]!, 'http://console.invalid');
  return url.pathname.replace(/^\/api\/v1/, '') + url.search;
}

/** The codes of a jurisdiction and everything below it. */
export function codesWithin(tree: readonly JurisdictionNode[], code: string): Set<string> {
  const found = (nodes: readonly JurisdictionNode[]): JurisdictionNode | null => {
    for (const n of nodes) {
      if (n.code === code) return n;
      const below = found(n.children);
      if (below) return below;
    }
    return null;
  };
  const all = new Set<string>();
  const collect = (n: JurisdictionNode) => {
    all.add(n.code);
    n.children.forEach(collect);
  };
  const root = found(tree);
  if (root) collect(root);
  else all.add(code);
  return all;
}

/**
 * Whether an incident a live delta brings belongs on this board: the same test the server's filter makes, so a new
 * incident appears where the server would list it and one that no longer matches leaves.
 */
export function matchesFilter(incident: IncidentView, filter: BoardFilter, tree: readonly JurisdictionNode[]): boolean {
  if (filter.status !== 'all' && incident.status !== filter.status) return false;
  if (filter.grade !== 'all' && incident.grade !== filter.grade) return false;
  if (filter.category !== 'all' && incident.category !== filter.category) return false;
  if (filter.drill === 'real' && incident.drillId) return false;
  if (filter.drill === 'drill' && !incident.drillId) return false;
  if (filter.jurisdiction !== 'all' && !codesWithin(tree, filter.jurisdiction).has(incident.jurisdiction)) return false;
  if (filter.since && Date.parse(incident.receivedAt) < Date.parse(filter.since)) return false;
  const text = [incident.title, incident.location?.address ?? '', incident.enterprise ?? ''].join(' ').toLowerCase();
  return filter.q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(word));
}

const GRADE_RANK: Record<IncidentView['grade'], number> = { especially_serious: 0, serious: 1, major: 2, general: 3 };

/** The earliest obligation still owed (an overdue one is owed too), or +∞. */
export function dueOf(incident: IncidentView): number {
  let due = Infinity;
  for (const d of incident.deadlines)
    if (d.status === 'pending' || d.status === 'overdue') due = Math.min(due, Date.parse(d.dueAt));
  return due;
}

/** `Infinity - Infinity` is NaN: two incidents with nothing owed compare equal on that key. */
function safe(n: number): number {
  return Number.isNaN(n) ? 0 : n;
}

/**
 * The server's `urgency` order (docs/api.md): open first, then the soonest due obligation (an overdue one is due
 * earliest), then the graver grade, then the newer receipt, then the id.
 */
export function compareUrgency(a: IncidentView, b: IncidentView): number {
  const open = (i: IncidentView) => (i.status === 'open' ? 0 : 1);
  return (
    open(a) - open(b) ||
    safe(dueOf(a) - dueOf(b)) ||
    GRADE_RANK[a.grade] - GRADE_RANK[b.grade] ||
    Date.parse(b.receivedAt) - Date.parse(a.receivedAt) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * The loaded pages after a live delta about `incident`, and whether the counts must be asked again:
 * - a row already shown is replaced where it stands (an officer reading the board does not see rows jump), or leaves
 *   when it no longer matches the filter; the counts follow;
 * - an incident not shown that matches is inserted at its place in the urgency order when that place lies among the
 *   rows loaded, or after them when every page is loaded. When every page is loaded it is new and the counts follow;
 *   otherwise it may be one of the pages not loaded yet, so only the server can tell the count (`recount`).
 * An older copy than the one shown (a delta overtaken by a page read after it) changes nothing.
 */
export function applyDelta(
  data: InfiniteData<BoardPage, string | null>,
  incident: IncidentView,
  matches: boolean,
): { data: InfiniteData<BoardPage, string | null>; recount: boolean } {
  const pages = data.pages;
  const head = pages[0];
  if (!head) return { data, recount: false };
  const where = pages.findIndex((p) => p.items.some((i) => i.id === incident.id));
  const withCounts = (total: number, open: number) => pages.map((p) => ({ ...p, total, open }));
  const isOpen = incident.status === 'open' ? 1 : 0;
  if (where >= 0) {
    const shown = pages[where]!.items.find((i) => i.id === incident.id)!;
    if (shown.revision > incident.revision) return { data, recount: false };
    const wasOpen = shown.status === 'open' ? 1 : 0;
    const next = matches
      ? withCounts(head.total, Math.max(0, head.open - wasOpen + isOpen))
      : withCounts(Math.max(0, head.total - 1), Math.max(0, head.open - wasOpen));
    const items = next[where]!.items;
    next[where] = {
      ...next[where]!,
      items: matches
        ? items.map((i) => (i.id === incident.id ? incident : i))
        : items.filter((i) => i.id !== incident.id),
    };
    return { data: { ...data, pages: next }, recount: false };
  }
  if (!matches) return { data, recount: false };
  const complete = pages[pages.length - 1]!.next === null;
  const next = complete ? withCounts(head.total + 1, head.open + isOpen) : pages.slice();
  for (let p = 0; p < next.length; p += 1) {
    const items = next[p]!.items;
    const at = items.findIndex((i) => compareUrgency(incident, i) < 0);
    if (at >= 0) {
      next[p] = { ...next[p]!, items: [...items.slice(0, at), incident, ...items.slice(at)] };
      return { data: { ...data, pages: next }, recount: !complete };
    }
  }
  if (complete) {
    const last = next.length - 1;
    next[last] = { ...next[last]!, items: [...next[last]!.items, incident] };
  }
  return { data: { ...data, pages: next }, recount: !complete };
}
