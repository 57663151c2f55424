import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Per incident: the facts plan criteria look at (kept here, from the incident's own events, so this projection does
 * not depend on another's progress) and the plans it currently suggests. A person confirms; nothing escalates by
 * itself.
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
