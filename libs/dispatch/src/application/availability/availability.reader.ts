import { Inject, Injectable } from '@nestjs/common';
import { JURISDICTIONS, type Actor, type JurisdictionRegistry } from '@app/shared';
import { TeamAvailabilityQueries } from '@app/teams';
import { materialByCode } from '@app/warehouses';
import { WarehouseStockReader } from '../shared/warehouse-stock.reader';

interface StockSum {
  onHand: number;
  reserved: number;
  available: number;
  warehouses: number;
  belowMinimum: number;
}

/** Resource availability for a jurisdiction and everything below it: teams by specialty and status, stock by material. */
@Injectable()
export class AvailabilityReader {
  constructor(
    private readonly teams: TeamAvailabilityQueries,
    private readonly stock: WarehouseStockReader,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async summary(jurisdiction: string | undefined, actor: Pick<Actor, 'scope'>) {
    const asked = jurisdiction ? this.jurisdictions.descendants(jurisdiction) : [...actor.scope];
    const codes = asked.filter((c) => actor.scope.includes(c));
    const teams = await this.teams.list({ scope: codes });
    const bySpecialty = new Map<string, Record<string, number>>();
    for (const team of teams) {
      for (const specialty of team.specialties) {
        const counts = bySpecialty.get(specialty) ?? {};
        counts[team.status] = (counts[team.status] ?? 0) + 1;
        bySpecialty.set(specialty, counts);
      }
    }
    const lines = await this.stock.stockIn(codes);
    const byMaterial = new Map<string, StockSum>();
    for (const line of lines) {
      const sum = byMaterial.get(line.materialCode) ?? {
        onHand: 0,
        reserved: 0,
        available: 0,
        warehouses: 0,
        belowMinimum: 0,
      };
      sum.onHand += line.onHand;
      sum.reserved += line.reserved;
      sum.available += line.onHand - line.reserved;
      sum.warehouses += 1;
      if (line.onHand - line.reserved < line.minimum) sum.belowMinimum += 1;
      byMaterial.set(line.materialCode, sum);
    }
    return {
      jurisdictions: codes,
      teams: [...bySpecialty]
        .map(([specialty, byStatus]) => ({ specialty, byStatus }))
        .sort((a, b) => a.specialty.localeCompare(b.specialty)),
      stock: [...byMaterial]
        .map(([materialCode, sum]) => ({
          materialCode,
          materialName: materialByCode(materialCode)?.name ?? materialCode,
          unit: materialByCode(materialCode)?.unit ?? '',
          ...sum,
        }))
        .sort((a, b) => a.materialCode.localeCompare(b.materialCode)),
    };
  }
}
