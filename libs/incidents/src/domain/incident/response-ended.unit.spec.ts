import { spec } from '@app/event-sourcing/testing';
import type { AssignTeam, IncidentCommand } from './incident.commands';
import { incidentDecider } from './incident.decider';
import { IncidentResponseEndedError } from './incident.errors';
import type { IncidentEvent, IncidentReported } from './incident.events';

// Teams and supplies reach an incident only while its response is under way (docs/domain.md rule 9), decided on the
// incident's own stream: the board a dispatch was checked against may still show it open.

const now = new Date('2026-11-22T06:00:00Z');
const earlier = '2026-11-22T05:50:00.000Z';
const incidentId = '0f3c9a52-7d1e-4c6b-9a0e-2b7f5e8d4c31';
const drillId = 'd0d0d0d0-0000-4000-8000-000000000011';
const noCasualties = { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 };

const reported = (drill: string | null = null): IncidentReported => ({
  type: 'IncidentReported',
  data: {
    incidentId,
    title: '沙坡头区某商场火灾',
    category: 'fire',
    occurredAt: '2026-11-22T05:40:00.000Z',
    receivedAt: earlier,
    location: { address: '沙坡头区鼓楼东街', lat: 37.51, lng: 105.19 },
    jurisdiction: '640502',
    enterprise: null,
    reporter: { name: '张敏', phone: '13900000000', organization: '商场物业' },
    takenBy: 'duty-officer-1',
    casualties: noCasualties,
    directLossYuan: null,
    description: '三楼起火',
    drillId: drill,
    grade: 'general',
  },
});
const closed: IncidentEvent = {
  type: 'IncidentClosed',
  data: { incidentId, summary: '明火已扑灭', closedAt: earlier },
};
const assign = (teamId: string, simulated = false): AssignTeam => ({
  type: 'AssignTeam',
  teamId,
  teamName: `队伍 ${teamId}`,
  task: '灭火',
  dispatchedAt: new Date(earlier),
  ...(simulated ? { simulated: true } : {}),
});
const assigned = (teamId: string, simulated = false): IncidentEvent => ({
  type: 'TeamAssigned',
  data: {
    incidentId,
    teamId,
    teamName: `队伍 ${teamId}`,
    task: '灭火',
    dispatchedAt: earlier,
    ...(simulated ? { simulated: true as const } : {}),
  },
});
const drillAllocation: IncidentCommand = {
  type: 'RecordDrillAllocation',
  allocationId: 'al-1',
  warehouseId: 'wh-1',
  items: [{ materialCode: '2010101', quantity: 5 }],
  now,
};

const incident = spec(incidentDecider);

describe('an incident whose response has ended', () => {
  it('refuses a team whose dispatch arrives after the close (409 INCIDENT_RESPONSE_ENDED)', () => {
    const error = incident
      .given([reported(), closed])
      .when(assign('t-late'))
      .thenThrows(IncidentResponseEndedError, 'INCIDENT_RESPONSE_ENDED');
    expect(error.kind).toBe('conflict');
    expect(error.message).toContain('事故已结案');
  });

  it('still answers a redelivered assignment it recorded before the close with nothing', () => {
    incident
      .given([reported(), assigned('t-early'), closed])
      .when(assign('t-early'))
      .thenNothing();
  });

  it('records the same assignment while it is open', () => {
    incident
      .given([reported()])
      .when(assign('t-early'))
      .then([assigned('t-early')]);
  });

  it('applies the same rule to a drill: no simulated dispatch and no simulated allocation after the close', () => {
    const ended = incident.given([reported(drillId), closed]);
    ended.when(assign('t-sim', true)).thenThrows(IncidentResponseEndedError, 'INCIDENT_RESPONSE_ENDED');
    ended.when(drillAllocation).thenThrows(IncidentResponseEndedError, 'INCIDENT_RESPONSE_ENDED');
  });

  it('a running drill incident still records both', () => {
    const running = incident.given([reported(drillId)]);
    running.when(assign('t-sim', true)).then([assigned('t-sim', true)]);
    expect(
      running
        .when(drillAllocation)
        .decided()
        .events.map((e) => e.type),
    ).toEqual(['DrillAllocationRecorded']);
  });
});

describe('the record of what the dispatch process undid after the close', () => {
  const recordTeam: IncidentCommand = {
    type: 'RecordLateDispatchWithdrawn',
    teamId: 't-late',
    teamName: '队伍 t-late',
    reason: '事故已结案，调派撤回',
    now,
  };
  const recordAllocation: IncidentCommand = {
    type: 'RecordLateAllocationCancelled',
    allocationId: 'al-late',
    warehouseId: 'wh-1',
    items: [{ materialCode: '1010101', quantity: 3 }],
    reason: '事故已结案，调拨撤回，预留库存释放',
    now,
  };

  it('is kept on a closed incident, saying why, and changes nothing else', () => {
    const ended = incident.given([reported(), closed]);
    const { state } = ended.when(recordTeam).then([
      {
        type: 'LateDispatchWithdrawn',
        data: {
          incidentId,
          teamId: 't-late',
          teamName: '队伍 t-late',
          reason: '事故已结案，调派撤回',
          withdrawnAt: now.toISOString(),
        },
      },
    ]);
    expect(state).toEqual(ended.state());
    ended.when(recordAllocation).then([
      {
        type: 'LateAllocationCancelled',
        data: {
          incidentId,
          allocationId: 'al-late',
          warehouseId: 'wh-1',
          items: [{ materialCode: '1010101', quantity: 3 }],
          reason: '事故已结案，调拨撤回，预留库存释放',
          cancelledAt: now.toISOString(),
        },
      },
    ]);
  });

  it('has nothing to record on an incident still open', () => {
    incident.given([reported()]).when(recordTeam).thenNothing();
    incident.given([reported()]).when(recordAllocation).thenNothing();
  });
});
