import { Column, Entity, PrimaryColumn } from 'typeorm';

const bigintAsNumber = { to: (v: number) => v, from: (v: string) => Number(v) };

/** One line of an incident's timeline: one per stored event, keyed by stream revision (so replays cannot duplicate). */
@Entity({ name: 'incident_timeline' })
export class IncidentTimelineRow {
  @PrimaryColumn('uuid', { name: 'incident_id' }) incidentId!: string;
  @PrimaryColumn('bigint', { transformer: bigintAsNumber }) revision!: number;
  /** When it happened (event metadata occurredAt). */
  @Column('timestamptz') at!: Date;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
  @Column('text') type!: string;
  @Column('text') summary!: string;
  @Column('text') actor!: string;
  @Column('uuid', { name: 'drill_id', nullable: true }) drillId!: string | null;
  @Column('text') position!: string;
}
