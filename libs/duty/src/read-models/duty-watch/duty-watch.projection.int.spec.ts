import { randomUUID } from 'node:crypto';
import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import { JurisdictionRegistry } from '@app/shared';
import type { HandoverSummary } from '../../domain/duty-watch/duty-watch.events';
import { dutyWatchStream } from '../../domain/duty.types';
import {
  shiftScheduled as scheduled,
  WATCH_ACTOR as by,
  WATCH_LEADER as leader,
  WATCH_OFFICERS as officers,
} from '../../domain/duty-watch/duty-watch-fixtures';
import { DutyHandoverRow, DutyShiftRow } from '../duty.entities';
import { DutyWatchProjection } from './duty-watch.projection';

const summary: HandoverSummary = { computedAt: '2026-11-22T11:50:00.000Z', openIncidents: [], pendingDeadlines: [] };

describe('duty watch projection', () => {
  let spec: ProjectionSpec;
  beforeAll(async () => {
    spec = await ProjectionSpec.start({
      projections: () => [new DutyWatchProjection(new JurisdictionRegistry())],
      entities: [DutyShiftRow, DutyHandoverRow],
    });
  }, 60_000); // a database of its own is created and migrated first
  afterAll(() => spec?.stop());
  const shift = async (id: string) => (await spec.rows(DutyShiftRow, { id }))[0];

  it('a scheduled shift is listed with its leader, officers and period, not yet handed over', async () => {
    const day = randomUUID();
    await spec.given(
      dutyWatchStream('640521'),
      [scheduled(day, '2026-11-22T00:00:00.000Z', '2026-11-22T12:00:00.000Z')],
      { jurisdiction: '640521' },
    );
    expect(await shift(day)).toMatchObject({
      id: day,
      jurisdiction: '640521',
      leader,
      officers,
      startsAt: new Date('2026-11-22T00:00:00.000Z'),
      endsAt: new Date('2026-11-22T12:00:00.000Z'),
      scheduledBy: by,
      handoverId: null,
    });
    expect(spec.deltas).toContainEqual(
      expect.objectContaining({
        name: 'duty.changed',
        scope: { jurisdiction: '640521' },
        data: expect.objectContaining({ kind: 'shift' }),
      }),
    );
  });

  it('a handover is recorded with its note and summary, and marks the shift that handed over', async () => {
    const [day, night, handoverId] = [randomUUID(), randomUUID(), randomUUID()];
    await spec.given(dutyWatchStream('640521'), [
      scheduled(day, '2026-11-24T00:00:00.000Z', '2026-11-24T12:00:00.000Z'),
      scheduled(night, '2026-11-24T12:00:00.000Z', '2026-11-25T00:00:00.000Z'),
      {
        type: 'ShiftHandedOver',
        data: {
          jurisdiction: '640521',
          handoverId,
          fromShiftId: day,
          toShiftId: night,
          note: '园区泄漏事故仍在处置',
          summary,
          handedOverBy: by,
          handedOverAt: '2026-11-24T11:50:00.000Z',
        },
      },
    ]);
    expect(await spec.rows(DutyHandoverRow, { id: handoverId })).toEqual([
      expect.objectContaining({
        fromShiftId: day,
        toShiftId: night,
        note: '园区泄漏事故仍在处置',
        summary,
        handedOverBy: by,
        handedOverAt: new Date('2026-11-24T11:50:00.000Z'),
      }),
    ]);
    expect(await shift(day)).toMatchObject({ handoverId });
    expect(await shift(night)).toMatchObject({ handoverId: null });
    expect(spec.deltas).toContainEqual(
      expect.objectContaining({ name: 'duty.changed', data: expect.objectContaining({ kind: 'handover' }) }),
    );
  });

  it('applying a shift again leaves one row as it was', async () => {
    const shiftId = randomUUID();
    const recorded = await spec.given(dutyWatchStream('640522'), [
      scheduled(shiftId, '2026-11-26T00:00:00.000Z', '2026-11-26T12:00:00.000Z'),
    ]);
    const before = await shift(shiftId);
    await spec.reapply('duty-watch', recorded);
    expect(await spec.rows(DutyShiftRow, { id: shiftId })).toEqual([before]);
  });
});
