import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  PlanContent,
  PlanEvaluation,
  PlanFiling,
  PlanFinding,
  PlanReview,
  PlanStatus,
} from '../../domain/plan/plan.types';
import type { VersionStatus } from '../../domain/plan/plan.state';

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
  /** The newest version's 评审/论证 record. */
  @Column('jsonb', { nullable: true }) review!: PlanReview | null;
  /** When the version in force was published, and when the plan first was (drills are owed from then on). */
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt!: Date | null;
  @Column('timestamptz', { name: 'first_published_at', nullable: true }) firstPublishedAt!: Date | null;
  /** The filing of the version in force (null: not filed yet, or a new version published since). */
  @Column('jsonb', { name: 'in_force_filing', nullable: true }) inForceFiling!: PlanFiling | null;
  @Column('jsonb', { name: 'last_evaluation', nullable: true }) lastEvaluation!: PlanEvaluation | null;
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
  @Column('jsonb', { nullable: true }) review!: PlanReview | null;
  @Column('jsonb', { name: 'addressed_findings' }) addressedFindings!: PlanFinding[];
}
