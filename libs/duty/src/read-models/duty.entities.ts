import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DutyActor, DutyPerson, RollCallTargetStatus } from '../domain/duty.types';
import type { HandoverSummary } from '../domain/duty-watch/duty-watch.events';

/** One row per scheduled shift (值班班次). */
@Entity({ name: 'duty_shifts' })
export class DutyShiftRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') jurisdiction!: string;
  @Column('jsonb') leader!: DutyPerson;
  @Column('jsonb') officers!: DutyPerson[];
  @Column('timestamptz', { name: 'starts_at' }) startsAt!: Date;
  @Column('timestamptz', { name: 'ends_at' }) endsAt!: Date;
  @Column('jsonb', { name: 'scheduled_by' }) scheduledBy!: DutyActor;
  @Column('timestamptz', { name: 'scheduled_at' }) scheduledAt!: Date;
  @Column('uuid', { name: 'handover_id', nullable: true }) handoverId!: string | null;
  @Column('text') position!: string;
}

/** One row per handover (交接班 record), with the summary that was handed over. */
@Entity({ name: 'duty_handovers' })
export class DutyHandoverRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') jurisdiction!: string;
  @Column('uuid', { name: 'from_shift_id' }) fromShiftId!: string;
  @Column('uuid', { name: 'to_shift_id' }) toShiftId!: string;
  @Column('text') note!: string;
  @Column('jsonb') summary!: HandoverSummary;
  @Column('jsonb', { name: 'handed_over_by' }) handedOverBy!: DutyActor;
  @Column('timestamptz', { name: 'handed_over_at' }) handedOverAt!: Date;
  /** The accounts the taking-over shift named: who may accept. */
  @Column('jsonb') incoming!: DutyActor[];
  @Column('jsonb', { name: 'accepted_by', nullable: true }) acceptedBy!: DutyActor | null;
  @Column('timestamptz', { name: 'accepted_at', nullable: true }) acceptedAt!: Date | null;
  @Column('text') position!: string;
}

export interface RollCallTargetRow {
  jurisdiction: string;
  status: RollCallTargetStatus;
  by: DutyActor | null;
  at: string | null;
  secondsTaken: number | null;
}

/** One row per roll call (点名) with the state of each called watch; the scheduler reads the pending ones past due. */
@Entity({ name: 'roll_calls' })
export class RollCallRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') jurisdiction!: string;
  @Column('text', { name: 'target_jurisdictions', array: true }) targetJurisdictions!: string[];
  @Column('jsonb') targets!: RollCallTargetRow[];
  @Column('text') message!: string;
  @Column('int', { name: 'ack_within_minutes' }) ackWithinMinutes!: number;
  @Column('jsonb', { name: 'issued_by' }) issuedBy!: DutyActor;
  @Column('timestamptz', { name: 'issued_at' }) issuedAt!: Date;
  @Column('timestamptz', { name: 'due_at' }) dueAt!: Date;
  @Column('boolean') open!: boolean;
  @Column('int') revision!: number;
  @Column('text') position!: string;
}
