import { Inject, Injectable } from '@nestjs/common';
import { JURISDICTIONS, type JurisdictionRegistry } from '@app/shared';
import type { GradingPolicy } from '../domain/incident/accident-grade';

/** A jurisdiction's grading rules (whether the missing count as dead), handed to `decide` inside the command. */
@Injectable()
export class GradingPolicies {
  constructor(@Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry) {}

  of(jurisdiction: string): GradingPolicy {
    return { countMissingAsDeaths: this.jurisdictions.get(jurisdiction)?.countMissingAsDeaths ?? true };
  }
}
