import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HiddenHazardGrade, HiddenHazardSource, HiddenHazardStatus, SupervisionLevel } from '../../contract';

/** One 验收 as the register keeps it. */
export interface StoredVerification {
  at: string;
  passed: boolean;
  note: string;
  by: string;
}

/** One change of the rectification deadline: 延期 (`extension`) or a failed 验收 setting the next round's. */
export interface StoredDeadlineChange {
  kind: 'extension' | 'verification_failed';
  from: string;
  to: string;
  reason: string;
  at: string;
  by: string;
}

/** The hidden hazard register (隐患台账), one row per hazard as its latest event left it. */
@Entity({ name: 'hidden_hazard_register' })
export class HiddenHazardRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'enterprise_id' }) enterpriseId!: string;
  @Column('text', { name: 'enterprise_name' }) enterpriseName!: string;
  @Column('text') jurisdiction!: string;
  @Column('uuid', { name: 'hazard_source_id', nullable: true }) hazardSourceId!: string | null;
  @Column('text', { name: 'hazard_source_name', nullable: true }) hazardSourceName!: string | null;
  @Column('text') title!: string;
  @Column('text') description!: string;
  @Column('text') grade!: HiddenHazardGrade;
  @Column('text', { nullable: true }) standard!: string | null;
  @Column('text') source!: HiddenHazardSource;
  @Column('timestamptz', { name: 'found_at' }) foundAt!: Date;
  @Column('text', { name: 'found_by' }) foundBy!: string;
  @Column('text') measures!: string;
  @Column('timestamptz') deadline!: Date;
  @Column('text', { name: 'responsible_name' }) responsibleName!: string;
  @Column('text', { name: 'responsible_phone', nullable: true }) responsiblePhone!: string | null;
  @Column('text') status!: HiddenHazardStatus;
  /** The rectification round (1, then one more after each failed 验收): the overdue alarm's key names it. */
  @Column('int') round!: number;
  @Column('text', { name: 'supervision_level', nullable: true }) supervisionLevel!: SupervisionLevel | null;
  @Column('text', { name: 'supervision_jurisdiction', nullable: true }) supervisionJurisdiction!: string | null;
  @Column('timestamptz', { name: 'supervised_at', nullable: true }) supervisedAt!: Date | null;
  @Column('text', { name: 'supervised_by', nullable: true }) supervisedBy!: string | null;
  @Column('timestamptz', { name: 'rectified_at', nullable: true }) rectifiedAt!: Date | null;
  @Column('text', { name: 'rectification_note', nullable: true }) rectificationNote!: string | null;
  @Column('jsonb') verifications!: StoredVerification[];
  /** Every change of the deadline, oldest first. */
  @Column('jsonb', { name: 'deadline_changes' }) deadlineChanges!: StoredDeadlineChange[];
  /** How many 延期 so far: the overdue alarm's key counts them. */
  @Column('int') extensions!: number;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column('text', { name: 'closed_by', nullable: true }) closedBy!: string | null;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('int') revision!: number;
  @Column('text') position!: string;
}
