import type { HazardCategory, HazardGrade, HazardUnitKind } from '../../contract';
import {
  HazardCasAmbiguousError,
  HazardCasInvalidError,
  HazardExposedPopulationInvalidError,
  HazardNamedWithoutCasError,
  HazardNoSubstancesError,
  HazardQuantityInvalidError,
  HazardSubstanceUnclassifiedError,
  HazardTableEntryMismatchError,
  HazardValueConflictsStandardError,
  HazardValueLessStrictError,
} from './assessment.errors';
import { isValidCasNumber } from './cas-number';
import { Exact } from './exact';
import {
  ALPHA_BANDS,
  GRADE_BANDS,
  HAZARD_CLASSES,
  HAZARD_CLASS_CODES,
  NAMED_SUBSTANCES,
  STANDARD,
  TOXIC_GAS_BETA,
  type HazardClassCode,
  type NamedSubstance,
} from './gb18218.data';

/** Largest quantity, critical quantity or population the register takes (far above any real unit). */
export const HAZARD_LIMITS = { tonnes: 10_000_000, beta: 100, population: 10_000_000, substances: 200 } as const;

/** One substance of a unit as the enterprise declares it. */
export interface SubstanceInput {
  casNo?: string | null;
  name: string;
  /** A symbol of Table 2 (J1 … W11); required when the substance is not named in Table 1. */
  category?: HazardClassCode | null;
  /** 序号 of Table 1: picks the entry when one CAS number has several (硝化纤维素, 硝酸铵) or none (煤气, 烷基铝). */
  tableEntry?: number | null;
  /** q: the largest quantity that can be present in the unit, tonnes. */
  quantityTonnes: number;
  criticalQuantityTonnes?: number | null;
  beta?: number | null;
}

export interface AssessmentInput {
  unitKind: HazardUnitKind;
  /** People outside the plant within 500 m. */
  exposedPopulation: number;
  substances: readonly SubstanceInput[];
}

export interface SubstanceAssessment {
  casNo: string | null;
  name: string;
  tableEntry: number | null;
  hazardClass: HazardClassCode;
  category: HazardCategory;
  categoryLabel: string;
  quantityTonnes: number;
  criticalQuantityTonnes: number;
  beta: number;
  basis: 'named' | 'category' | 'entered';
  /** Where Q and β came from, in words (the table and entry, or why an entered value was taken). */
  basisNote: string;
  /** q/Q cut to four decimals, and exactly. */
  ratio: number;
  ratioExact: string;
}

export interface HazardAssessment {
  standard: string;
  unitKind: HazardUnitKind;
  substances: SubstanceAssessment[];
  /** Σ q/Q cut to four decimals (never shown as 1 while it is below 1), and exactly. */
  sumRatio: number;
  sumRatioExact: string;
  isMajor: boolean;
  exposedPopulation: number;
  alpha: number;
  alphaBand: string;
  /** R = α · Σ β·q/Q cut to two decimals, and exactly. */
  r: number;
  rExact: string;
  grade: HazardGrade | null;
  gradeLabel: string | null;
}

const BY_CAS = new Map<string, NamedSubstance[]>();
for (const entry of NAMED_SUBSTANCES) {
  for (const cas of entry.casNos) BY_CAS.set(cas, [...(BY_CAS.get(cas) ?? []), entry]);
}
const BY_NAME = new Map<string, NamedSubstance>();
for (const entry of NAMED_SUBSTANCES) {
  for (const name of [entry.name, ...entry.aliases]) if (!BY_NAME.has(name)) BY_NAME.set(name, entry);
}
const TOXIC_BY_CAS = new Map(TOXIC_GAS_BETA.map((g) => [g.casNo, g]));
const TOXIC_BY_NAME = new Map(TOXIC_GAS_BETA.map((g) => [g.name, g]));

export function isHazardClassCode(value: unknown): value is HazardClassCode {
  return typeof value === 'string' && (HAZARD_CLASS_CODES as readonly string[]).includes(value);
}

/** The named entry of Table 1 a CAS number stands for (the first when several share it), for labels and hints. */
export function namedSubstanceByCas(casNo: string): NamedSubstance | undefined {
  return BY_CAS.get(casNo)?.[0];
}

