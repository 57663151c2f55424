import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ShelterFacility, ShelterKind } from '../../contract';

/** The shelter register: one row per shelter with its occupancy now. */
@Entity({ name: 'shelter_register' })
export class ShelterRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') kind!: ShelterKind;
  @Column('int') capacity!: number;
  @Column('int') occupants!: number;
  @Column('text', { array: true }) facilities!: ShelterFacility[];
  @Column('text') address!: string;
  @Column('double precision') lat!: number;
  @Column('double precision') lng!: number;
  @Column('text') jurisdiction!: string;
  @Column('uuid', { name: 'incident_id', nullable: true }) incidentId!: string | null;
  @Column('text', { name: 'incident_title', nullable: true }) incidentTitle!: string | null;
  @Column('timestamptz', { name: 'occupancy_updated_at', nullable: true }) occupancyUpdatedAt!: Date | null;
  @Column('boolean') active!: boolean;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('int') revision!: number;
  @Column('text') position!: string;
}

/** Every recorded count, one row per event (the key keeps one for a redelivered event). */
@Entity({ name: 'shelter_occupancy' })
export class ShelterOccupancyRow {
  @PrimaryColumn('uuid', { name: 'shelter_id' }) shelterId!: string;
  @PrimaryColumn('int') revision!: number;
  @Column('timestamptz') at!: Date;
  @Column('int') occupants!: number;
  @Column('uuid', { name: 'incident_id', nullable: true }) incidentId!: string | null;
  @Column('text', { name: 'incident_title', nullable: true }) incidentTitle!: string | null;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('text', { name: 'recorded_by' }) by!: string;
}
