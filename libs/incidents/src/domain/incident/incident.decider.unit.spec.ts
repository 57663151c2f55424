import { spec } from '@app/event-sourcing/testing';
import type { IncidentCommand, ReportIncident } from './incident.commands';
import { incidentDecider } from './incident.decider';
import {
  IncidentAlreadyReportedError,
  IncidentClosedError,
  IncidentNotFoundError,
  OccurredInFutureError,
} from './incident.errors';
import type { IncidentEvent, IncidentReported } from './incident.events';
import type { ResponseLevel } from './incident.types';

const now = new Date('2026-11-22T06:00:00Z');
const at = now.toISOString();
const earlier = '2026-11-22T05:50:00.000Z';
const policy = { countMissingAsDeaths: true };
const policyFor = () => policy;
const noCasualties = { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 };
const incidentId = 'a6d1c6a4-8f3e-4a43-9d43-5b1d7b7c2e10';

const report: ReportIncident = {
  type: 'ReportIncident',
  incidentId,
  title: '中卫工业园区某化工企业储罐泄漏',
  category: 'hazardous_chemicals',
  occurredAt: new Date('2026-11-22T05:40:00Z'),
  location: { address: '中卫工业园区纬三路', lat: 37.52, lng: 105.18 },
  jurisdiction: '640571',
  reporter: { name: '王强', phone: '13800000000', organization: '某化工有限公司' },
  casualties: { ...noCasualties, seriousInjuries: 2, trapped: 1 },
  directLossYuan: 200_000,
  description: '储罐阀门泄漏，现场有刺激性气味',
  takenBy: 'duty-officer-1',
  now,
  policy,
};

// The history, as the stream would hold it.
const reported: IncidentReported = {
  type: 'IncidentReported',
  data: {
    incidentId,
    title: report.title,
    category: report.category,
    occurredAt: '2026-11-22T05:40:00.000Z',
    receivedAt: earlier,
    location: report.location,
    jurisdiction: '640571',
    enterprise: null,
    reporter: report.reporter,
    takenBy: 'duty-officer-1',
    casualties: report.casualties,
    directLossYuan: 200_000,
    description: report.description,
    drillId: null,
    grade: 'general',
  },
};
const closed = (summary: string): IncidentEvent => ({
  type: 'IncidentClosed',
  data: { incidentId, summary, closedAt: earlier },
});
const levelSet = (from: ResponseLevel | null, level: ResponseLevel): IncidentEvent => ({
  type: 'ResponseLevelSet',
  data: { incidentId, from, level, reason: '研判', decidedBy: '指挥长甲', decidedAt: earlier },
});
const setLevel = (level: ResponseLevel): IncidentCommand => ({
  type: 'SetResponseLevel',
  level,
  reason: '研判',
  decidedBy: '指挥长甲',
  now,
});

const incident = spec(incidentDecider);

