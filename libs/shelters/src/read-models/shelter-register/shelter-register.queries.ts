import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inKeysetOrder, type PageRequest } from '@app/shared/nest';
import { JURISDICTIONS, type JurisdictionRegistry } from '@app/shared';
import type { ShelterKind, ShelterOccupancyEntry, ShelterView } from '../../contract';
import { ShelterNotFoundError } from '../../domain/shelter/shelter.errors';
import { ShelterOccupancyRow, ShelterRow } from './shelter-register.entity';
import { toOccupancyEntry, toShelterView } from './shelter.views';

const LIST_LIMIT = 500;
const HISTORY_LIMIT = 500;

export interface ShelterFilter {
  /** A jurisdiction includes everything below it. */
  jurisdiction?: string;
  kind?: ShelterKind;
  /** true: only those with free room; false: only full ones. */
  hasRoom?: boolean;
  /** The actor's jurisdictions: nothing outside them is listed. */
  scope: readonly string[];
}

/** Reads of the shelter register, inside the actor's jurisdictions (own and below), like the other registers. */
@Injectable()
export class ShelterRegister {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async find(id: string): Promise<ShelterView | null> {
    if (!UUID.test(id)) return null;
    const row = await this.dataSource.getRepository(ShelterRow).findOneBy({ id });
    return row ? toShelterView(row, this.jurisdictions) : null;
  }

  async get(id: string, scope: readonly string[]): Promise<ShelterView> {
    const view = await this.find(id);
    if (!view || !scope.includes(view.jurisdiction)) throw new ShelterNotFoundError();
    return view;
  }

  async list(filter: ShelterFilter, page?: PageRequest): Promise<ShelterView[]> {
    let codes = [...filter.scope];
    if (filter.jurisdiction) {
      const below = this.jurisdictions.descendants(filter.jurisdiction);
      codes = codes.filter((c) => below.includes(c));
    }
    if (codes.length === 0) return [];
    const qb = this.dataSource
      .getRepository(ShelterRow)
      .createQueryBuilder('s')
      .where('s.jurisdiction = any(:codes)', { codes });
    if (filter.kind) qb.andWhere('s.kind = :kind', { kind: filter.kind });
    if (filter.hasRoom === true) qb.andWhere('s.occupants < s.capacity');
    if (filter.hasRoom === false) qb.andWhere('s.occupants >= s.capacity');
    // Code-unit order ("C") and the id last: the order pages by keyset (docs/api.md, "Paging every list").
    const keys = ['s.jurisdiction collate "C"', 's.name collate "C"', 's.id'];
    const rows = await inKeysetOrder(qb, keys, ['text', 'text', 'uuid'], page, LIST_LIMIT).getMany();
    return rows.map((row) => toShelterView(row, this.jurisdictions));
  }

  /** Every recorded count of a shelter the actor sees, newest first. */
  async occupancy(id: string, scope: readonly string[]): Promise<ShelterOccupancyEntry[]> {
    await this.get(id, scope);
    const rows = await this.dataSource
      .getRepository(ShelterOccupancyRow)
      .find({ where: { shelterId: id }, order: { revision: 'DESC' }, take: HISTORY_LIMIT });
    return rows.map(toOccupancyEntry);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
