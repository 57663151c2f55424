import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GeoPoint, HazardGrade, HazardUnitKind } from '../../contract';
import type { SubstanceAssessment } from '../../domain/gb18218/assess-hazard-source';
import type { DeclaredSubstance } from '../../domain/hazard-source/hazard-source.events';

/** The register of hazardous-chemical units (危险化学品单元), one row per unit, with its latest assessment. */
@Entity({ name: 'hazard_source_register' })
export class HazardSourceRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'enterprise_id' }) enterpriseId!: string;
  @Column('text', { name: 'enterprise_name' }) enterpriseName!: string;
  @Column('text') name!: string;
  @Column('text', { name: 'unit_kind' }) unitKind!: HazardUnitKind;
  @Column('text') jurisdiction!: string;
  @Column('jsonb') location!: GeoPoint;
  @Column('int', { name: 'exposed_population' }) exposedPopulation!: number;
  /** As declared (what a change starts from). */
  @Column('jsonb') declared!: DeclaredSubstance[];
  /** As assessed: Q, β, basis and q/Q of each. */
  @Column('jsonb') substances!: SubstanceAssessment[];
  @Column('double precision', { name: 'sum_ratio' }) sumRatio!: number;
  @Column('text', { name: 'sum_ratio_exact' }) sumRatioExact!: string;
  @Column('boolean', { name: 'is_major' }) isMajor!: boolean;
  @Column('double precision') alpha!: number;
  @Column('double precision') r!: number;
  @Column('text', { name: 'r_exact' }) rExact!: string;
  @Column('smallint', { nullable: true }) grade!: HazardGrade | null;
  @Column('timestamptz', { name: 'retired_at', nullable: true }) retiredAt!: Date | null;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('int') revision!: number;
  @Column('text') position!: string;
}

/** One assessment of a unit's history: each event that recomputed it, and who caused it. */
@Entity({ name: 'hazard_source_history' })
export class HazardSourceHistoryRow {
  @PrimaryColumn('uuid', { name: 'hazard_source_id' }) hazardSourceId!: string;
  @PrimaryColumn('int') revision!: number;
  @Column('timestamptz') at!: Date;
  @Column('text', { name: 'actor_id', nullable: true }) actorId!: string | null;
  @Column('text', { name: 'actor_name', nullable: true }) actorName!: string | null;
  @Column('text') what!: string;
  @Column('double precision', { name: 'sum_ratio' }) sumRatio!: number;
  @Column('boolean', { name: 'is_major' }) isMajor!: boolean;
  @Column('double precision') r!: number;
  @Column('smallint', { nullable: true }) grade!: HazardGrade | null;
}
