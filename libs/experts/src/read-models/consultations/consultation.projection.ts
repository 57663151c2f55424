import { LessThan, type EntityManager } from 'typeorm';
import { formatPosition } from '@app/event-store';
import type { LiveDelta, Recorded } from '@app/event-sourcing';
import type { Projection } from '@app/event-sourcing/projections';
import type { ActorDirectory } from '@app/shared';
import { consultationEvents, type ConsultationEvent } from '../../domain/consultation/consultation.events';
import { ExpertRegisterRow } from '../expert-register/expert-register.entity';
import { ConsultationRow } from './consultation.entity';
import { toConsultationView } from './consultation.views';

/**
 * Consultations from the `consultation` streams; each change goes to the incident's consoles as
 * `consultation.changed` (the timeline line comes from the incident's own projection).
 */
export class ConsultationProjection implements Projection<ConsultationEvent> {
  readonly name = 'expert-consultations';
  readonly filter = { kind: 'category', categories: ['consultation'] } as const;
  readonly events = consultationEvents;

  constructor(private readonly directory?: ActorDirectory) {}

  async apply(events: readonly Recorded<ConsultationEvent>[], manager: EntityManager): Promise<LiveDelta[]> {
    const rows = manager.getRepository(ConsultationRow);
    const changed = new Set<string>();
    // People are named as colleagues know them (display name), looked up once per batch; the sign-in name recorded
    // with the event stands in for an account that is gone or when no directory is wired in.
    const names = this.directory
      ? await this.directory.displayNames([...new Set(events.map((e) => e.metadata.actorId))])
      : new Map<string, string>();
    for (const event of events) {
      const stamp = { revision: Number(event.revision), position: formatPosition(event.position) };
      const by =
        names.get(event.metadata.actorId) ??
        (typeof event.metadata.actorName === 'string' ? event.metadata.actorName : event.metadata.actorId);
      if (event.type === 'ExpertInvited') {
        const d = event.data;
        // A new round after 谢绝 replaces the answered one; a redelivered older event changes nothing.
        await manager.query(
          `insert into expert_consultations (id, incident_id, expert_id, jurisdiction, expert_name, specialty_labels,
             mode, status, topic, invited_at, invited_by, answered_at, answered_by, answer_note, drill_id, revision, position)
           values ($1, $2, $3, $4, $5, $6, $7, 'invited', $8, $9, $10, null, null, null, $11, $12, $13)
           on conflict (id) do update set expert_name = excluded.expert_name,
             specialty_labels = excluded.specialty_labels, mode = excluded.mode, status = 'invited',
             topic = excluded.topic, invited_at = excluded.invited_at, invited_by = excluded.invited_by,
             answered_at = null, answered_by = null, answer_note = null, revision = excluded.revision, position = excluded.position
           where expert_consultations.revision < excluded.revision`,
          [
            d.consultationId,
            d.incidentId,
            d.expertId,
            d.jurisdiction,
            d.expertName,
            d.specialtyLabels,
            d.mode,
            d.topic,
            new Date(d.invitedAt),
            by,
            d.drillId,
            stamp.revision,
            stamp.position,
          ],
        );
      } else {
        await rows.update(
          { id: event.data.consultationId, revision: LessThan(stamp.revision) },
          {
            status: event.type === 'ConsultationAccepted' ? 'accepted' : 'declined',
            answeredAt: new Date(event.data.answeredAt),
            answeredBy: by,
            answerNote: event.data.note,
            ...stamp,
          },
        );
      }
      changed.add(event.data.consultationId);
    }
    const deltas: LiveDelta[] = [];
    for (const id of changed) {
      const row = await rows.findOneBy({ id });
      if (!row) continue;
      const expert = (await manager.getRepository(ExpertRegisterRow).findOneBy({ id: row.expertId })) ?? undefined;
      deltas.push({
        name: 'consultation.changed',
        position: row.position,
        scope: {
          jurisdiction: row.jurisdiction,
          incidentId: row.incidentId,
          ...(row.drillId ? { drillId: row.drillId } : {}),
        },
        data: toConsultationView(row, expert),
      });
    }
    return deltas;
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate expert_consultations');
  }
}
