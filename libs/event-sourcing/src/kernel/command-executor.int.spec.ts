import { randomUUID } from 'node:crypto';
import { formatPosition, PostgresEventStore, type Position } from '@app/event-store';
import { DomainError, ManualClock, type DrillDataWrite, type DrillParticipation } from '@app/shared';
import { defineAggregate } from './aggregate';
import { commandAnswer, CommandExecutor } from './command-executor';
import type { Decider } from './decider';
import { runProcessSteps } from './process-steps';

type Opened = { type: 'LedgerOpened'; data: { jurisdiction: string; drillId?: string } };
type Counted = { type: 'Counted'; data: { by: number } };
type LedgerEvent = Opened | Counted;
type LedgerCommand = { type: 'OpenLedger'; jurisdiction: string; drillId?: string } | { type: 'Count'; by: number };
type Ledger = { open: boolean; total: number };

class NotOpenError extends DomainError {
  constructor() {
    super('LEDGER_NOT_OPEN', 'conflict', '未开账');
  }
}

const ledgerDecider: Decider<LedgerCommand, LedgerEvent, Ledger> = {
  initialState: { open: false, total: 0 },
  evolve: (state, event) =>
    event.type === 'LedgerOpened' ? { ...state, open: true } : { ...state, total: state.total + event.data.by },
  decide: (command, state) => {
    if (command.type === 'OpenLedger')
      return [
        {
          type: 'LedgerOpened',
          data: { jurisdiction: command.jurisdiction, ...(command.drillId ? { drillId: command.drillId } : {}) },
        },
      ];
    if (!state.open) throw new NotOpenError();
    return command.by === 0 ? [] : [{ type: 'Counted', data: { by: command.by } }];
  },
};

/** Remembers what the executor asked to wait for: the contract between the write path and the projection runner. */
class RecordingWaiter {
  readonly waits: { projection: string; position: string }[] = [];
  /** Read models that never catch up in time (the runner's time-out). */
  constructor(private readonly lagging: readonly string[] = []) {}
  waitFor(projection: string, position: Position): Promise<boolean> {
    this.waits.push({ projection, position: formatPosition(position) });
    return Promise.resolve(!this.lagging.includes(projection));
  }
}

/** Refuses every drill write: tells whether (and with what) the executor consulted the drill rules. */
class RefusingDrills implements DrillParticipation {
  readonly asked: DrillDataWrite[] = [];
  assertMayWrite(write: DrillDataWrite): Promise<void> {
    this.asked.push(write);
    return Promise.reject(new DomainError('DRILL_NOT_RUNNING', 'conflict', '演练未在进行中'));
  }
}

