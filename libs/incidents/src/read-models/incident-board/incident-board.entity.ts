import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ChecklistTaskView as ContractChecklistTaskView } from '../../contract';
import type { AccidentGrade } from '../../domain/incident/accident-grade';
import type { Casualties, IncidentLocation, Reporter } from '../../domain/incident/incident.types';

/** bigint columns come back from pg as strings; money stays exact as a JS number up to 2^53 yuan. */
const bigintAsNumber = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@Entity({ name: 'incident_board' })
export class IncidentBoardRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') title!: string;
  @Column('text') category!: string;
  @Column('text') status!: string;
  @Column('text') grade!: AccidentGrade;
  @Column('text', { name: 'response_level', nullable: true }) responseLevel!: string | null;
  @Column('text') jurisdiction!: string;
  @Column('text', { nullable: true }) enterprise!: string | null;
  @Column('uuid', { name: 'enterprise_id', nullable: true }) enterpriseId!: string | null;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  /** 接报时间 (the bureau's clock runs from it). */
  @Column('timestamptz', { name: 'reported_at' }) reportedAt!: Date;
  @Column('text', { name: 'received_at_reason', nullable: true }) receivedAtReason!: string | null;
  @Column('timestamptz', { name: 'unit_learned_at', nullable: true }) unitLearnedAt!: Date | null;
  @Column('timestamptz', { name: 'unit_reported_at', nullable: true }) unitReportedAt!: Date | null;
  /** 较大涉险事故 under the jurisdiction's profile. */
  @Column('boolean', { name: 'near_miss', default: false }) nearMiss!: boolean;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column('jsonb') location!: IncidentLocation;
  @Column('jsonb') reporter!: Reporter;
  /** The figures inside the statistical window (what grading and statistics count). */
  @Column('jsonb') casualties!: Casualties;
  /** Figures reported after the window (条例493 第十三条): recorded and shown, never counted. */
  @Column('jsonb', { name: 'casualties_after_window', nullable: true }) casualtiesAfterWindow!: Casualties | null;
  @Column('bigint', { name: 'direct_loss_yuan', nullable: true, transformer: bigintAsNumber }) directLossYuan!:
    number | null;
  @Column('text') description!: string;
  @Column('text', { nullable: true }) measures!: string | null;
  @Column('text', { nullable: true }) summary!: string | null;
  @Column('uuid', { name: 'drill_id', nullable: true }) drillId!: string | null;
  @Column('jsonb') deadlines!: unknown[];
  @Column('jsonb', { name: 'assigned_teams' }) assignedTeams!: unknown[];
  @Column('jsonb') allocations!: unknown[];
  @Column('jsonb') tasks!: unknown[];
  @Column('jsonb', { name: 'active_plans' }) activePlans!: unknown[];
  @Column('bigint', { transformer: bigintAsNumber }) revision!: number;
  /** Global position of the last event applied to this row (string form). */
  @Column('text') position!: string;
}

// The JSON parts of a row are stored as the views show them (the checklist without its Chinese level label).
export type { ActivePlanView, AllocationView, AssignedTeamView } from '../../contract';
export type ChecklistTaskView = Omit<ContractChecklistTaskView, 'levelLabel'>;
