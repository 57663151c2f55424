import { Column, Entity, PrimaryColumn, type DataSource } from 'typeorm';
import { JurisdictionRegistry, type JurisdictionLevel } from '@app/shared';

@Entity('jurisdictions')
export class JurisdictionRow {
  @PrimaryColumn('text') code!: string;
  @Column('text') name!: string;
  @Column('text') level!: JurisdictionLevel;
  @Column('text', { nullable: true }) parent!: string | null;
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  @Column('boolean', { name: 'count_missing_as_deaths' }) countMissingAsDeaths!: boolean;
  @Column('text', { name: 'deadline_profile' }) deadlineProfile!: string;
}

/** The tree as stored, loaded once at start: every scope check and projection reads it from memory. */
export async function loadJurisdictionRegistry(dataSource: DataSource): Promise<JurisdictionRegistry> {
  const rows = await dataSource.getRepository(JurisdictionRow).find({ order: { code: 'ASC' } });
  return new JurisdictionRegistry(
    rows.map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      ...(r.parent ? { parent: r.parent } : {}),
      timeZone: r.timeZone,
      countMissingAsDeaths: r.countMissingAsDeaths,
      deadlineProfile: r.deadlineProfile,
    })),
  );
}
