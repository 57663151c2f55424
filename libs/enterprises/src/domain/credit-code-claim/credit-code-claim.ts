import { defineDecider, EventRegistry } from '@app/event-sourcing/events';
import { CreditCodeTakenError } from '../enterprise/enterprise.errors';

/**
 * One stream per 统一社会信用代码 (`creditcode-<code>`), holding which enterprise the code belongs to. Two concurrent
 * registrations of the same code both try to append the stream's first event; the store lets one win (expected
 * revision `no_stream`), the other re-decides against it and is refused. A read-model check could not do this: both
 * requests would look before either was projected.
 */
export interface CreditCodeClaimed {
  type: 'CreditCodeClaimed';
  data: { creditCode: string; enterpriseId: string; claimedAt: string; supersedes: string | null };
}

export type CreditCodeClaimEvent = CreditCodeClaimed;

export const creditCodeClaimEvents = EventRegistry.of<CreditCodeClaimEvent>({ CreditCodeClaimed: {} });

/**
 * A registration claims the code before it registers the enterprise. If the process died between the two, the claim
 * names an enterprise that never came to be; `holderMissing` (the handler looked, and the holder has no stream) lets
 * a later registration take the code over, but only once the claim is older than `staleAfterMs`, long after any
 * registration still in flight would have finished.
 */
export interface ClaimCreditCode {
  type: 'ClaimCreditCode';
  creditCode: string;
  enterpriseId: string;
  holderMissing: boolean;
  now: Date;
}

export type CreditCodeClaimState = { holder: null } | { holder: string; claimedAt: string };

/** Ten minutes: far beyond a registration's round trip, short enough that an orphan claim does not block for long. */
export const CLAIM_STALE_AFTER_MS = 10 * 60_000;

export function decideCreditCodeClaim(command: ClaimCreditCode, state: CreditCodeClaimState): CreditCodeClaimEvent[] {
  const claimed = (supersedes: string | null): CreditCodeClaimEvent[] => [
    {
      type: 'CreditCodeClaimed',
      data: {
        creditCode: command.creditCode,
        enterpriseId: command.enterpriseId,
        claimedAt: command.now.toISOString(),
        supersedes,
      },
    },
  ];
  if (state.holder === null) return claimed(null);
  // The same registration retried (same Idempotency-Key, same enterprise id): already ours.
  if (state.holder === command.enterpriseId) return [];
  const age = command.now.getTime() - Date.parse(state.claimedAt);
  if (command.holderMissing && age > CLAIM_STALE_AFTER_MS) return claimed(state.holder);
  throw new CreditCodeTakenError(command.creditCode);
}

export function evolveCreditCodeClaim(_state: CreditCodeClaimState, event: CreditCodeClaimEvent): CreditCodeClaimState {
  return { holder: event.data.enterpriseId, claimedAt: event.data.claimedAt };
}

export const creditCodeClaimDecider = defineDecider<ClaimCreditCode, CreditCodeClaimEvent, CreditCodeClaimState>({
  events: creditCodeClaimEvents,
  initialState: { holder: null },
  evolve: evolveCreditCodeClaim,
  decide: decideCreditCodeClaim,
});
