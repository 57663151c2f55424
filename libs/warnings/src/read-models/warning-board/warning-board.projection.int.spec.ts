import { randomUUID } from 'node:crypto';
import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import { JurisdictionRegistry } from '@app/shared';
import type { WarningEvent } from '../../domain/warning/warning.events';
import { warningStream } from '../../domain/warning/warning.types';
import { WarningBoardRow } from './warning-board.entity';
import { WarningBoardProjection } from './warning-board.projection';

const at = (hour: number) => `2026-11-23T${String(hour).padStart(2, '0')}:00:00.000Z`;
const issued = (warningId: string, drillId: string | null = null): WarningEvent => ({
  type: 'WarningIssued',
  data: {
    warningId,
    jurisdiction: '640500',
    drillId,
    incidentId: null,
    issuedAt: at(2),
    level: 'orange',
    hazard: '暴雨',
    area: { description: '中卫市沙坡头区（演示）', polygon: null },
    message: '预计未来 6 小时降雨量达 50 毫米以上',
    instruction: '远离河道',
    effective: at(2),
    expires: at(14),
    channels: ['sms', 'tv'],
  },
});

describe('warning board projection', () => {
  let spec: ProjectionSpec;
  beforeAll(async () => {
    spec = await ProjectionSpec.start({
      projections: ({ clock }) => [new WarningBoardProjection(new JurisdictionRegistry(), clock)],
      entities: [WarningBoardRow],
    });
  }, 60_000); // a database of its own is created and migrated first
  afterAll(() => spec?.stop());
  const row = async (id: string) => (await spec.rows(WarningBoardRow, { id }))[0];

  it('an issued warning is active on the board, with its content and the first message (Alert)', async () => {
    const warningId = randomUUID();
    await spec.given(warningStream(warningId), [issued(warningId)], { jurisdiction: '640500' });
    expect(await row(warningId)).toMatchObject({
      id: warningId,
      jurisdiction: '640500',
      level: 'orange',
      hazard: '暴雨',
      channels: ['sms', 'tv'],
      effective: new Date(at(2)),
      expires: new Date(at(14)),
      status: 'active',
      drillId: null,
      liftedAt: null,
      revision: 0,
      messages: [{ action: 'issued', msgType: 'Alert', sent: at(2), actor: null, reason: null }],
    });
    expect(spec.deltas).toContainEqual(
      expect.objectContaining({ name: 'warning.issued', scope: { jurisdiction: '640500' } }),
    );
  });

  it('an adjustment changes what it names and adds an Update message; lifting adds a Cancel', async () => {
    const warningId = randomUUID();
    const stream = warningStream(warningId);
    await spec.given(stream, [issued(warningId)]);
    await spec.given(stream, [
      {
        type: 'WarningUpdated',
        data: { warningId, changes: { level: 'red', expires: at(20) }, reason: '雨情加剧', updatedAt: at(3) },
      },
    ]);
    expect(await row(warningId)).toMatchObject({
      level: 'red',
      expires: new Date(at(20)),
      hazard: '暴雨',
      updatedAt: new Date(at(3)),
      revision: 1,
    });
    await spec.given(stream, [{ type: 'WarningLifted', data: { warningId, reason: '降雨结束', liftedAt: at(5) } }]);
    const lifted = (await row(warningId))!;
    expect(lifted).toMatchObject({ status: 'lifted', liftReason: '降雨结束', liftedAt: new Date(at(5)), revision: 2 });
    expect(lifted.messages.map((m) => [m.msgType, m.reason])).toEqual([
      ['Alert', null],
      ['Update', '雨情加剧'],
      ['Cancel', '降雨结束'],
    ]);
    expect(
      spec.deltas.filter((d) => d.name === 'warning.changed' && (d.data as { id: string }).id === warningId),
    ).toHaveLength(2);
  });

  it('sends one live update per event even when issue and adjustment arrive in one batch', async () => {
    const warningId = randomUUID();
    await spec.given(warningStream(warningId), [
      issued(warningId),
      { type: 'WarningUpdated', data: { warningId, changes: { level: 'red' }, reason: null, updatedAt: at(3) } },
    ]);
    expect(spec.deltas.filter((d) => (d.data as { id: string }).id === warningId).map((d) => d.name)).toEqual([
      'warning.issued',
      'warning.changed',
    ]);
  });

  it('keeps a drill warning marked with its drill and sends it to that drill only', async () => {
    const warningId = randomUUID();
    const drillId = randomUUID();
    await spec.given(warningStream(warningId), [issued(warningId, drillId)], { jurisdiction: '640500', drillId });
    expect(await row(warningId)).toMatchObject({ drillId });
    expect(spec.deltas).toContainEqual(
      expect.objectContaining({ name: 'warning.issued', scope: { jurisdiction: '640500', drillId } }),
    );
  });
});