describe('the one write path (CommandExecutor) on the PostgreSQL store', () => {
  const store = new PostgresEventStore({ connectionString: process.env.DATABASE_URL!, log: () => undefined });
  const clock = new ManualClock(new Date('2026-12-06T01:00:00Z'));
  const ledger = defineAggregate({
    category: 'ledger',
    decider: ledgerDecider,
    readModels: ['ledger-board', 'ledger-timeline'],
  });
  const drillLedger = defineAggregate({
    category: 'drill_ledger',
    decider: ledgerDecider,
    readModels: [],
    drillData: { kind: 'incident', createdBy: 'LedgerOpened', createdWith: 'OpenLedger' },
  });
  const context = (extra: Record<string, unknown> = {}) => ({
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actorId: 'tester',
    ...extra,
  });
  afterAll(() => store.close());

  it('appends to the declared stream and waits for every declared read model at the new position', async () => {
    const waiter = new RecordingWaiter();
    const executor = new CommandExecutor({ store, clock, readModels: waiter });
    const id = randomUUID();
    await executor.execute(ledger, id, { type: 'OpenLedger', jurisdiction: '640500' }, context());
    const executed = await executor.execute(ledger, id, { type: 'Count', by: 3 }, context());
    expect((await store.readStream(`ledger-${id}`)).map((e) => e.type)).toEqual(['LedgerOpened', 'Counted']);
    const answer = commandAnswer(executed);
    expect(answer).toEqual({ id, revision: 1, position: expect.any(String), replayed: false });
    expect(waiter.waits.slice(-2)).toEqual([
      { projection: 'ledger-board', position: answer.position },
      { projection: 'ledger-timeline', position: answer.position },
    ]);
    expect(executed.state).toEqual({ open: true, total: 3 });
  });

  it('a command that decides nothing appends nothing, and its answer waits for the read models at what it saw', async () => {
    const waiter = new RecordingWaiter();
    const executor = new CommandExecutor({ store, clock, readModels: waiter });
    const id = randomUUID();
    const opened = await executor.execute(ledger, id, { type: 'OpenLedger', jurisdiction: '640500' }, context());
    const seen = commandAnswer(opened).position;
    waiter.waits.length = 0;
    const decisions: unknown[] = [];
    const executed = await executor.execute(
      ledger,
      id,
      { type: 'Count', by: 0 },
      context({ onDecided: (decision: unknown) => decisions.push(decision) }),
    );
    expect(commandAnswer(executed)).toEqual({ id, revision: 0, position: null, replayed: false });
    expect((await store.readStream(`ledger-${id}`)).length).toBe(1);
    // A lagging read model would otherwise answer with a state older than the one the decision was made on.
    expect(waiter.waits).toEqual([
      { projection: 'ledger-board', position: seen },
      { projection: 'ledger-timeline', position: seen },
    ]);
    expect(decisions).toEqual([
      { category: 'ledger', id, revision: 0n, position: undefined, replayed: false, readModelsCaughtUp: true },
    ]);
  });

  it('tells the caller of every decision before the answer is read, and whether the read models caught up', async () => {
    const executor = new CommandExecutor({ store, clock, readModels: new RecordingWaiter(['ledger-timeline']) });
    const id = randomUUID();
    const commits: { position?: Position }[] = [];
    const onDecided = (decision: { position?: Position }) => commits.push(decision);
    const executed = await executor.execute(
      ledger,
      id,
      { type: 'OpenLedger', jurisdiction: '640500' },
      context({ onDecided }),
    );
    expect(commits).toEqual([
      {
        category: 'ledger',
        id,
        revision: 0n,
        position: executed.position,
        replayed: false,
        readModelsCaughtUp: false,
      },
    ]);
    const located = defineAggregate({
      category: 'ledger',
      decider: ledgerDecider,
      readModels: [],
      resource: 'ledgers',
    });
    await new CommandExecutor({ store, clock }).execute(located, id, { type: 'Count', by: 1 }, context({ onDecided }));
    expect(commits[1]).toMatchObject({ location: `/ledgers/${id}`, revision: 1n, readModelsCaughtUp: true });
  });

  it('a request whose key already stored events is not refused by the drill rules again', async () => {
    const drills = new RefusingDrills();
    const executor = new CommandExecutor({ store, clock, drills });
    const id = randomUUID();
    const coordinator = (extra: Record<string, unknown> = {}) =>
      context({ visibleJurisdictions: ['640500'], idempotencyKey: `k-${id}`, requestHash: 'h', ...extra });
    await executor.execute(
      drillLedger,
      id,
      { type: 'OpenLedger', jurisdiction: '640500', drillId: randomUUID() },
      context(),
    );
    await expect(executor.execute(drillLedger, id, { type: 'Count', by: 1 }, coordinator())).rejects.toMatchObject({
      code: 'DRILL_NOT_RUNNING',
    });
    // The drill rules passed when the first attempt committed (here: written around them); its retry is answered
    // from the key record whatever the drill's state is now.
    const running: DrillParticipation = { assertMayWrite: () => Promise.resolve() };
    await new CommandExecutor({ store, clock, drills: running }).execute(
      drillLedger,
      id,
      { type: 'Count', by: 1 },
      coordinator(),
    );
    const retried = await executor.execute(
      drillLedger,
      id,
      { type: 'Count', by: 1 },
      coordinator({ keyApplied: true }),
    );
    expect(retried.replayed).toBe(true);
    expect((await store.readStream(`drill_ledger-${id}`)).map((e) => e.type)).toEqual(['LedgerOpened', 'Counted']);
  });

  it('without read-model waits (process managers) it appends but never waits', async () => {
    const waiter = new RecordingWaiter();
    const executor = new CommandExecutor({ store, clock, readModels: waiter }).withoutReadModelWaits();
    await executor.execute(ledger, randomUUID(), { type: 'OpenLedger', jurisdiction: '640500' }, context());
    expect(waiter.waits).toEqual([]);
  });

  it('checks the drill rules of a drill-data aggregate for every command but the creating one', async () => {
    const drills = new RefusingDrills();
    const executor = new CommandExecutor({ store, clock, drills });
    const id = randomUUID();
    const drillId = randomUUID();
    const coordinator = context({ visibleJurisdictions: ['640500'], actorRoles: ['drill_coordinator'] });
    await executor.execute(drillLedger, id, { type: 'OpenLedger', jurisdiction: '640500', drillId }, coordinator);
    expect(drills.asked).toEqual([]);
    await expect(executor.execute(drillLedger, id, { type: 'Count', by: 1 }, coordinator)).rejects.toMatchObject({
      code: 'DRILL_NOT_RUNNING',
    });
    expect(drills.asked).toEqual([expect.objectContaining({ drillId, jurisdiction: '640500' })]);
    expect((await store.readStream(`drill_ledger-${id}`)).length).toBe(1);
  });

  it('loads the current state of a declared aggregate', async () => {
    const executor = new CommandExecutor({ store, clock });
    const id = randomUUID();
    expect(await executor.load(ledger, id)).toEqual({ state: { open: false, total: 0 }, revision: undefined });
    await executor.execute(ledger, id, { type: 'OpenLedger', jurisdiction: '640500' }, context());
    await executor.execute(ledger, id, { type: 'Count', by: 4 }, context());
    expect(await executor.load(ledger, id)).toEqual({ state: { open: true, total: 4 }, revision: 1n });
  });

  it('process steps are keyed by their cause: a redelivered event appends nothing, and tolerated rule errors pass', async () => {
    const executor = new CommandExecutor({ store, clock });
    const open = randomUUID();
    const never = randomUUID();
    await executor.execute(ledger, open, { type: 'OpenLedger', jurisdiction: '640500' }, context());
    const [cause] = await store.readStream(`ledger-${open}`);
    const steps = [
      { aggregate: ledger, id: open, command: { type: 'Count', by: 2 } as LedgerCommand, step: 'a' },
      {
        aggregate: ledger,
        id: never,
        command: { type: 'Count', by: 2 } as LedgerCommand,
        step: 'b',
        toleratesRuleErrors: true,
      },
    ];
    const actor = { id: 'ledger-process', name: '测试流程' };
    await runProcessSteps(executor, actor, cause!, steps);
    await runProcessSteps(executor, actor, cause!, steps);
    const stored = await store.readStream(`ledger-${open}`);
    expect(stored.map((e) => e.type)).toEqual(['LedgerOpened', 'Counted']);
    expect(stored[1]!.metadata).toMatchObject({
      actorId: 'ledger-process',
      actorName: '测试流程',
      causationId: cause!.id,
      idempotencyKey: `pm:${cause!.id}:a`,
    });
    await expect(
      runProcessSteps(executor, actor, cause!, [{ ...steps[1]!, toleratesRuleErrors: false }]),
    ).rejects.toBeInstanceOf(NotOpenError);
  });
});
