/**
 * The jurisdiction tree (辖区): city → county/district → town, parks under their city. Codes follow GB/T 2260
 * where one exists; the two functional zones have no GB/T 2260 code, so the demo gives them invented 6-digit codes
 * under the city and says so. The running system loads the tree from the `jurisdictions` table (seeded with the
 * demo tree below); this constant is the seed and the default for pure unit tests.
 * Per-jurisdiction settings that the law leaves to local rules live here (docs/domain.md rules 1 and 4).
 */
import type { JurisdictionLevel, JurisdictionNode } from '../contract';

export type { JurisdictionLevel, JurisdictionNode } from '../contract';

export interface Jurisdiction {
  code: string;
  name: string;
  level: JurisdictionLevel;
  parent?: string;
  timeZone: string;
  /** Whether missing persons count with the dead when grading (many local plans do). */
  countMissingAsDeaths: boolean;
  /** Reporting-deadline profile (docs/domain.md rule 4): `national` unless a local rule is stricter. */
  deadlineProfile?: string;
}

const ZONE = 'Asia/Shanghai';

export const DEMO_JURISDICTIONS: readonly Jurisdiction[] = Object.freeze([
  { code: '640500', name: '中卫市', level: 'city', timeZone: ZONE, countMissingAsDeaths: true },
  { code: '640502', name: '沙坡头区', level: 'county', parent: '640500', timeZone: ZONE, countMissingAsDeaths: true },
  { code: '640521', name: '中宁县', level: 'county', parent: '640500', timeZone: ZONE, countMissingAsDeaths: true },
  { code: '640522', name: '海原县', level: 'county', parent: '640500', timeZone: ZONE, countMissingAsDeaths: true },
  // Invented codes (no GB/T 2260 code exists for functional zones).
  {
    code: '640571',
    name: '中卫工业园区',
    level: 'park',
    parent: '640500',
    timeZone: ZONE,
    countMissingAsDeaths: true,
    deadlineProfile: 'strict-demo',
  },
  { code: '640572', name: '海兴开发区', level: 'park', parent: '640500', timeZone: ZONE, countMissingAsDeaths: true },
  // Towns carry 9-digit statistical division codes (GB/T 2260 + 3); the demo's are invented.
  { code: '640502100', name: '滨河镇', level: 'town', parent: '640502', timeZone: ZONE, countMissingAsDeaths: true },
  { code: '640502101', name: '文昌镇', level: 'town', parent: '640502', timeZone: ZONE, countMissingAsDeaths: true },
  { code: '640521100', name: '宁安镇', level: 'town', parent: '640521', timeZone: ZONE, countMissingAsDeaths: true },
  { code: '640522100', name: '海城镇', level: 'town', parent: '640522', timeZone: ZONE, countMissingAsDeaths: true },
]);

export class JurisdictionRegistry {
  private readonly byCode: ReadonlyMap<string, Jurisdiction>;

  constructor(readonly all: readonly Jurisdiction[] = DEMO_JURISDICTIONS) {
    this.byCode = new Map(all.map((j) => [j.code, j]));
  }

  get(code: string): Jurisdiction | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  codes(): string[] {
    return [...this.byCode.keys()];
  }

  /** The code and every ancestor, nearest first: who may see an incident in `code`. */
  lineage(code: string): string[] {
    const chain: string[] = [];
    for (
      let current = this.byCode.get(code);
      current;
      current = current.parent ? this.byCode.get(current.parent) : undefined
    ) {
      chain.push(current.code);
    }
    return chain;
  }

  /** The code and everything below it. */
  descendants(code: string): string[] {
    return this.all.filter((j) => this.lineage(j.code).includes(code)).map((j) => j.code);
  }

  /** The tree for clients: each node with its children, roots first (GET /jurisdictions). */
  tree(): JurisdictionNode[] {
    const build = (j: Jurisdiction): JurisdictionNode => ({
      code: j.code,
      name: j.name,
      level: j.level,
      parent: j.parent ?? null,
      children: this.all.filter((c) => c.parent === j.code).map(build),
    });
    return this.all.filter((j) => !j.parent || !this.byCode.has(j.parent)).map(build);
  }
}

/** A jurisdiction code as clients send it: 6 digits (GB/T 2260) or 9 for a town. */
export const JURISDICTION_CODE_PATTERN = /^\d{6}(\d{3})?$/;

export const JURISDICTIONS = Symbol('JURISDICTIONS');
