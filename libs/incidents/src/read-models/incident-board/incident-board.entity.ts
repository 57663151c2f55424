import { Column, Entity, PrimaryColumn } from 'typeorm';
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
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('timestamptz', { name: 'reported_at' }) reportedAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column('jsonb') location!: IncidentLocation;
  @Column('jsonb') reporter!: Reporter;
  @Column('jsonb') casualties!: Casualties;
  @Column('bigint', { name: 'direct_loss_yuan', nullable: true, transformer: bigintAsNumber }) directLossYuan!: number | null;
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

/** What the board shows of each team sent to the incident, with the times evaluation measures. */
export interface AssignedTeamView {
  teamId: string;
  name: string;
  task: string | null;
  status: string;
  dispatchedAt: string;
  arrivedAt: string | null;
  releasedAt: string | null;
  /** A drill's tabletop dispatch: the real team was not touched. */
  simulated?: boolean;
}

/** Supplies allocated to the incident, as the board shows them. */
export interface AllocationView {
  allocationId: string;
  warehouseId: string;
  items: { materialCode: string; quantity: number }[];
  status: string;
  allocatedAt: string;
  updatedAt: string;
  /** A drill's allocation on paper: no warehouse stock was reserved. */
  simulated?: boolean;
}

/** A checklist task as the board shows it (from an activated plan's working groups). */
export interface ChecklistTaskView {
  taskId: string;
  planId: string;
  planVersion: number;
  group: string;
  leadAgency: string;
  title: string;
  level: string;
  status: 'open' | 'done';
  addedAt: string;
  completedAt: string | null;
  completedBy: string | null;
  note: string | null;
}

/** A plan activated on the incident: its pinned version and what it requires (recommendations read it). */
export interface ActivePlanView {
  planId: string;
  version: number;
  title: string;
  level: string;
  activatedBy: string;
  activatedAt: string;
  requirements: { teams: { specialty: string; count: number }[]; materials: { materialCode: string; quantity: number }[] };
}
