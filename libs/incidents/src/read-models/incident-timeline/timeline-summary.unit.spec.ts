import type { IncidentEvent } from '../../domain/incident/incident.events';
import { summarizeIncidentEvent } from './timeline-summary';

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
