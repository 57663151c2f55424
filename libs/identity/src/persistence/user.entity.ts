import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@app/shared';

/** A person who signs in. Credentials are state, not history: they live in a table, never in the event store. */
@Entity('users')
export class UserRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') username!: string;
  @Column('text', { name: 'display_name' }) displayName!: string;
  @Column('text', { name: 'password_hash', select: false }) passwordHash!: string;
  @Column('text', { array: true }) roles!: Role[];
  @Column('text') jurisdiction!: string;
  @Column('timestamptz', { name: 'disabled_at', nullable: true }) disabledAt!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
}
