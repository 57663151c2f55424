import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ExpertSpecialty } from '../../contract';

/** The expert library: one row per expert, withdrawn ones kept (marked inactive) for the incidents they advised. */
@Entity({ name: 'expert_register' })
export class ExpertRegisterRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text', { array: true }) specialties!: ExpertSpecialty[];
  @Column('text') title!: string;
  @Column('text') organization!: string;
  @Column('text') phone!: string;
  @Column('text') jurisdiction!: string;
  @Column('boolean') active!: boolean;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('int') revision!: number;
  @Column('text') position!: string;
}
