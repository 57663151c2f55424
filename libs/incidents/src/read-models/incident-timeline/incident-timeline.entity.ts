import { Column, Entity, PrimaryColumn } from 'typeorm';

const bigintAsNumber = { to: (v: number) => v, from: (v: string) => Number(v) };

/**
 * One line of an incident's timeline: one per stored event of the incident, or of a warehouse's allocation to it. Keyed
 * by the event's id, so a replayed event cannot add a second line; `seq` keeps the order the lines were written in,
 * which is the order of the global log.
 */
@Entity({ name: 'incident_timeline' })
export class IncidentTimelineRow {
  @PrimaryColumn('uuid', { name: 'incident_id' }) incidentId!: string;
  @PrimaryColumn('text', { name: 'event_id' }) eventId!: string;
  /** The incident's jurisdiction (an allocation's own metadata names the warehouse's). */
  @Column('text') jurisdiction!: string;
  /** The record the event belongs to: the incident itself, or the warehouse that allocated to it. */
  @Column('text') source!: 'incident' | 'warehouse';
  /** The event's revision in its own stream (the incident's, or the warehouse's for an allocation). */
  @Column('bigint', { transformer: bigintAsNumber }) revision!: number;
  /** Filled by the database (an identity column). */
  @Column({ type: 'bigint', transformer: bigintAsNumber, insert: false, update: false }) seq!: number;
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
