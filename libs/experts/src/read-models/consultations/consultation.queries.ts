import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { ConsultationView } from '../../contract';
import { ExpertRegisterRow } from '../expert-register/expert-register.entity';
import { ConsultationRow } from './consultation.entity';
import { toConsultationView } from './consultation.views';

/** Reads of consultations. Callers check first that the actor sees the incident (the incidents context answers that). */
@Injectable()
export class ConsultationQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Every expert invited to the incident, the latest invitation first. */
  async ofIncident(incidentId: string): Promise<ConsultationView[]> {
    const rows = await this.dataSource
      .getRepository(ConsultationRow)
      .find({ where: { incidentId }, order: { invitedAt: 'DESC', expertName: 'ASC' } });
    return this.views(rows);
  }

  async find(consultationId: string): Promise<ConsultationView | null> {
    const row = await this.dataSource.getRepository(ConsultationRow).findOneBy({ id: consultationId });
    return row ? ((await this.views([row]))[0] ?? null) : null;
  }

  private async views(rows: ConsultationRow[]): Promise<ConsultationView[]> {
    const ids = [...new Set(rows.map((r) => r.expertId))];
    const experts =
      ids.length === 0 ? [] : await this.dataSource.getRepository(ExpertRegisterRow).findBy({ id: In(ids) });
    const byId = new Map(experts.map((e) => [e.id, e]));
    return rows.map((row) => toConsultationView(row, byId.get(row.expertId)));
  }
}
