import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  TargetDenominators,
  TargetRecordedFigures,
  TargetSpec,
} from '../../domain/target-document/target-document.types';

/** The target documents: one row per jurisdiction and year, as last set. */
@Entity({ name: 'target_documents' })
export class TargetDocumentRow {
  /** `<jurisdiction>-<year>`, the stream id. */
  @PrimaryColumn('text') id!: string;
  @Column('text') jurisdiction!: string;
  @Column('int') year!: number;
  @Column('jsonb') targets!: TargetSpec[];
  @Column('jsonb') denominators!: TargetDenominators;
  /** The year's official figures as entered (all null when none). */
  @Column('jsonb') recorded!: TargetRecordedFigures;
  @Column('timestamptz', { name: 'set_at' }) setAt!: Date;
  /** Who set it last, by sign-in name (from the event's metadata). */
  @Column('text', { name: 'set_by', nullable: true }) setBy!: string | null;
  @Column('int') revision!: number;
  @Column('text') position!: string;
}