/**
 * Identifies a unit (GB 18218-2018 4.2: Σ qᵢ/Qᵢ ≥ 1 makes it a major hazard source) and grades it (4.3: R = α·Σ βᵢ·qᵢ/Qᵢ;
 * 一级 R ≥ 100, 二级 50 ≤ R < 100, 三级 10 ≤ R < 50, 四级 R < 10). Pure: the same declaration always gives the same
 * assessment. A named substance is found by its CAS number (its name never overrides the number), an unnamed one by
 * its Table 2 category; the standard's Q and β govern (see `resolve`). All arithmetic is exact (`Exact`).
 */
export function assessHazardSource(input: AssessmentInput): HazardAssessment {
  const population = input.exposedPopulation;
  if (!Number.isSafeInteger(population) || population < 0 || population > HAZARD_LIMITS.population) {
    throw new HazardExposedPopulationInvalidError();
  }
  if (input.substances.length === 0 || input.substances.length > HAZARD_LIMITS.substances) {
    throw new HazardNoSubstancesError();
  }
  const resolved = input.substances.map((substance, index) => resolve(substance, index));
  let sum = Exact.ZERO;
  let weighted = Exact.ZERO;
  for (const r of resolved) {
    sum = sum.add(r.ratio);
    weighted = weighted.add(r.ratio.mul(Exact.fromNumber(r.view.beta)));
  }
  const band = ALPHA_BANDS.find((b) => population >= b.min && (b.max === null || population <= b.max))!;
  const r = Exact.fromNumber(band.alpha).mul(weighted);
  const isMajor = sum.atLeast(Exact.ONE);
  const gradeBand = isMajor ? GRADE_BANDS.find((g) => r.atLeast(Exact.fromNumber(g.minR)))! : null;
  return {
    standard: STANDARD,
    unitKind: input.unitKind,
    substances: resolved.map((x) => x.view),
    sumRatio: sum.truncated(4),
    sumRatioExact: sum.toString(),
    isMajor,
    exposedPopulation: population,
    alpha: band.alpha,
    alphaBand: band.label,
    r: r.truncated(2),
    rExact: r.toString(),
    grade: gradeBand?.grade ?? null,
    gradeLabel: gradeBand?.label ?? null,
  };
}

interface Resolved {
  view: SubstanceAssessment;
  ratio: Exact;
}

function resolve(input: SubstanceInput, index: number): Resolved {
  const name = input.name.trim();
  const where = { index, name };
  assertPositive(where, 'quantityTonnes', input.quantityTonnes, HAZARD_LIMITS.tonnes);
  if (input.criticalQuantityTonnes != null) {
    assertPositive(where, 'criticalQuantityTonnes', input.criticalQuantityTonnes, HAZARD_LIMITS.tonnes);
  }
  if (input.beta != null) assertPositive(where, 'beta', input.beta, HAZARD_LIMITS.beta);
  const casNo = input.casNo?.trim() || null;
  if (casNo !== null && !isValidCasNumber(casNo)) throw new HazardCasInvalidError(where, casNo);

  const named = namedEntryOf(input, where, casNo);
  if (named) return resolveNamed(input, where, casNo, named);

  if (!input.category) throw new HazardSubstanceUnclassifiedError(where, casNo);
  const rule = HAZARD_CLASSES[input.category];
  const toxic = casNo ? TOXIC_BY_CAS.get(casNo) : undefined;
  const standardBeta = toxic?.beta ?? rule.beta;
  const betaSource = toxic ? `${STANDARD} 表3（${toxic.name}）` : `${STANDARD} 表4（${rule.code}）`;
  const qSource = `${STANDARD} 表2（${rule.code}）`;
  const q = chooseStricter(
    where,
    'criticalQuantityTonnes',
    input.criticalQuantityTonnes,
    rule.criticalQuantityTonnes,
    qSource,
    'lower',
  );
  const beta = chooseStricter(where, 'beta', input.beta, standardBeta, betaSource, 'higher');
  const entered = q.entered || beta.entered;
  const notes = [
    q.entered
      ? `临界量按企业填报 ${q.value} t（严于${qSource}的 ${rule.criticalQuantityTonnes} t）`
      : `临界量按${qSource}`,
    beta.entered ? `β按企业填报 ${beta.value}（严于${betaSource}的 ${standardBeta}）` : `β按${betaSource}`,
  ];
  return view(
    input,
    name,
    casNo,
    null,
    rule.code,
    q.value,
    beta.value,
    entered ? 'entered' : 'category',
    notes.join('；'),
  );
}

