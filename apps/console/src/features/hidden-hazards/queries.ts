import { useQuery } from '@tanstack/react-query';
import type {
  HiddenHazardStatus,
  HiddenHazardSummaryView,
  HiddenHazardView,
  SupervisionLevel,
} from '@app/hidden-hazards/contract';
import type { JurisdictionNode } from '@app/shared/contract';
import { useCallback } from 'react';
import { get, getAll } from '../../api';
import { dictionaries, useI18n, type Translate } from '../../i18n';
import { durationText, type LocaleLang } from '../../time';
import type { Session } from '../../ui-types';
import { queryString } from '../enterprises/queries';

/**
 * The register's server state in the query cache: lists by filter, one hazard by id, the summary by grouping. A
 * command's answer (the whole view) replaces the hazard's entry and invalidates the lists and the summary; the
 * `hidden_hazard.changed` delta, when the server sends it, does the same for changes made elsewhere.
 */
export const STATUSES: readonly HiddenHazardStatus[] = ['rectifying', 'rectified', 'verified', 'closed'];
export const LEVELS: readonly SupervisionLevel[] = ['county', 'city', 'province'];

/** 判定依据 offered as suggestions; any other standard may be typed. */
export const STANDARD_SUGGESTIONS: readonly string[] = [
  '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）',
  '烟花爆竹生产经营单位重大生产安全事故隐患判定标准（试行）',
  '工贸行业重大生产安全事故隐患判定标准',
  '金属非金属矿山重大事故隐患判定标准',
  '煤矿重大事故隐患判定标准',
];

export interface HiddenHazardFilter {
  status?: string;
  grade?: string;
  overdue?: boolean;
  enterpriseId?: string;
}

export const hiddenHazardsKey = (qs: string) => ['hidden-hazards', 'list', qs] as const;
export const hiddenHazardKey = (id: string) => ['hidden-hazards', 'one', id] as const;
export const hiddenHazardSummaryKey = (groupBy: string) => ['hidden-hazards', 'summary', groupBy] as const;

export function filterQuery(filter: HiddenHazardFilter): string {
  return queryString({
    status: filter.status,
    grade: filter.grade,
    overdue: filter.overdue,
    enterpriseId: filter.enterpriseId,
  });
}

export function useHiddenHazards(filter: HiddenHazardFilter) {
  const qs = filterQuery(filter);
  return useQuery({
    queryKey: hiddenHazardsKey(qs),
    queryFn: () => getAll<HiddenHazardView>(`/hidden-hazards${qs}`),
    staleTime: 0,
  });
}

export function useHiddenHazard(id: string) {
  return useQuery({
    queryKey: hiddenHazardKey(id),
    queryFn: () => get<HiddenHazardView>(`/hidden-hazards/${id}`),
    staleTime: 0,
  });
}

export function useHiddenHazardSummary(groupBy: 'enterprise' | 'jurisdiction') {
  return useQuery({
    queryKey: hiddenHazardSummaryKey(groupBy),
    queryFn: () => get<HiddenHazardSummaryView>(`/hidden-hazards/summary?groupBy=${groupBy}`),
    staleTime: 0,
  });
}

/** `87.5%` with one decimal; `—` when nothing was found (a rate of nothing is no rate). */
export function ratePercent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** Still open: the deadline counts; past it, overdue (the server's flag, or the clock when it has not caught up). */
export function isOverdue(h: HiddenHazardView, now: number): boolean {
  return h.status === 'rectifying' && (h.overdue || Date.parse(h.rectification.deadline) < now);
}

/** "还剩 3 天 4 小时" / "已逾期 2 天" for a hazard still being rectified; null once it is rectified. */
export function deadlineWords(h: HiddenHazardView, now: number, t: Translate, lang: LocaleLang): string | null {
  if (h.status !== 'rectifying') return null;
  const left = Date.parse(h.rectification.deadline) - now;
  if (Number.isNaN(left)) return null;
  if (isOverdue(h, now)) return t('hiddenHazards.overdueBy', { span: durationText(Math.max(0, -left), lang) });
  return t('hiddenHazards.daysLeft', { span: durationText(left, lang) });
}

/**
 * A server code named from this feature's catalogue in the console's language; a code it does not know yet shows the
 * label the server sent beside it.
 */
export function useHazardNames() {
  const { lang } = useI18n();
  return useCallback(
    (group: 'grade' | 'status' | 'source' | 'level', code: string, serverLabel: string) => {
      const dict = dictionaries[lang] as Record<string, string>;
      const key = `hiddenHazards.${group}.${code}`;
      return Object.hasOwn(dict, key) ? dict[key]! : serverLabel;
    },
    [lang],
  );
}

/* Who may do what: the permissions of libs/shared/src/auth/permissions.ts, mirrored so a role sees only its buttons. */
const has = (session: Session, ...roles: string[]) => session.user.roles.some((r) => roles.includes(r));
/** hidden_hazard.record: recording a hazard and reporting its rectification. */
export const mayRecord = (s: Session) => has(s, 'duty_officer', 'commander', 'admin');
/** hidden_hazard.supervise: 挂牌督办. */
export const maySupervise = (s: Session) => has(s, 'commander');
/** hidden_hazard.verify: 验收 and 销号. */
export const mayVerify = (s: Session) => has(s, 'commander');

const RANK: Record<SupervisionLevel, number> = { county: 1, city: 2, province: 3 };

/** The node of `code` and its ancestors, the node first. */
function lineOf(tree: readonly JurisdictionNode[], code: string): JurisdictionNode[] {
  for (const node of tree) {
    if (node.code === code) return [node];
    const below = lineOf(node.children, code);
    if (below.length > 0) return [...below, node];
  }
  return [];
}

/** The supervision level a jurisdiction acts at: a 园区 acts as a county does; a town supervises nothing. */
function levelOf(node: JurisdictionNode): SupervisionLevel | null {
  if (node.level === 'city') return 'city';
  return node.level === 'county' || node.level === 'park' ? 'county' : null;
}

/** The government level a user acts for: their jurisdiction's (a county's, a park's or a city's), else none. */
export function actingLevel(tree: readonly JurisdictionNode[], jurisdiction: string | null | undefined) {
  const node = jurisdiction ? lineOf(tree, jurisdiction)[0] : undefined;
  return node ? levelOf(node) : null;
}

/**
 * The levels a commander may put the hazard under: at most the commander's own level, only levels on the hazard's line
 * of jurisdictions (its county or park, its city), and above a level it is already under (supervision is only ever
 * raised).
 */
export function supervisableLevels(
  tree: readonly JurisdictionNode[],
  hazard: HiddenHazardView,
  userJurisdiction: string | null | undefined,
): SupervisionLevel[] {
  const own = actingLevel(tree, userJurisdiction);
  if (!own) return [];
  const onLine = new Set(lineOf(tree, hazard.jurisdiction).map(levelOf));
  const current = hazard.supervision ? RANK[hazard.supervision.level] : 0;
  return LEVELS.filter((l) => RANK[l] <= RANK[own] && onLine.has(l) && RANK[l] > current);
}

/** Whether the user's level may accept and close: any level without supervision, else the supervising one or above. */
export function levelMayVerify(
  tree: readonly JurisdictionNode[],
  hazard: HiddenHazardView,
  userJurisdiction: string | null | undefined,
): boolean {
  if (!hazard.supervision) return true;
  const own = actingLevel(tree, userJurisdiction);
  return own !== null && RANK[own] >= RANK[hazard.supervision.level];
}
