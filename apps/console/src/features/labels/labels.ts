import { useCallback } from 'react';
import type { JurisdictionNode } from '@app/shared/contract';
import { activeLang, type LocaleLang } from '../../app/locale';
import { dictionaries, useI18n, type MessageKey } from '../../i18n';

/**
 * The server sends codes with Chinese `…Label` fields beside them (`status` and `statusLabel`). The console shows the
 * code's name from its own catalogue (features/labels/messages.ts) in the current language, so English mode is
 * English; a code the catalogue does not know yet shows the server's label (never the bare code where one was sent).
 */
export type LabelGroup =
  | 'grade'
  | 'responseLevel'
  | 'reportLevel'
  | 'incidentStatus'
  | 'category'
  | 'deadlineKind'
  | 'deadlineStatus'
  | 'party'
  | 'teamKind'
  | 'specialty'
  | 'teamStatus'
  | 'warehouseLevel'
  | 'reserveKind'
  | 'allocationStatus'
  | 'planKind'
  | 'planStatus'
  | 'planOwnerKind'
  | 'reviewKind'
  | 'reviewConclusion'
  | 'filingState'
  | 'evaluationState'
  | 'drillDueState'
  | 'warningLevel'
  | 'warningStatus'
  | 'warningChannel'
  | 'warningAction'
  | 'role'
  | 'rollCallStatus'
  | 'handoverStatus'
  | 'drillStatus'
  | 'jurisdictionLevel'
  /** Event types of an incident's stream (replay, timeline). */
  | 'eventType'
  /** By material code (GB/T 38565-style catalogue of the warehouses context). */
  | 'material'
  /** By the Chinese measure word the server sends (`顶`, `箱`, `平方米`). */
  | 'unit';

/** The name of `code` in `group`: the catalogue's, else the server's own `fallback`, else the code. */
export function label(
  group: LabelGroup,
  code: string | null | undefined,
  fallback?: string | null,
  lang: LocaleLang = activeLang(),
): string {
  if (code === null || code === undefined || code === '') return fallback ?? '';
  const key = `label.${group}.${code}`;
  const dict = dictionaries[lang] as Record<string, string>;
  return Object.hasOwn(dict, key) ? dict[key as MessageKey] : (fallback ?? code);
}

/** Several codes of one group (a team's specialties), joined as the language lists them. */
export function labelList(
  group: LabelGroup,
  codes: readonly string[],
  fallbacks: readonly string[] = [],
  lang: LocaleLang = activeLang(),
): string {
  return codes.map((c, i) => label(group, c, fallbacks[i], lang)).join(lang === 'en' ? ', ' : '、');
}

/** `label` and `labelList` in the language of the surrounding `I18nContext` (re-rendered when it is switched). */
export function useLabels() {
  const { lang } = useI18n();
  return {
    label: useCallback(
      (group: LabelGroup, code: string | null | undefined, fallback?: string | null) =>
        label(group, code, fallback, lang),
      [lang],
    ),
    labelList: useCallback(
      (group: LabelGroup, codes: readonly string[], fallbacks?: readonly string[]) =>
        labelList(group, codes, fallbacks, lang),
      [lang],
    ),
  };
}

/**
 * A jurisdiction's name as the bureau writes it (the same in both languages: 中卫市 is its name), from the tree of
 * `GET /jurisdictions` or the name a view carried; a code is never shown — an unknown one reads as "—".
 */
export function jurisdictionName(
  tree: readonly JurisdictionNode[],
  code: string | null | undefined,
  carried?: string | null,
): string {
  if (carried && carried !== code) return carried;
  if (!code) return '—';
  const stack = [...tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.code === code) return node.name;
    stack.push(...node.children);
  }
  return '—';
}
