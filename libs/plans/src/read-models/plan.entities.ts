import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PlanContent, PlanFiling, PlanFinding, PlanStatus } from '../domain/plan.types';
import type { VersionStatus } from '../domain/plan.state';

/** The plan register: one row per plan with its newest version and the version in force. */
@Entity({ name: 'plans' })
export class PlanRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') title!: string;
  @Column('text') kind!: string;
  @Column('text') jurisdiction!: string;
  @Column('text', { array: true }) categories!: string[];
  @Column('text') status!: PlanStatus;
  @Column('int', { name: 'latest_version' }) latestVersion!: number;
  @Column('int', { name: 'in_force_version', nullable: true }) inForceVersion!: number | null;
  /** The content of the version in force (what activations pin and suggestions read). */
  @Column('jsonb', { name: 'in_force_content', nullable: true }) inForceContent!: PlanContent | null;
  @Column('jsonb') content!: PlanContent;
  /** Drill findings recorded since the newest version; the next revision records them as addressed. */
  @Column('jsonb', { name: 'open_findings' }) openFindings!: PlanFinding[];
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('int') revision!: number;
  @Column('text') position!: string;
}

/** Every version of every plan, readable after it is superseded (`GET /plans/{id}/versions/{version}`). */
@Entity({ name: 'plan_versions' })
export class PlanVersionRow {
  @PrimaryColumn('uuid', { name: 'plan_id' }) planId!: string;
  @PrimaryColumn('int') version!: number;
  @Column('text') jurisdiction!: string;
  @Column('jsonb') content!: PlanContent;
  @Column('text') status!: VersionStatus;
  @Column('text', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt!: Date | null;
  @Column('jsonb', { nullable: true }) filing!: PlanFiling | null;
  @Column('jsonb', { name: 'addressed_findings' }) addressedFindings!: PlanFinding[];
}

/**
 * Per incident: the facts plan criteria look at (kept here, from the incident's own events, so this projection does
 * not depend on another's progress) and the plans it currently suggests. A person confirms; nothing escalates by itself.
 */
@Entity({ name: 'plan_suggestions' })
export class PlanSuggestionRow {
  @PrimaryColumn('uuid', { name: 'incident_id' }) incidentId!: string;
  @Column('text') jurisdiction!: string;
  @Column('uuid', { name: 'drill_id', nullable: true }) drillId!: string | null;
  @Column('text') status!: string;
  @Column('jsonb') facts!: SuggestionFacts;
  @Column('text', { name: 'response_level', nullable: true }) responseLevel!: string | null;
  /** Plan id → the level at which it was activated. */
  @Column('jsonb') activated!: Record<string, string>;
  @Column('jsonb') suggestions!: SuggestionEntry[];
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('text') position!: string;
}

export interface SuggestionFacts {
  title: string;
  category: string;
  grade: string;
  casualties: { deaths: number; missing: number; seriousInjuries: number; minorInjuries: number; trapped: number };
  directLossYuan: number | null;
}

/** `activate`: a published plan the incident meets; `raise_level`: an active plan whose criteria now ask for more. */
export interface SuggestionEntry {
  planId: string;
  version: number;
  title: string;
  level: string;
  reasons: string[];
  action: 'activate' | 'raise_level';
}
