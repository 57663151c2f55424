import { DomainError } from '@app/shared';
import { UNKNOWN_EVENT_TYPE, type Decider, type DomainEvent } from '../kernel/decider';
import { spec } from './decider-spec';

/** A counter that refuses to go above 2: enough to show each step of the helper passes and fails when it should. */
type Added = DomainEvent<'Added', { by: number }>;
type Add = { type: 'Add'; by: number };
class TooHighError extends DomainError {
  constructor() {
    super('TOO_HIGH', 'rule', '超过上限');
  }
}
class OtherError extends DomainError {
  constructor() {
    super('OTHER', 'rule', '其他');
  }
}
const counter: Decider<Add, Added, number> = {
  initialState: 0,
  evolve: (state, event) => state + event.data.by,
  decide: (command, state) => {
    if (state + command.by > 2) throw new TooHighError();
    return command.by === 0 ? [] : [{ type: 'Added', data: { by: command.by } }];
  },
};
const added = (by: number): Added => ({ type: 'Added', data: { by } });

describe('decider spec helper', () => {
  it('folds the given events and checks the decided ones, returning them with the state after', () => {
    expect(
      spec(counter)
        .given([added(1)])
        .when({ type: 'Add', by: 1 })
        .then([added(1)]),
    ).toEqual({ events: [added(1)], state: 2 });
    expect(() =>
      spec(counter)
        .given([added(1)])
        .when({ type: 'Add', by: 1 })
        .then([added(2)]),
    ).toThrow();
    expect(() => spec(counter).when({ type: 'Add', by: 1 }).then([])).toThrow();
  });
  it('passes over events of unknown type, as loading does', () => {
    const unknown = { type: 'Renamed', data: {}, [UNKNOWN_EVENT_TYPE]: true } as unknown as Added;
    expect(
      spec(counter)
        .given([added(1), unknown])
        .state(),
    ).toBe(1);
  });
  it('thenThrows checks the error class and the code, and fails when nothing is thrown', () => {
    const tooHigh = spec(counter)
      .given([added(2)])
      .when({ type: 'Add', by: 1 });
    expect(tooHigh.thenThrows(TooHighError, 'TOO_HIGH')).toBeInstanceOf(TooHighError);
    expect(() => tooHigh.thenThrows(OtherError, 'TOO_HIGH')).toThrow();
    expect(() => tooHigh.thenThrows(TooHighError, 'OTHER')).toThrow();
    expect(() => spec(counter).when({ type: 'Add', by: 1 }).thenThrows(TooHighError, 'TOO_HIGH')).toThrow();
  });
  it('thenNothing holds only for an accepted command that decides no event', () => {
    spec(counter).when({ type: 'Add', by: 0 }).thenNothing();
    expect(() => spec(counter).when({ type: 'Add', by: 1 }).thenNothing()).toThrow();
    expect(() =>
      spec(counter)
        .given([added(2)])
        .when({ type: 'Add', by: 1 })
        .thenNothing(),
    ).toThrow(TooHighError);
  });
});
