import { spec } from '@app/event-sourcing/testing';
import type { ReportIncident } from './incident.commands';
import { incidentDecider } from './incident.decider';
import {
  IncidentClosedError,
  ObligationNotPendingError,
  ReceivedAtReasonRequiredError,
  ReceivedInFutureError,
  ReportedBeforeReceiptError,
  ReportedInFutureError,
  UnitTimesInvalidError,
} from './incident.errors';
import type { IncidentEvent, IncidentReported } from './incident.events';

const MIN = 60_000;
const DAY = 1440 * MIN;
const occurred = new Date('2026-11-22T02:00:00Z');
const now = new Date('2026-11-22T06:00:00Z');
const policy = { countMissingAsDeaths: true };
const policyFor = () => policy;
const none = { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 };
const incidentId = 'b7d1c6a4-8f3e-4a43-9d43-5b1d7b7c2e11';
const incident = spec(incidentDecider);

const report: ReportIncident = {
  type: 'ReportIncident',
  incidentId,
  title: '某矿山冒顶',
  category: 'non_coal_mine',
  occurredAt: occurred,
  location: { address: '海原县某矿', lat: 36.5, lng: 105.6 },
  jurisdiction: '640522',
  reporter: { name: '李明', phone: '13800000001', organization: '某矿业公司' },
  casualties: { ...none, deaths: 1 },
  description: '井下冒顶',
  takenBy: '值班员甲',
  now,
  policy,
};
const reported = (category: IncidentReported['data']['category'] = 'non_coal_mine'): IncidentReported => ({
  type: 'IncidentReported',
  data: {
    incidentId,
    title: report.title,
    category,
    occurredAt: occurred.toISOString(),
    receivedAt: now.toISOString(),
    location: report.location,
    jurisdiction: '640522',
    enterprise: null,
    reporter: report.reporter,
    takenBy: '值班员甲',
    casualties: { ...none, deaths: 1 },
    directLossYuan: null,
    description: report.description,
    drillId: null,
    grade: 'general',
  },
});
const ended: IncidentEvent = {
  type: 'IncidentClosed',
  data: { incidentId, summary: '处置完毕', closedAt: new Date(now.getTime() + 60 * MIN).toISOString() },
};

describe('接报时间 (docs/domain.md rule 3: the bureau’s clock runs from its receipt)', () => {
  it('defaults to now, and keeps the unit’s times and the measures taken (条例493 第九条、第十二条)', () => {
    incident
      .when({
        ...report,
        unitLearnedAt: new Date(occurred.getTime() + 5 * MIN),
        unitReportedAt: new Date(occurred.getTime() + 170 * MIN),
        measures: '已撤出井下人员',
      })
      .then([
        {
          type: 'IncidentReported',
          data: expect.objectContaining({
            receivedAt: now.toISOString(),
            receivedAtReason: null,
            unitLearnedAt: '2026-11-22T02:05:00.000Z',
            unitReportedAt: '2026-11-22T04:50:00.000Z',
            measures: '已撤出井下人员',
          }),
        },
      ]);
  });

  it('may be back-dated 10 minutes without a reason; further back only with one', () => {
    incident
      .when({ ...report, receivedAt: new Date(now.getTime() - 10 * MIN) })
      .then([{ type: 'IncidentReported', data: expect.objectContaining({ receivedAt: '2026-11-22T05:50:00.000Z' }) }]);
    incident
      .when({ ...report, receivedAt: new Date(now.getTime() - 10 * MIN - 1000) })
      .thenThrows(ReceivedAtReasonRequiredError, 'RECEIVED_AT_REASON_REQUIRED');
    incident
      .when({ ...report, receivedAt: new Date(now.getTime() - 60 * MIN), receivedAtReason: '电话接报后补录' })
      .then([{ type: 'IncidentReported', data: expect.objectContaining({ receivedAtReason: '电话接报后补录' }) }]);
  });

  it('is never in the future (beyond clock skew)', () => {
    incident
      .when({ ...report, receivedAt: new Date(now.getTime() + 6 * MIN) })
      .thenThrows(ReceivedInFutureError, 'RECEIVED_IN_FUTURE');
  });

  it('refuses unit times that cannot be: learned before the accident, reported before learning', () => {
    incident
      .when({ ...report, unitLearnedAt: new Date(occurred.getTime() - 60 * MIN) })
      .thenThrows(UnitTimesInvalidError, 'UNIT_TIMES_INVALID');
    incident
      .when({
        ...report,
        unitLearnedAt: new Date(occurred.getTime() + 30 * MIN),
        unitReportedAt: new Date(occurred.getTime() + 20 * MIN),
      })
      .thenThrows(UnitTimesInvalidError, 'UNIT_TIMES_INVALID');
  });
});