describe('incident decider', () => {
  describe('when no incident exists', () => {
    it('ReportIncident records the report with its grade, receipt time and who took it', () => {
      incident.when(report).then([
        {
          type: 'IncidentReported',
          data: expect.objectContaining({
            grade: 'general',
            receivedAt: at,
            takenBy: 'duty-officer-1',
            drillId: null,
          }),
        },
      ]);
    });
    it('grades from the first report', () => {
      incident
        .when({ ...report, casualties: { ...noCasualties, deaths: 3 } })
        .then([{ type: 'IncidentReported', data: expect.objectContaining({ grade: 'major' }) }]);
    });
    it('refuses an occurrence time in the future beyond clock skew', () => {
      incident
        .when({ ...report, occurredAt: new Date(now.getTime() + 6 * 60_000) })
        .thenThrows(OccurredInFutureError, 'OCCURRED_IN_FUTURE');
      incident
        .when({ ...report, occurredAt: new Date(now.getTime() + 4 * 60_000) })
        .then([expect.objectContaining({ type: 'IncidentReported' })]);
    });
    it('a follow-up or closing is not found', () => {
      incident
        .when({ type: 'UpdateSituation', now, policyFor })
        .thenThrows(IncidentNotFoundError, 'INCIDENT_NOT_FOUND');
      incident
        .when({ type: 'CloseIncident', summary: 'x', now })
        .thenThrows(IncidentNotFoundError, 'INCIDENT_NOT_FOUND');
    });
  });

  describe('when the incident is open', () => {
    const open = incident.given([reported]);
    it('a second report is a conflict', () => {
      open.when(report).thenThrows(IncidentAlreadyReportedError, 'INCIDENT_ALREADY_REPORTED');
    });
    it('a follow-up merges casualties and keeps the grade when it does not move', () => {
      open.when({ type: 'UpdateSituation', casualties: { minorInjuries: 4 }, now, policyFor }).then([
        {
          type: 'SituationUpdated',
          data: {
            incidentId,
            updatedAt: at,
            casualties: { ...noCasualties, seriousInjuries: 2, trapped: 1, minorInjuries: 4 },
            directLossYuan: 200_000,
            description: null,
            measures: null,
          },
        },
      ]);
    });
    it('a follow-up that raises the grade records the rise', () => {
      open.when({ type: 'UpdateSituation', casualties: { deaths: 2, missing: 1 }, now, policyFor }).then([
        expect.objectContaining({ type: 'SituationUpdated' }),
        {
          type: 'AccidentGradeChanged',
          data: { incidentId, from: 'general', to: 'major', rose: true, changedAt: at },
        },
      ]);
    });
    it('a follow-up that lowers the grade records it as not a rise', () => {
      const raised = incident.given([
        reported,
        {
          type: 'SituationUpdated',
          data: {
            incidentId,
            updatedAt: earlier,
            casualties: reported.data.casualties,
            directLossYuan: 60_000_000,
            description: null,
            measures: null,
          },
        },
        {
          type: 'AccidentGradeChanged',
          data: { incidentId, from: 'general', to: 'serious', rose: true, changedAt: earlier },
        },
      ]);
      raised.when({ type: 'UpdateSituation', directLossYuan: 1_000_000, now, policyFor }).then([
        expect.objectContaining({ type: 'SituationUpdated' }),
        {
          type: 'AccidentGradeChanged',
          data: { incidentId, from: 'serious', to: 'general', rose: false, changedAt: at },
        },
      ]);
    });
    it('closing records the summary', () => {
      open
        .when({ type: 'CloseIncident', summary: '泄漏已封堵', now })
        .then([{ type: 'IncidentClosed', data: { incidentId, summary: '泄漏已封堵', closedAt: at } }]);
    });
  });

  describe('when the incident is closed', () => {
    const done = incident.given([reported, closed('处置完毕')]);
    it('refuses follow-ups and a second close', () => {
      done
        .when({ type: 'UpdateSituation', measures: 'x', now, policyFor })
        .thenThrows(IncidentClosedError, 'INCIDENT_CLOSED');
      done.when({ type: 'CloseIncident', summary: 'x', now }).thenThrows(IncidentClosedError, 'INCIDENT_CLOSED');
    });
  });
});

describe('response level, independent of the accident grade (docs/domain.md rule 8)', () => {
  it('is set with who decided and why, changed later, and a repeat changes nothing', () => {
    incident
      .given([reported])
      .when(setLevel('III'))
      .then([
        {
          type: 'ResponseLevelSet',
          data: expect.objectContaining({ from: null, level: 'III', decidedBy: '指挥长甲', reason: '研判' }),
        },
      ]);
    const atIII = incident.given([reported, levelSet(null, 'III')]);
    atIII
      .when(setLevel('I'))
      .then([{ type: 'ResponseLevelSet', data: expect.objectContaining({ from: 'III', level: 'I' }) }]);
    incident
      .given([reported, levelSet(null, 'III'), levelSet('III', 'I')])
      .when(setLevel('I'))
      .thenNothing();
  });
  it('does not follow the grade: a general accident may get a level I response', () => {
    const { state } = incident.given([reported]).when(setLevel('I')).decided();
    expect(state).toMatchObject({ grade: 'general', responseLevel: 'I' });
  });
  it('is refused on a closed incident', () => {
    incident
      .given([reported, closed('结案')])
      .when(setLevel('II'))
      .thenThrows(IncidentClosedError, 'INCIDENT_CLOSED');
  });
});
