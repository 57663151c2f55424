import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '@app/event-store';
import { decidedEvents, projectLiveAndRebuilt } from '@app/event-sourcing/testing/projections';
import { JurisdictionRegistry } from '@app/shared';
import type { IncidentCommand } from '../../domain/incident/incident.commands';
import { incidentDecider } from '../../domain/incident/incident.decider';
import { IncidentAccountRow } from '../incident-account/incident-account.entity';
import { IncidentAccountProjection } from '../incident-account/incident-account.projection';
import { IncidentTimelineRow } from '../incident-timeline/incident-timeline.entity';
import { IncidentTimelineProjection } from '../incident-timeline/incident-timeline.projection';
import { IncidentBoardRow } from './incident-board.entity';
import { IncidentBoardProjection } from './incident-board.projection';

/**
 * The board, the timeline and the account, rebuilt in large batches (many events of one incident in one batch, its
 * allocations among them), must equal what they wrote live in batches of three: same board rows and compliance lines,
 * same timeline lines with the same numbers, same account entries.
 */
const now = new Date('2026-11-01T08:00:00Z');
const at = (minutes: number): Date => new Date(now.getTime() + minutes * 60_000);
const policy = { countMissingAsDeaths: true };
const none = { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 };

function incidentHistory(k: number): { stream: [string, EventToAppend[]]; incidentId: string } {
  const incidentId = randomUUID();
  const jurisdiction = k % 2 === 0 ? '640502' : '640521';
  const commands: IncidentCommand[] = [
    {
      type: 'ReportIncident',
      incidentId,
      title: `比对事故 ${k}`,
      category: 'fire',
      occurredAt: at(-5),
      location: { address: '比对地址', lat: 37.5, lng: 105.2 },
      jurisdiction,
      reporter: { name: '报告人', phone: '0955-0000000', organization: '单位' },
      casualties: { ...none, minorInjuries: k },
      description: '比对',
      takenBy: '值班员',
      now,
      policy,
    },
  ];
  for (let step = 1; step <= 12; step++) {
    commands.push({
      type: 'UpdateSituation',
      casualties: { minorInjuries: k + step, seriousInjuries: step % 4 === 0 ? step / 4 : 0 },
      measures: `措施 ${step}`,
      now: at(step),
      policyFor: () => policy,
    });
    if (step === 3)
      commands.push({ type: 'SetResponseLevel', level: 'III', reason: '升级', decidedBy: '指挥长', now: at(step) });
    if (step === 4)
      commands.push({
        type: 'AssignTeam',
        teamId: randomUUID(),
        teamName: '比对队伍',
        task: '灭火',
        dispatchedAt: at(step),
      });
    if (step === 6)
      commands.push({ type: 'PassReportUp', toLevel: 'city', channel: '电话', reportedBy: '值班员', now: at(step) });
  }
  if (k % 3 === 0) commands.push({ type: 'CloseIncident', summary: '处置完毕', now: at(20) });
  return {
    stream: [`incident-${incidentId}`, decidedEvents(incidentDecider as never, commands, jurisdiction)],
    incidentId,
  };
}

/** A warehouse's allocations to these incidents, as the warehouse context records them (reserved, then moved on). */
function allocations(incidentIds: readonly string[]): [string, EventToAppend[]] {
  const warehouseId = randomUUID();
  const events: EventToAppend[] = incidentIds.flatMap((incidentId, i) => {
    const allocationId = randomUUID();
    const metadata = {
      correlationId: 'rebuild-equality',
      causationId: 'rebuild-equality',
      actorId: 'rebuild-equality',
      actorName: '重建比对',
      jurisdiction: '640500',
      occurredAt: at(i).toISOString(),
      schemaVersion: 1,
    };
    const items = [{ materialCode: '1010101', quantity: 2 + i }];
    return [
      {
        id: randomUUID(),
        type: 'StockAllocated',
        data: { warehouseId, allocationId, incidentId, items, allocatedAt: at(i).toISOString() },
        metadata,
      },
      {
        id: randomUUID(),
        type: 'AllocationStatusChanged',
        data: {
          warehouseId,
          allocationId,
          incidentId,
          from: 'reserved',
          status: 'shipped',
          at: at(i + 1).toISOString(),
        },
        metadata,
      },
    ];
  });
  return [`warehouse-${warehouseId}`, events];
}

describe('incident read models: rebuilt in large batches equal live in small ones', () => {
  it('writes the same board, compliance, timeline and account rows, and no deltas while rebuilding', async () => {
    const incidents = [0, 1, 2, 3, 4, 5].map(incidentHistory);
    const { live, rebuilt } = await projectLiveAndRebuilt({
      projections: () => {
        const jurisdictions = new JurisdictionRegistry();
        return [
          new IncidentBoardProjection(jurisdictions),
          new IncidentTimelineProjection(),
          new IncidentAccountProjection(),
        ];
      },
      entities: [IncidentBoardRow, IncidentTimelineRow, IncidentAccountRow],
      history: [...incidents.map((i) => i.stream), allocations(incidents.map((i) => i.incidentId))],
      tables: ['incident_board', 'deadline_compliance', 'incident_timeline', 'incident_accounts'],
    });
    expect(live.rows['incident_board']!.length).toBe(6);
    expect(live.rows['deadline_compliance']!.length).toBeGreaterThan(0);
    expect(live.rows['incident_timeline']!.length).toBeGreaterThan(6 * 14);
    expect(live.rows['incident_accounts']!.length).toBe(6 * 13);
    expect(rebuilt.rows).toEqual(live.rows);
    expect(live.largestBatch).toBeLessThanOrEqual(3);
    expect(rebuilt.largestBatch).toBeGreaterThan(50);
    expect(live.deltas).toBeGreaterThan(0);
    expect(rebuilt.deltas).toBe(0);
  }, 120_000);
});
