import { Injectable } from '@nestjs/common';
import type { ShareTargets } from '@app/incidents';
import { TargetDocuments } from './target-documents.queries';

/** The incidents context's SHARE_TARGETS port: the jurisdiction's own 较大及以上占比 ceiling (all categories) for a year. */
@Injectable()
export class DocumentShareTargets implements ShareTargets {
  constructor(private readonly documents: TargetDocuments) {}

  async shareTarget(jurisdiction: string, year: number): Promise<number | null> {
    const row = await this.documents.find(jurisdiction, year);
    const spec = row?.targets.find(
      (s) => s.indicator === 'major_or_above_share' && s.kind === 'ceiling' && s.category === null,
    );
    return spec ? spec.value : null;
  }
}
