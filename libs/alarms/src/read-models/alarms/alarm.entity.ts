import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AlarmKind, AlarmResolution, AlarmSeverity, AlarmStatus } from '../../contract';

/** The alarm centre's read model: one row per alarm, its current state. */
@Entity({ name: 'alarms' })
export class AlarmRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'source_key' }) sourceKey!: string;
  @Column('text') kind!: AlarmKind;
  @Column('text') severity!: AlarmSeverity;
  @Column('text') status!: AlarmStatus;
  @Column('text') jurisdiction!: string;
  @Column('text') title!: string;
  @Column('text') message!: string;
  @Column('text', { name: 'subject_type' }) subjectType!: string;
  @Column('text', { name: 'subject_id' }) subjectId!: string;
  @Column('timestamptz', { name: 'raised_at' }) raisedAt!: Date;
  @Column('timestamptz', { name: 'due_at', nullable: true }) dueAt!: Date | null;
  @Column('timestamptz', { name: 'acknowledged_at', nullable: true }) acknowledgedAt!: Date | null;
  @Column('text', { name: 'acknowledged_by_id', nullable: true }) acknowledgedById!: string | null;
  @Column('text', { name: 'acknowledged_by_name', nullable: true }) acknowledgedByName!: string | null;
  @Column('text', { name: 'acknowledgement_note', nullable: true }) acknowledgementNote!: string | null;
  @Column('int', { name: 'escalation_level' }) escalationLevel!: number;
  @Column('timestamptz', { name: 'escalated_at', nullable: true }) escalatedAt!: Date | null;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt!: Date | null;
  @Column('text', { nullable: true }) resolution!: AlarmResolution | null;
  @Column('double precision') urgency!: number;
  @Column('int') revision!: number;
  @Column('text') position!: string;
}
