import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JURISDICTIONS, type JurisdictionRegistry } from '@app/shared';
import type { GazetteerEntryView, GazetteerKind } from '../../contract';
import { GazetteerEntryRow } from './gazetteer-entry.entity';

export const GAZETTEER_KIND_LABELS: Record<GazetteerKind, string> = {
  town: '乡镇',
  subdistrict: '街道',
  park: '园区',
  enterprise: '企业',
  place: '地点',
};

export interface GazetteerSearch {
  /** Part of the name or address, as typed (Chinese characters match as substrings; no pinyin). */
  q?: string;
  kind?: GazetteerKind;
  /** Only this jurisdiction and those below it. */
  jurisdiction?: string;
  limit: number;
  /** The actor's jurisdictions: places elsewhere are never listed. */
  scope: readonly string[];
}

/** Searches of the gazetteer, always within the actor's jurisdictions. */
@Injectable()
export class GazetteerQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async search(search: GazetteerSearch): Promise<GazetteerEntryView[]> {
    const asked = search.jurisdiction ? this.jurisdictions.descendants(search.jurisdiction) : search.scope;
    const codes = asked.filter((code) => search.scope.includes(code));
    if (codes.length === 0) return [];
    const query = this.dataSource
      .getRepository(GazetteerEntryRow)
      .createQueryBuilder('g')
      .where('g.jurisdiction = any(:codes)', { codes });
    if (search.kind) query.andWhere('g.kind = :kind', { kind: search.kind });
    const q = search.q?.trim().toLowerCase();
    if (q) {
      // strpos, not LIKE: what is typed is matched as characters, so `%` or `_` are not wildcards. A name that starts
      // with the text ranks first, then a name that contains it, then an address that does.
      query
        .andWhere('(strpos(lower(g.name), :q) > 0 or strpos(lower(g.address), :q) > 0)', { q })
        .addSelect(
          `case when strpos(lower(g.name), :q) = 1 then 0 when strpos(lower(g.name), :q) > 0 then 1 else 2 end`,
          'rank',
        )
        .orderBy('rank', 'ASC');
    }
    const rows = await query
      .addOrderBy(`array_position(array['town','subdistrict','park','enterprise','place'], g.kind)`, 'ASC')
      .addOrderBy('length(g.name)', 'ASC')
      .addOrderBy('g.name', 'ASC')
      .limit(search.limit)
      .getMany();
    return rows.map((row) => this.view(row));
  }

  private view(row: GazetteerEntryRow): GazetteerEntryView {
    return {
      id: row.id,
      kind: row.kind,
      kindLabel: GAZETTEER_KIND_LABELS[row.kind] ?? row.kind,
      name: row.name,
      address: row.address,
      jurisdiction: row.jurisdiction,
      jurisdictionName: this.jurisdictions.get(row.jurisdiction)?.name ?? row.jurisdiction,
      lat: row.lat,
      lng: row.lng,
      approximate: row.approximate,
      enterpriseId: row.enterpriseId,
    };
  }
}