describe('reports and notifications carry their real time (条例493 第十条、第十一条)', () => {
  const open = incident.given([reported()]);
  it('a phone report logged later keeps the time of the call, with recipient and text', () => {
    const call = new Date(now.getTime() + 20 * MIN);
    open
      .when({
        type: 'PassReportUp',
        toLevel: 'city',
        channel: '电话',
        reportedBy: '值班员甲',
        reportedAt: call,
        recipient: { unit: '中卫市应急管理局', name: '赵六' },
        text: '快报',
        now: new Date(now.getTime() + 60 * MIN),
      })
      .then([
        {
          type: 'ReportPassedUp',
          data: expect.objectContaining({
            reportedAt: call.toISOString(),
            recordedAt: new Date(now.getTime() + 60 * MIN).toISOString(),
            recipient: { unit: '中卫市应急管理局', name: '赵六' },
          }),
        },
      ]);
  });
  it('never in the future, never before the receipt', () => {
    const base = { type: 'PassReportUp', toLevel: 'city', channel: '电话', reportedBy: 'x', now } as const;
    open
      .when({ ...base, reportedAt: new Date(now.getTime() + 6 * MIN) })
      .thenThrows(ReportedInFutureError, 'REPORTED_IN_FUTURE');
    open
      .when({ ...base, reportedAt: new Date(now.getTime() - MIN) })
      .thenThrows(ReportedBeforeReceiptError, 'REPORTED_BEFORE_RECEIPT');
    open
      .when({
        type: 'NotifyParty',
        party: 'trade_union',
        channel: '电话',
        notifiedBy: 'x',
        notifiedAt: new Date(now.getTime() - MIN),
        now,
      })
      .thenThrows(ReportedBeforeReceiptError, 'REPORTED_BEFORE_RECEIPT');
  });
  it('核销 once: a second write-off of the same obligation is refused', () => {
    open
      .when({
        type: 'WriteOffObligation',
        obligationId: 'initial:city:0',
        reason: '等级降低',
        writtenOffBy: '指挥长',
        now,
      })
      .then([{ type: 'ObligationWrittenOff', data: expect.objectContaining({ obligationId: 'initial:city:0' }) }]);
    incident
      .given([
        reported(),
        {
          type: 'ObligationWrittenOff',
          data: {
            incidentId,
            obligationId: 'initial:city:0',
            reason: 'x',
            writtenOffBy: 'y',
            writtenOffAt: now.toISOString(),
          },
        },
      ])
      .when({ type: 'WriteOffObligation', obligationId: 'initial:city:0', reason: 'again', writtenOffBy: 'y', now })
      .thenThrows(ObligationNotPendingError, 'OBLIGATION_NOT_PENDING');
  });
});

describe('补报 after 响应终止 (条例493 第十三条: 30 days; 7 for road traffic and fire)', () => {
  const at = (ms: number) => new Date(occurred.getTime() + ms);
  it('a death on day 10 is accepted after the response ended and re-grades the accident', () => {
    incident
      .given([reported(), ended])
      .when({ type: 'UpdateSituation', casualties: { deaths: 3 }, now: at(10 * DAY), policyFor })
      .then([
        { type: 'SituationUpdated', data: expect.not.objectContaining({ outsideWindow: true }) },
        { type: 'AccidentGradeChanged', data: expect.objectContaining({ from: 'general', to: 'major', rose: true }) },
      ]);
  });
  it('day 30 is inside; after it a death is recorded, flagged, and re-grades nothing', () => {
    incident
      .given([reported(), ended])
      .when({ type: 'UpdateSituation', casualties: { deaths: 3 }, now: at(30 * DAY), policyFor })
      .then([
        expect.objectContaining({ type: 'SituationUpdated' }),
        expect.objectContaining({ type: 'AccidentGradeChanged' }),
      ]);
    incident
      .given([reported(), ended])
      .when({ type: 'UpdateSituation', casualties: { deaths: 3 }, now: at(30 * DAY + 1000), policyFor })
      .then([
        {
          type: 'SituationUpdated',
          data: expect.objectContaining({ casualties: expect.objectContaining({ deaths: 3 }), outsideWindow: true }),
        },
      ]);
  });
  it('road traffic: the window is 7 days', () => {
    incident
      .given([reported('road_traffic'), ended])
      .when({ type: 'UpdateSituation', casualties: { deaths: 3 }, now: at(7 * DAY + 1000), policyFor })
      .then([{ type: 'SituationUpdated', data: expect.objectContaining({ outsideWindow: true }) }]);
  });
  it('after 响应终止 only casualty changes are taken', () => {
    incident
      .given([reported(), ended])
      .when({ type: 'UpdateSituation', measures: '继续监测', now: at(DAY), policyFor })
      .thenThrows(IncidentClosedError, 'INCIDENT_CLOSED');
  });
});
