import { fold } from '@app/event-sourcing';
import { DomainError } from '@app/shared';
import type { ReportIncident } from './incident.commands';
import { incidentDecider } from './incident.decider';
import type { IncidentEvent, IncidentReported } from './incident.events';

const now = new Date('2026-11-22T06:00:00Z');
const policy = { countMissingAsDeaths: true };
const policyFor = () => policy;
const noCasualties = { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 };

const report: ReportIncident = {
  type: 'ReportIncident',
  incidentId: 'a6d1c6a4-8f3e-4a43-9d43-5b1d7b7c2e10',
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

function given(...commands: Parameters<typeof incidentDecider.decide>[0][]): IncidentEvent[] {
  const history: IncidentEvent[] = [];
  for (const command of commands) history.push(...incidentDecider.decide(command, fold(incidentDecider, history)));
  return history;
}

function when(history: IncidentEvent[], command: Parameters<typeof incidentDecider.decide>[0]): IncidentEvent[] {
  return incidentDecider.decide(command, fold(incidentDecider, history));
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'NOT_A_DOMAIN_ERROR';
  }
  return undefined;
}

describe('incident decider', () => {
  describe('when no incident exists', () => {
    it('ReportIncident records the report with its grade, receipt time and who took it', () => {
      const [event] = when([], report) as IncidentReported[];
      expect(event!.type).toBe('IncidentReported');
      expect(event!.data).toMatchObject({ grade: 'general', receivedAt: now.toISOString(), takenBy: 'duty-officer-1', drillId: null });
    });
    it('grades from the first report', () => {
      const [event] = when([], { ...report, casualties: { ...noCasualties, deaths: 3 } }) as IncidentReported[];
      expect(event!.data.grade).toBe('major');
    });
    it('refuses an occurrence time in the future beyond clock skew', () => {
      expect(codeOf(() => when([], { ...report, occurredAt: new Date(now.getTime() + 6 * 60_000) }))).toBe('OCCURRED_IN_FUTURE');
      expect(codeOf(() => when([], { ...report, occurredAt: new Date(now.getTime() + 4 * 60_000) }))).toBeUndefined();
    });
    it('a follow-up or closing is not found', () => {
      expect(codeOf(() => when([], { type: 'UpdateSituation', now, policyFor }))).toBe('INCIDENT_NOT_FOUND');
      expect(codeOf(() => when([], { type: 'CloseIncident', summary: 'x', now }))).toBe('INCIDENT_NOT_FOUND');
    });
  });

  describe('when the incident is open', () => {
    const history = given(report);
    it('a second report is a conflict', () => {
      expect(codeOf(() => when(history, report))).toBe('INCIDENT_ALREADY_REPORTED');
    });
    it('a follow-up merges casualties and keeps the grade when it does not move', () => {
      const events = when(history, { type: 'UpdateSituation', casualties: { minorInjuries: 4 }, now, policyFor });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: 'SituationUpdated', data: { casualties: { ...noCasualties, seriousInjuries: 2, trapped: 1, minorInjuries: 4 } } });
    });
    it('a follow-up that raises the grade records the rise', () => {
      const events = when(history, { type: 'UpdateSituation', casualties: { deaths: 2, missing: 1 }, now, policyFor });
      expect(events.map((e) => e.type)).toEqual(['SituationUpdated', 'AccidentGradeChanged']);
      expect(events[1]!.data).toMatchObject({ from: 'general', to: 'major', rose: true });
    });
    it('a follow-up that lowers the grade records it as not a rise', () => {
      const raised = given(report, { type: 'UpdateSituation', directLossYuan: 60_000_000, now, policyFor });
      const events = when(raised, { type: 'UpdateSituation', directLossYuan: 1_000_000, now, policyFor });
      expect(events[1]!.data).toMatchObject({ from: 'serious', to: 'general', rose: false });
    });
    it('closing records the summary', () => {
      expect(when(history, { type: 'CloseIncident', summary: '泄漏已封堵', now })).toEqual([
        { type: 'IncidentClosed', data: { incidentId: report.incidentId, summary: '泄漏已封堵', closedAt: now.toISOString() } },
      ]);
    });
  });

  describe('when the incident is closed', () => {
    const history = given(report, { type: 'CloseIncident', summary: '处置完毕', now });
    it('refuses follow-ups and a second close', () => {
      expect(codeOf(() => when(history, { type: 'UpdateSituation', measures: 'x', now, policyFor }))).toBe('INCIDENT_CLOSED');
      expect(codeOf(() => when(history, { type: 'CloseIncident', summary: 'x', now }))).toBe('INCIDENT_CLOSED');
    });
  });
});

describe('response level (docs/domain.md rule 8)', () => {
  const level = (l: 'I' | 'II' | 'III' | 'IV') => ({ type: 'SetResponseLevel' as const, level: l, reason: '研判', decidedBy: '指挥长甲', now });
  it('is set with who decided and why, changed later, and a repeat changes nothing', () => {
    const history = given(report);
    expect(when(history, level('III'))).toEqual([{ type: 'ResponseLevelSet', data: expect.objectContaining({ from: null, level: 'III', decidedBy: '指挥长甲', reason: '研判' }) }]);
    const raised = given(report, level('III'), level('I'));
    expect(raised[2]).toMatchObject({ type: 'ResponseLevelSet', data: { from: 'III', level: 'I' } });
    expect(when(raised, level('I'))).toEqual([]);
  });
  it('does not follow the grade: a general accident may get a level I response', () => {
    const events = when(given(report), level('I'));
    expect(fold(incidentDecider, [...given(report), ...events])).toMatchObject({ grade: 'general', responseLevel: 'I' });
  });
  it('is refused on a closed incident', () => {
    expect(codeOf(() => when(given(report, { type: 'CloseIncident', summary: '结案', now }), level('II')))).toBe('INCIDENT_CLOSED');
  });
});
