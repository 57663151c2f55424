import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DrillTeamView, FailedInjectView } from '../../contract';
import type { DrillStatus, InjectKind, Scenario, ScriptedInject } from '../../domain/drill/drill.types';

/** One row per drill: what the drill pages show and what the inject scheduler reads (start time, what ran, next due). */
@Entity({ name: 'drills' })
export class DrillRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') title!: string;
  @Column('text') form!: string;
  @Column('text') scope!: string;
  @Column('text') jurisdiction!: string;
  @Column('uuid', { name: 'plan_id', nullable: true }) planId!: string | null;
  @Column('int', { name: 'plan_version', nullable: true }) planVersion!: number | null;
  @Column('jsonb') participants!: string[];
  @Column('jsonb', { nullable: true }) scenario!: Scenario | null;
  @Column('text') status!: DrillStatus;
  @Column('text', { name: 'planned_by' }) plannedBy!: string;
  @Column('timestamptz', { name: 'planned_at' }) plannedAt!: Date;
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt!: Date | null;
  @Column('text', { name: 'started_by', nullable: true }) startedBy!: string | null;
  @Column('timestamptz', { name: 'ended_at', nullable: true }) endedAt!: Date | null;
  @Column('text', { name: 'ended_by', nullable: true }) endedBy!: string | null;
  /** Indexes of the scripted injects that ran. */
  @Column('int', { array: true }) executed!: number[];
  /** Every inject that ran (scripted and scriptless), in order. */
  @Column('jsonb') injects!: ExecutedInjectView[];
  /** Scripted injects that failed, with their attempts and whether they were given up. */
  @Column('jsonb', { name: 'failed_injects' }) failedInjects!: FailedInjectView[];
  /** Real teams taken into the drill (live drills), by name, with when and how they left. */
  @Column('jsonb') teams!: DrillTeamView[];
  /** When the next scripted inject falls due (running drills only): the scheduler's index. */
  @Column('timestamptz', { name: 'next_due_at', nullable: true }) nextDueAt!: Date | null;
  @Column('int') revision!: number;
  @Column('text') position!: string;
}

export interface ExecutedInjectView {
  index: number | null;
  kind: InjectKind;
  payload: Record<string, unknown>;
  executedAt: string;
  incidentId: string | null;
}

/** 情景库: reusable inject scripts. */
@Entity({ name: 'drill_scenarios' })
export class DrillScenarioRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('text') jurisdiction!: string;
  @Column('jsonb') injects!: ScriptedInject[];
  @Column('text', { name: 'saved_by' }) savedBy!: string;
  @Column('timestamptz', { name: 'saved_at' }) savedAt!: Date;
  @Column('text') position!: string;
}
