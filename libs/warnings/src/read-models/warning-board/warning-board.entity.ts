import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CapMessageRecord } from '../../domain/cap/cap-alert';
import type { WarningAction, WarningArea, WarningChannel, WarningLevel } from '../../domain/warning/warning.types';

/** One message of the warning's history, with who sent it (the CAP export and the console read it). */
export interface WarningMessageRecord extends CapMessageRecord {
  action: WarningAction;
  actor: string | null;
  reason: string | null;
}

/** The warning board: one row per warning, current content plus its message history. */
@Entity({ name: 'warning_board' })
export class WarningBoardRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') jurisdiction!: string;
  @Column('text') level!: WarningLevel;
  @Column('text') hazard!: string;
  @Column('jsonb') area!: WarningArea;
  @Column('text') message!: string;
  @Column('text', { nullable: true }) instruction!: string | null;
  @Column('timestamptz') effective!: Date;
  @Column('timestamptz') expires!: Date;
  @Column('text', { array: true }) channels!: WarningChannel[];
  @Column('uuid', { name: 'drill_id', nullable: true }) drillId!: string | null;
  @Column('uuid', { name: 'incident_id', nullable: true }) incidentId!: string | null;
  /** `active` or `lifted`; `expired` is derived from `expires` when read. */
  @Column('text') status!: 'active' | 'lifted';
  @Column('text', { name: 'lift_reason', nullable: true }) liftReason!: string | null;
  @Column('timestamptz', { name: 'lifted_at', nullable: true }) liftedAt!: Date | null;
  @Column('timestamptz', { name: 'issued_at' }) issuedAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('jsonb') messages!: WarningMessageRecord[];
  @Column('int') revision!: number;
  @Column('text') position!: string;
}
