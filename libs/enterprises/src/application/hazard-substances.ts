import type { SubstanceInput } from '../domain/gb18218/assess-hazard-source';
import type { HazardSubstanceRequest } from './register-hazard-source/register-hazard-source.request';

/** The request's substances as the domain takes them (only the fields given). */
export function substancesOf(substances: readonly HazardSubstanceRequest[]): SubstanceInput[] {
  return substances.map((s) => ({
    name: s.name,
    quantityTonnes: s.quantityTonnes,
    ...(s.casNo !== undefined ? { casNo: s.casNo } : {}),
    ...(s.category !== undefined ? { category: s.category } : {}),
    ...(s.tableEntry !== undefined ? { tableEntry: s.tableEntry } : {}),
    ...(s.criticalQuantityTonnes !== undefined ? { criticalQuantityTonnes: s.criticalQuantityTonnes } : {}),
    ...(s.beta !== undefined ? { beta: s.beta } : {}),
  }));
}
