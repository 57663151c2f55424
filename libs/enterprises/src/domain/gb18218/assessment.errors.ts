import { domainError } from '@app/shared';

// The identification's error catalogue: each refusal names the substance (by its position and name) and says what
// the standard asks for instead, in the words a safety officer uses.

type Where = { index: number; name: string };
const at = (w: Where) => `第${w.index + 1}种物质「${w.name}」`;
const path = (w: Where, field: string) => ({ errors: [{ path: `substances.${w.index}.${field}`, message: field }] });

export const HazardCasInvalidError = domainError({
  code: 'HAZARD_CAS_INVALID',
  kind: 'invalid',
  message: (w: Where, casNo: string) => `${at(w)}的CAS号「${casNo}」格式或校验位不正确（应如 7664-41-7）`,
  details: (w: Where, casNo: string) => ({ casNo, ...path(w, 'casNo') }),
});

export const HazardSubstanceUnclassifiedError = domainError({
  code: 'HAZARD_SUBSTANCE_UNCLASSIFIED',
  kind: 'rule',
  message: (w: Where, casNo: string | null) =>
    `${at(w)}${casNo ? `（CAS ${casNo}）` : ''}未列入 GB 18218-2018 表1，须按表2填写其危险性类别（如 J1、W2、W5.3）`,
  details: (w: Where, casNo: string | null) => ({ casNo, ...path(w, 'category') }),
});

export const HazardNamedWithoutCasError = domainError({
  code: 'HAZARD_NAMED_WITHOUT_CAS',
  kind: 'rule',
  message: (w: Where, no: number, casNos: readonly string[]) =>
    `${at(w)}是 GB 18218-2018 表1第${no}项所列物质，须按表1辨识：请填写其CAS号${casNos.length ? `（${casNos.join('、')}）` : ''}或表1序号`,
  details: (w: Where, no: number, casNos: readonly string[]) => ({ tableEntry: no, casNos, ...path(w, 'casNo') }),
});

export const HazardCasAmbiguousError = domainError({
  code: 'HAZARD_CAS_AMBIGUOUS',
  kind: 'rule',
  message: (w: Where, casNo: string, entries: readonly { no: number; name: string }[]) =>
    `${at(w)}的CAS号 ${casNo} 在 GB 18218-2018 表1中对应多个条目（${entries
      .map((e) => `第${e.no}项 ${e.name}`)
      .join('；')}），请用表1序号指明是哪一项`,
  details: (w: Where, casNo: string, entries: readonly { no: number; name: string }[]) => ({
    casNo,
    tableEntries: entries.map((e) => e.no),
    ...path(w, 'tableEntry'),
  }),
});

export const HazardTableEntryMismatchError = domainError({
  code: 'HAZARD_TABLE_ENTRY_MISMATCH',
  kind: 'rule',
  message: (w: Where, entry: number, casNo: string | null) =>
    casNo
      ? `${at(w)}：GB 18218-2018 表1第${entry}项不是CAS号 ${casNo} 的物质`
      : `${at(w)}：GB 18218-2018 表1没有第${entry}项`,
  details: (w: Where, entry: number, casNo: string | null) => ({ tableEntry: entry, casNo, ...path(w, 'tableEntry') }),
});

/** The standard's values govern for a named substance: a different Q or β is refused, never stored beside them. */
export const HazardValueConflictsStandardError = domainError({
  code: 'HAZARD_VALUE_CONFLICTS_STANDARD',
  kind: 'rule',
  message: (w: Where, field: 'criticalQuantityTonnes' | 'beta', entered: number, standard: number, source: string) =>
    `${at(w)}填报的${field === 'beta' ? '校正系数β' : '临界量'} ${entered}${field === 'beta' ? '' : ' t'} 与 ${source} 的 ${standard}${field === 'beta' ? '' : ' t'} 不符；表列物质以标准值为准`,
  details: (w: Where, field: 'criticalQuantityTonnes' | 'beta', entered: number, standard: number) => ({
    entered,
    standard,
    ...path(w, field),
  }),
});

/** For a substance identified by its category, an entered value may only be stricter than the standard's. */
export const HazardValueLessStrictError = domainError({
  code: 'HAZARD_VALUE_LESS_STRICT',
  kind: 'rule',
  message: (w: Where, field: 'criticalQuantityTonnes' | 'beta', entered: number, standard: number, source: string) =>
    field === 'beta'
      ? `${at(w)}填报的校正系数β ${entered} 小于 ${source} 的 ${standard}；只可填报不低于标准的值`
      : `${at(w)}填报的临界量 ${entered} t 大于 ${source} 的 ${standard} t；只可填报不高于标准的值`,
  details: (w: Where, field: 'criticalQuantityTonnes' | 'beta', entered: number, standard: number) => ({
    entered,
    standard,
    ...path(w, field),
  }),
});

export const HazardQuantityInvalidError = domainError({
  code: 'HAZARD_QUANTITY_INVALID',
  kind: 'invalid',
  message: (w: Where, field: string, limit: number) =>
    `${at(w)}的${field === 'quantityTonnes' ? '数量' : field === 'beta' ? '校正系数β' : '临界量'}须为大于0且不超过 ${limit} 的数`,
  details: (w: Where, field: string) => path(w, field),
});

export const HazardExposedPopulationInvalidError = domainError({
  code: 'HAZARD_EXPOSED_POPULATION_INVALID',
  kind: 'invalid',
  message: '500米范围内厂外暴露人员数须为0或正整数（不超过1000万）',
  details: () => ({ errors: [{ path: 'exposedPopulation', message: 'exposedPopulation' }] }),
});

export const HazardNoSubstancesError = domainError({
  code: 'HAZARD_NO_SUBSTANCES',
  kind: 'invalid',
  message: '须至少填报一种危险化学品及其数量（至多200种）',
  details: () => ({ errors: [{ path: 'substances', message: 'substances' }] }),
});
