import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inKeysetOrder, type PageRequest } from '@app/shared/nest';
import { JURISDICTIONS, type JurisdictionRegistry } from '@app/shared';
import type { DeviceKeyView, EnterpriseIndustry, EnterpriseView } from '../../contract';
import { normaliseCreditCode } from '../../domain/enterprise/credit-code';
import { EnterpriseNotFoundError } from '../../domain/enterprise/enterprise.errors';
import { EnterpriseDeviceKeyRow, EnterpriseRegisterRow } from './enterprise-register.entity';
import { toDeviceKeyView, toEnterpriseView } from './enterprise.views';

const LIST_LIMIT = 500;

export interface EnterpriseFilter {
  /** A jurisdiction includes everything below it. */
  jurisdiction?: string;
  industry?: EnterpriseIndustry;
  /** Part of the name, the address or the credit code, as typed (substring, no wildcards). */
  q?: string;
  /** The actor's jurisdictions: nothing outside them is listed. Absent for system callers (every jurisdiction). */
  scope?: readonly string[];
}

/**
 * Reads of the enterprise register, for the HTTP queries and for other contexts (hazard sources, monitoring,
 * incidents through their port). `find` and `findByCreditCode` do not filter by jurisdiction: callers that act for a
 * person check the scope themselves, or use `get`.
 */
@Injectable()
export class EnterpriseRegister {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async find(id: string): Promise<EnterpriseView | null> {
    if (!UUID.test(id)) return null;
    const row = await this.dataSource.getRepository(EnterpriseRegisterRow).findOneBy({ id });
    return row ? toEnterpriseView(row, this.jurisdictions) : null;
  }

  async findByCreditCode(creditCode: string): Promise<EnterpriseView | null> {
    const row = await this.dataSource
      .getRepository(EnterpriseRegisterRow)
      .findOneBy({ creditCode: normaliseCreditCode(creditCode) });
    return row ? toEnterpriseView(row, this.jurisdictions) : null;
  }

  async list(filter: EnterpriseFilter = {}, page?: PageRequest): Promise<EnterpriseView[]> {
    const qb = this.dataSource.getRepository(EnterpriseRegisterRow).createQueryBuilder('e');
    let codes: readonly string[] | undefined = filter.scope;
    if (filter.jurisdiction) {
      const below = this.jurisdictions.descendants(filter.jurisdiction);
      codes = codes ? below.filter((c) => codes!.includes(c)) : below;
    }
    if (codes) {
      if (codes.length === 0) return [];
      qb.where('e.jurisdiction = any(:codes)', { codes: [...codes] });
    }
    if (filter.industry) qb.andWhere('e.industry = :industry', { industry: filter.industry });
    const q = filter.q?.trim().toLowerCase();
    if (q) {
      // strpos, not LIKE: what is typed is matched as characters, so `%` or `_` are not wildcards.
      qb.andWhere(
        '(strpos(lower(e.name), :q) > 0 or strpos(lower(e.address), :q) > 0 or strpos(lower(e.credit_code), :q) > 0)',
        { q },
      );
    }
    // Code-unit order ("C") and the id last: the order pages by keyset (docs/api.md, "Paging every list").
    const keys = ['e.jurisdiction collate "C"', 'e.name collate "C"', 'e.id'];
    const rows = await inKeysetOrder(qb, keys, ['text', 'text', 'uuid'], page, LIST_LIMIT).getMany();
    return rows.map((row) => toEnterpriseView(row, this.jurisdictions));
  }

  /** The enterprise as a person may see it: outside their jurisdictions it does not exist (404). */
  async get(id: string, scope: readonly string[]): Promise<EnterpriseView> {
    const view = await this.find(id);
    if (!view || !scope.includes(view.jurisdiction)) throw new EnterpriseNotFoundError();
    return view;
  }

  /** The device keys of an enterprise the person may see, newest first (revoked ones stay listed, marked). */
  async deviceKeys(enterpriseId: string, scope: readonly string[]): Promise<DeviceKeyView[]> {
    await this.get(enterpriseId, scope);
    const rows = await this.dataSource
      .getRepository(EnterpriseDeviceKeyRow)
      .find({ where: { enterpriseId }, order: { issuedAt: 'DESC', keyId: 'ASC' } });
    return rows.map(toDeviceKeyView);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
