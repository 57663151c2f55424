import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { inKeysetOrder, type PageRequest } from '@app/shared/nest';
import { IncidentLookup } from '@app/incidents';
import { JURISDICTIONS, type Actor, type JurisdictionRegistry } from '@app/shared';
import type { ExpertSpecialty, ExpertView } from '../../contract';
import { ExpertNotFoundError } from '../../domain/expert/expert.errors';
import { ConsultationRow } from '../consultations/consultation.entity';
import { ExpertRegisterRow } from './expert-register.entity';
import { toExpertView } from './expert.views';

const LIST_LIMIT = 500;

export interface ExpertFilter {
  specialty?: ExpertSpecialty;
  /** Part of the name, the title or the organisation, as typed (substring, no wildcards). */
  q?: string;
  /** A jurisdiction includes everything below it. */
  jurisdiction?: string;
}

type Reader = Pick<Actor, 'scope' | 'jurisdiction'>;

/**
 * Reads of the expert library. The library is shared downwards: an actor reads the experts of its own jurisdictions
 * and of every level above it (a county consults the city's and the province's experts), never a sibling county's.
 * Changing an entry stays with the jurisdiction that keeps it (docs/experts.md).
 */
@Injectable()
export class ExpertRegister {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    private readonly incidents: IncidentLookup,
  ) {}

  /** The jurisdictions whose experts the actor reads (and may invite). */
  readable(actor: Reader): string[] {
    return [...new Set([...actor.scope, ...this.jurisdictions.lineage(actor.jurisdiction)])];
  }

  async row(id: string): Promise<ExpertRegisterRow | null> {
    if (!UUID.test(id)) return null;
    return this.dataSource.getRepository(ExpertRegisterRow).findOneBy({ id });
  }

  async find(id: string): Promise<ExpertView | null> {
    const row = await this.row(id);
    if (!row) return null;
    const engaged = await this.engagements();
    return toExpertView(row, engaged.get(row.id)?.size ?? 0, this.jurisdictions);
  }

  /** The expert as the actor may read them: outside what they read, not found (404). */
  async get(id: string, actor: Reader): Promise<ExpertView> {
    const view = await this.find(id);
    if (!view || !this.readable(actor).includes(view.jurisdiction)) throw new ExpertNotFoundError();
    return view;
  }

  async list(filter: ExpertFilter, actor: Reader, page?: PageRequest): Promise<ExpertView[]> {
    let codes = this.readable(actor);
    if (filter.jurisdiction) {
      const below = this.jurisdictions.descendants(filter.jurisdiction);
      codes = codes.filter((c) => below.includes(c));
    }
    if (codes.length === 0) return [];
    const qb = this.dataSource
      .getRepository(ExpertRegisterRow)
      .createQueryBuilder('e')
      .where('e.jurisdiction = any(:codes)', { codes });
    if (filter.specialty) qb.andWhere(':specialty = any(e.specialties)', { specialty: filter.specialty });
    const q = filter.q?.trim().toLowerCase();
    if (q) {
      // strpos, not LIKE: what is typed is matched as characters, so `%` or `_` are not wildcards.
      qb.andWhere(
        '(strpos(lower(e.name), :q) > 0 or strpos(lower(e.title), :q) > 0 or strpos(lower(e.organization), :q) > 0)',
        { q },
      );
    }
    // Active first, code-unit order ("C"), the id last: the order pages by keyset (docs/api.md, "Paging every list").
    const keys = ['case when e.active then 0 else 1 end', 'e.jurisdiction collate "C"', 'e.name collate "C"', 'e.id'];
    const rows = await inKeysetOrder(qb, keys, ['int', 'text', 'text', 'uuid'], page, LIST_LIMIT).getMany();
    const engaged = await this.engagements();
    return rows.map((row) => toExpertView(row, engaged.get(row.id)?.size ?? 0, this.jurisdictions));
  }

  async rowsIn(jurisdictions: readonly string[]): Promise<ExpertRegisterRow[]> {
    if (jurisdictions.length === 0) return [];
    return this.dataSource.getRepository(ExpertRegisterRow).findBy({ jurisdiction: In([...jurisdictions]) });
  }

  /**
   * Per expert, the real incidents still in response on which they accepted a consultation. Drill consultations never
   * count. Whether an incident is still in response belongs to the incidents context, so it is asked there (few
   * incidents have an accepted consultation at a time).
   */
  async engagements(): Promise<Map<string, Set<string>>> {
    const accepted = await this.dataSource
      .getRepository(ConsultationRow)
      .createQueryBuilder('c')
      .select(['c.expertId', 'c.incidentId'])
      .where(`c.status = 'accepted'`)
      .andWhere('c.drillId is null')
      .getMany();
    const incidentIds = [...new Set(accepted.map((c) => c.incidentId))];
    const open = new Set<string>();
    for (const id of incidentIds) {
      const incident = await this.incidents.incidentById(id);
      if (incident && incident.status === 'open' && !incident.drillId) open.add(id);
    }
    const byExpert = new Map<string, Set<string>>();
    for (const c of accepted) {
      if (!open.has(c.incidentId)) continue;
      const set = byExpert.get(c.expertId) ?? new Set<string>();
      set.add(c.incidentId);
      byExpert.set(c.expertId, set);
    }
    return byExpert;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
