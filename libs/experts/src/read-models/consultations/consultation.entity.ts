import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConsultationMode, ConsultationStatus } from '../../contract';

/**
 * Consultations (会商): one row per incident and expert, the latest round (a new invitation after 谢绝 replaces the
 * answered one; the incident's timeline keeps every step).
 */
@Entity({ name: 'expert_consultations' })
export class ConsultationRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'incident_id' }) incidentId!: string;
  @Column('uuid', { name: 'expert_id' }) expertId!: string;
  @Column('text') jurisdiction!: string;
  @Column('text', { name: 'expert_name' }) expertName!: string;
  @Column('text', { name: 'specialty_labels', array: true }) specialtyLabels!: string[];
  @Column('text') mode!: ConsultationMode;
  @Column('text') status!: ConsultationStatus;
  @Column('text') topic!: string;
  @Column('timestamptz', { name: 'invited_at' }) invitedAt!: Date;
  @Column('text', { name: 'invited_by' }) invitedBy!: string;
  @Column('timestamptz', { name: 'answered_at', nullable: true }) answeredAt!: Date | null;
  @Column('text', { name: 'answered_by', nullable: true }) answeredBy!: string | null;
  @Column('text', { name: 'answer_note', nullable: true }) answerNote!: string | null;
  @Column('text', { name: 'drill_id', nullable: true }) drillId!: string | null;
  @Column('int') revision!: number;
  @Column('text') position!: string;
}
