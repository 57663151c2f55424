import type { TargetDenominators, TargetRecordedFigures, TargetSpec } from './target-document.types';

export interface SetTargets {
  type: 'SetTargets';
  jurisdiction: string;
  year: number;
  targets: TargetSpec[];
  denominators: TargetDenominators;
  /** The year's official figures as entered (all null when none). */
  recorded: TargetRecordedFigures;
  /** The incident categories a target may be limited to (the incidents context's list, passed in to stay pure). */
  knownCategories: readonly string[];
  now: Date;
}

export type TargetDocumentCommand = SetTargets;
