import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GazetteerKind } from '../../contract';

/**
 * One place of the gazetteer (地名库). Not built from events: reference data, seeded with the demo jurisdictions by
 * migration and, later, fed by an enterprise register (rows of kind `enterprise` carrying `enterpriseId` and their own
 * `source`), so that intake searches one table whoever keeps it.
 */
@Entity({ name: 'gazetteer_entries' })
export class GazetteerEntryRow {
  @PrimaryColumn('text') id!: string;
  @Column('text') kind!: GazetteerKind;
  @Column('text') name!: string;
  @Column('text') address!: string;
  @Column('text') jurisdiction!: string;
  @Column('double precision') lat!: number;
  @Column('double precision') lng!: number;
  @Column('boolean') approximate!: boolean;
  @Column('text', { name: 'enterprise_id', nullable: true }) enterpriseId!: string | null;
  @Column('text') source!: string;
}
