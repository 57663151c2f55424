import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GeoPoint, Specialty, TeamBase, TeamContact, TeamKind, TeamStatus } from '../../domain/team/team.types';

/** Resource availability: one row per team, what a commander scans before dispatching. */
@Entity({ name: 'team_availability' })
export class TeamAvailabilityRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') kind!: TeamKind;
  @Column('text', { array: true }) specialties!: Specialty[];
  @Column('int') headcount!: number;
  @Column('jsonb') equipment!: string[];
  @Column('jsonb') base!: TeamBase;
  @Column('text') jurisdiction!: string;
  @Column('jsonb') contact!: TeamContact;
  @Column('text') status!: TeamStatus;
  @Column('uuid', { name: 'incident_id', nullable: true }) incidentId!: string | null;
  /** The live drill the team is taken into (status `in_drill`), else null. */
  @Column('uuid', { name: 'drill_id', nullable: true }) drillId!: string | null;
  @Column('jsonb', { name: 'last_location', nullable: true }) lastLocation!: GeoPoint | null;
  @Column('timestamptz', { name: 'status_since' }) statusSince!: Date;
  @Column('int') revision!: number;
  @Column('text') position!: string;
}