/** Table 1's entry for this declaration, or null when the substance is not named there. */
function namedEntryOf(
  input: SubstanceInput,
  where: { index: number; name: string },
  casNo: string | null,
): NamedSubstance | null {
  const entryNo = input.tableEntry ?? null;
  if (casNo !== null) {
    const entries = BY_CAS.get(casNo) ?? [];
    if (entryNo !== null) {
      const chosen = entries.find((e) => e.no === entryNo);
      if (!chosen) throw new HazardTableEntryMismatchError(where, entryNo, casNo);
      return chosen;
    }
    if (entries.length > 1) throw new HazardCasAmbiguousError(where, casNo, entries);
    return entries[0] ?? null;
  }
  if (entryNo !== null) {
    const chosen = NAMED_SUBSTANCES.find((e) => e.no === entryNo);
    if (!chosen) throw new HazardTableEntryMismatchError(where, entryNo, null);
    return chosen;
  }
  // Without a number, a name of Table 1 must not slip into the category rule (a lower Q or β than the standard's).
  const byName = BY_NAME.get(where.name);
  if (byName) throw new HazardNamedWithoutCasError(where, byName.no, byName.casNos);
  return null;
}

function resolveNamed(
  input: SubstanceInput,
  where: { index: number; name: string },
  casNo: string | null,
  entry: NamedSubstance,
): Resolved {
  const toxic =
    (casNo ? TOXIC_BY_CAS.get(casNo) : undefined) ?? (entry.toxicGas ? TOXIC_BY_NAME.get(entry.toxicGas) : undefined);
  const rule = HAZARD_CLASSES[entry.hazardClass];
  const beta = toxic?.beta ?? rule.beta;
  const qSource = `${STANDARD} 表1第${entry.no}项（${entry.name}）`;
  const betaSource = toxic ? `${STANDARD} 表3（${toxic.name}）` : `${STANDARD} 表4（${rule.code}）`;
  if (input.criticalQuantityTonnes != null && input.criticalQuantityTonnes !== entry.criticalQuantityTonnes) {
    throw new HazardValueConflictsStandardError(
      where,
      'criticalQuantityTonnes',
      input.criticalQuantityTonnes,
      entry.criticalQuantityTonnes,
      qSource,
    );
  }
  if (input.beta != null && input.beta !== beta) {
    throw new HazardValueConflictsStandardError(where, 'beta', input.beta, beta, betaSource);
  }
  return view(
    input,
    where.name,
    casNo,
    entry.no,
    entry.hazardClass,
    entry.criticalQuantityTonnes,
    beta,
    'named',
    `临界量按${qSource}；β按${betaSource}`,
  );
}

function chooseStricter(
  where: { index: number; name: string },
  field: 'criticalQuantityTonnes' | 'beta',
  entered: number | null | undefined,
  standard: number,
  source: string,
  stricter: 'lower' | 'higher',
): { value: number; entered: boolean } {
  if (entered == null || entered === standard) return { value: standard, entered: false };
  const isStricter = stricter === 'lower' ? entered < standard : entered > standard;
  if (!isStricter) throw new HazardValueLessStrictError(where, field, entered, standard, source);
  return { value: entered, entered: true };
}

function view(
  input: SubstanceInput,
  name: string,
  casNo: string | null,
  tableEntry: number | null,
  hazardClass: HazardClassCode,
  criticalQuantityTonnes: number,
  beta: number,
  basis: SubstanceAssessment['basis'],
  basisNote: string,
): Resolved {
  const rule = HAZARD_CLASSES[hazardClass];
  const ratio = Exact.fromNumber(input.quantityTonnes).div(Exact.fromNumber(criticalQuantityTonnes));
  return {
    ratio,
    view: {
      casNo,
      name,
      tableEntry,
      hazardClass,
      category: rule.category,
      categoryLabel: `${rule.code} ${rule.label}`,
      quantityTonnes: input.quantityTonnes,
      criticalQuantityTonnes,
      beta,
      basis,
      basisNote,
      ratio: ratio.truncated(4),
      ratioExact: ratio.toString(),
    },
  };
}

function assertPositive(where: { index: number; name: string }, field: string, value: unknown, limit: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > limit) {
    throw new HazardQuantityInvalidError(where, field, limit);
  }
}
