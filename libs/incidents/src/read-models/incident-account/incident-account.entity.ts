import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Casualties } from '../../contract';

const bigintAsNumber = { to: (v: number) => v, from: (v: string) => Number(v) };
const nullableBigintAsNumber = {
  to: (v: number | null) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/**
 * One report of an incident's account: the intake (接报) as received, then each follow-up (续报), each as it was given.
 * The board keeps only the facts as they now stand; this keeps what was said when, and by whom.
 */
@Entity({ name: 'incident_accounts' })
export class IncidentAccountRow {
  @PrimaryColumn('uuid', { name: 'incident_id' }) incidentId!: string;
  @PrimaryColumn('bigint', { transformer: bigintAsNumber }) revision!: number;
  @Column('text', { name: 'event_id' }) eventId!: string;
  @Column('text') kind!: 'initial' | 'follow_up';
  @Column('timestamptz') at!: Date;
  @Column('text', { name: 'author_id' }) authorId!: string;
  @Column('text') author!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('text', { nullable: true }) measures!: string | null;
  @Column('jsonb') casualties!: Casualties;
  @Column('bigint', { name: 'direct_loss_yuan', nullable: true, transformer: nullableBigintAsNumber })
  directLossYuan!: number | null;
  @Column('boolean', { name: 'outside_window' }) outsideWindow!: boolean;
  @Column('uuid', { name: 'drill_id', nullable: true }) drillId!: string | null;
  @Column('text') position!: string;
}
