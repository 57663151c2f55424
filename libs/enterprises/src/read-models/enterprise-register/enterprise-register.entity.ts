import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EnterpriseIndustry, HazardGrade } from '../../contract';
import type { EnterpriseContactData } from '../../domain/enterprise/enterprise.types';

/**
 * The enterprise register: one row per unit. `hazard_source_count` and `highest_hazard_grade` belong to the hazard
 * source register's projection, which updates them; this projection never writes them after the insert, so the two
 * never overwrite each other.
 */
@Entity({ name: 'enterprise_register' })
export class EnterpriseRegisterRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text', { name: 'credit_code' }) creditCode!: string;
  @Column('text') industry!: EnterpriseIndustry;
  @Column('text') jurisdiction!: string;
  @Column('text') address!: string;
  @Column('double precision') lat!: number;
  @Column('double precision') lng!: number;
  @Column('jsonb') principal!: EnterpriseContactData;
  @Column('jsonb', { nullable: true }) safety!: EnterpriseContactData | null;
  @Column('int', { name: 'hazard_source_count' }) hazardSourceCount!: number;
  @Column('int', { name: 'highest_hazard_grade', nullable: true }) highestHazardGrade!: HazardGrade | null;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('int') revision!: number;
  @Column('text') position!: string;
}

/**
 * A gateway's device key as the register lists it, with the SHA-256 of its secret for `DeviceKeys.verify`.
 * `last_used_at` is written by verification (at most once a minute per key), not by events.
 */
@Entity({ name: 'enterprise_device_keys' })
export class EnterpriseDeviceKeyRow {
  @PrimaryColumn('text', { name: 'key_id' }) keyId!: string;
  @Column('uuid', { name: 'enterprise_id' }) enterpriseId!: string;
  @Column('text') label!: string;
  @Column('text', { name: 'secret_hash' }) secretHash!: string;
  @Column('timestamptz', { name: 'issued_at' }) issuedAt!: Date;
  @Column('text', { name: 'issued_by' }) issuedBy!: string;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column('timestamptz', { name: 'last_used_at', nullable: true }) lastUsedAt!: Date | null;
}
