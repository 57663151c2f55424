import { Column, Entity, PrimaryColumn } from 'typeorm';

const bigintAsNumber = { to: (v: number) => v, from: (v: string) => Number(v) };

/**
 * One line of an incident's timeline: one per stored event of the incident, or of a warehouse's allocation to it. Keyed
 * by the event's stream and revision, so a replayed event cannot add a second line; `line` numbers an incident's lines
 * in the order of the global log (the same numbers after a rebuild, unlike the log's positions after a restore).
 */
@Entity({ name: 'incident_timeline' })
export class IncidentTimelineRow {
  @PrimaryColumn('uuid', { name: 'incident_id' }) incidentId!: string;
  /** The event's stream (the incident's, or the warehouse's for an allocation) and its revision there. */
  @PrimaryColumn('text') stream!: string;
  @PrimaryColumn('bigint', { transformer: bigintAsNumber }) revision!: number;
  @Column('text', { name: 'event_id' }) eventId!: string;
  /** The incident's jurisdiction (an allocation's own metadata names the warehouse's). */
  @Column('text') jurisdiction!: string;
  /** The record the event belongs to: the incident itself, or the warehouse that allocated to it. */
  @Column('text') source!: 'incident' | 'warehouse' | 'consultation';
  /** 0 for the intake, then 1, 2… */
  @Column('integer') line!: number;
  /** When it happened (event metadata occurredAt). */
  @Column('timestamptz') at!: Date;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
  @Column('text') type!: string;
  @Column('text') summary!: string;
  /** The person's display name, or the name of the system process when no person is known behind it. */
  @Column('text') actor!: string;
  @Column('text', { name: 'actor_id' }) actorId!: string;
  @Column('text', { name: 'actor_kind' }) actorKind!: 'person' | 'system';
  /** The process that wrote the event on the person's behalf (调度流程…), when a person set it going. */
  @Column('text', { nullable: true }) via!: string | null;
  @Column('uuid', { name: 'drill_id', nullable: true }) drillId!: string | null;
  @Column('text') position!: string;
}
