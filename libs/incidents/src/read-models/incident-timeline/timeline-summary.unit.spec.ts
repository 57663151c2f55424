import type { IncidentEvent } from '../../domain/incident/incident.events';
import { summarizeConsultationEvent, summarizeIncidentEvent } from './timeline-summary';

const incidentId = '0b6c3f0e-8f0a-4a55-9c1e-3f7d2c1b9a01';

describe('timeline lines of the reporting chain read as a duty log: names, never codes', () => {
  it('names the channel and the party notified (条例493 第十条)', () => {
    const line = summarizeIncidentEvent({
      type: 'PartyNotified',
      data: {
        incidentId,
        party: 'public_security',
        channel: 'phone',
        notifiedAt: '2026-11-22T06:00:00Z',
        notifiedBy: '王值班',
      },
    } as IncidentEvent);
    expect(line).toBe('通知公安机关（电话）');
    expect(line).not.toContain('王值班'); // named beside the line, by display name
  });

  it('names the obligation written off (核销) by its kind and level, not its id', () => {
    const line = summarizeIncidentEvent({
      type: 'ObligationWrittenOff',
      data: {
        incidentId,
        obligationId: 'initial:city:0',
        reason: '事故等级核实为一般',
        writtenOffBy: '李指挥',
        writtenOffAt: '2026-11-22T06:00:00Z',
      },
    });
    expect(line).toBe('核销逐级上报（设区的市级）；理由：事故等级核实为一般');
    expect(line).not.toContain('initial');
  });

  it('keeps a channel the user typed as it was typed', () => {
    const line = summarizeIncidentEvent({
      type: 'PartyNotified',
      data: {
        incidentId,
        party: 'trade_union',
        channel: '当面告知',
        notifiedAt: '2026-11-22T06:00:00Z',
        notifiedBy: '王值班',
      },
    } as IncidentEvent);
    expect(line).toContain('（当面告知）');
  });
});

describe('timeline lines of a consultation (会商) name the expert and the specialties, never ids', () => {
  const base = { consultationId: 'c-1', incidentId, expertId: 'e-1', expertName: '张三' };

  it('an invitation names the expert, their specialties, the mode and the topic', () => {
    const line = summarizeConsultationEvent({
      type: 'ExpertInvited',
      data: { ...base, specialtyLabels: ['危险化学品', '环境监测'], mode: 'remote', topic: '堵漏方案' },
    });
    expect(line).toBe('邀请专家张三（危险化学品、环境监测）远程会商：堵漏方案');
    expect(
      summarizeConsultationEvent({
        type: 'ExpertInvited',
        data: { ...base, specialtyLabels: [], mode: 'on_site', topic: '现场研判' },
      }),
    ).toBe('邀请专家张三现场会商：现场研判');
  });

  it('an answer says accepted or declined, with the note when there is one', () => {
    expect(summarizeConsultationEvent({ type: 'ConsultationAccepted', data: { ...base, note: null } })).toBe(
      '专家张三接受会商邀请',
    );
    expect(summarizeConsultationEvent({ type: 'ConsultationDeclined', data: { ...base, note: '出差在外' } })).toBe(
      '专家张三谢绝会商邀请：出差在外',
    );
  });
});
