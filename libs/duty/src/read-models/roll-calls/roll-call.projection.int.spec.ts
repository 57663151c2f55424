import { randomUUID } from 'node:crypto';
import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import { JurisdictionRegistry } from '@app/shared';
import type { RollCallEvent } from '../../domain/roll-call/roll-call.events';
import { rollCallStream } from '../../domain/duty.types';
import { RollCallRow } from '../duty.entities';
import { RollCallProjection } from './roll-call.projection';

const commander = { userId: 'c1', name: '赵指挥' };
const officer = { userId: 'd1', name: '钱值班' };
const issued = (rollCallId: string): RollCallEvent => ({
  type: 'RollCallIssued',
  data: {
    rollCallId,
    jurisdiction: '640500',
    targets: ['640521', '640522'],
    message: '夜间点名',
    ackWithinMinutes: 5,
    issuedBy: commander,
    issuedAt: '2026-11-22T10:00:00.000Z',
    dueAt: '2026-11-22T10:05:00.000Z',
  },
});

describe('roll call projection', () => {
  let spec: ProjectionSpec;
  beforeAll(async () => {
    spec = await ProjectionSpec.start({
      projections: () => [new RollCallProjection(new JurisdictionRegistry())],
      entities: [RollCallRow],
    });
  }, 60_000); // a database of its own is created and migrated first
  afterAll(() => spec?.stop());
  const row = async (id: string) => (await spec.rows(RollCallRow, { id }))[0];
  const deltasOf = (id: string) => spec.deltas.filter((d) => (d.data as { rollCallId: string }).rollCallId === id);

  it('an issued roll call is open, every target pending, and each target’s consoles are called', async () => {
    const id = randomUUID();
    await spec.given(rollCallStream(id), [issued(id)], { jurisdiction: '640500' });
    expect(await row(id)).toMatchObject({
      jurisdiction: '640500',
      targetJurisdictions: ['640521', '640522'],
      open: true,
      dueAt: new Date('2026-11-22T10:05:00.000Z'),
      revision: 0,
      targets: [
        { jurisdiction: '640521', status: 'pending', by: null, at: null, secondsTaken: null },
        { jurisdiction: '640522', status: 'pending', by: null, at: null, secondsTaken: null },
      ],
    });
    expect(deltasOf(id).map((d) => [d.name, d.scope])).toEqual([
      ['rollcall.issued', { jurisdiction: '640521' }],
      ['rollcall.issued', { jurisdiction: '640522' }],
    ]);
  });

  it('records an answer and a miss per target, and closes when none is pending', async () => {
    const id = randomUUID();
    const stream = rollCallStream(id);
    await spec.given(stream, [issued(id)]);
    await spec.given(stream, [
      {
        type: 'RollCallAcknowledged',
        data: {
          rollCallId: id,
          jurisdiction: '640521',
          acknowledgedBy: officer,
          acknowledgedAt: '2026-11-22T10:00:42.000Z',
          secondsTaken: 42,
        },
      },
    ]);
    expect(await row(id)).toMatchObject({
      open: true,
      revision: 1,
      targets: [{ jurisdiction: '640521', status: 'answered', by: officer, secondsTaken: 42 }, { status: 'pending' }],
    });
    await spec.given(stream, [
      {
        type: 'RollCallMissed',
        data: {
          rollCallId: id,
          jurisdiction: '640522',
          dueAt: '2026-11-22T10:05:00.000Z',
          recordedAt: '2026-11-22T10:05:01.000Z',
        },
      },
    ]);
    expect(await row(id)).toMatchObject({
      open: false,
      revision: 2,
      targets: [{ status: 'answered' }, { jurisdiction: '640522', status: 'missed', at: '2026-11-22T10:05:01.000Z' }],
    });
    expect(
      deltasOf(id)
        .slice(2)
        .map((d) => [d.name, d.scope]),
    ).toEqual([
      ['rollcall.answered', { jurisdiction: '640521' }],
      ['rollcall.missed', { jurisdiction: '640522' }],
    ]);
  });
});
