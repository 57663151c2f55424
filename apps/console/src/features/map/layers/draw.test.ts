import { describe, expect, it } from 'vitest';
import type { IncidentView } from '@app/incidents/contract';
import { incidentsByLabelPriority } from './draw';

const incident = (id: string, grade: IncidentView['grade'], status: IncidentView['status'], occurredAt: string) => ({
  id,
  grade,
  status,
  occurredAt,
});

describe('the order in which incident labels claim their place', () => {
  it('puts the graver grade first, whatever the order the incidents came in', () => {
    const order = incidentsByLabelPriority([
      incident('general', 'general', 'open', '2026-12-06T03:00:00Z'),
      incident('major', 'major', 'open', '2026-12-06T03:00:00Z'),
      incident('especially', 'especially_serious', 'closed', '2026-12-01T03:00:00Z'),
      incident('serious', 'serious', 'open', '2026-12-06T03:00:00Z'),
    ]);
    expect(order.map((i) => i.id)).toEqual(['especially', 'serious', 'major', 'general']);
  });

  it('within a grade, puts open before closed, then the newer before the older', () => {
    const order = incidentsByLabelPriority([
      incident('closed-new', 'major', 'closed', '2026-12-06T05:00:00Z'),
      incident('open-old', 'major', 'open', '2026-12-06T01:00:00Z'),
      incident('open-new', 'major', 'open', '2026-12-06T04:00:00Z'),
    ]);
    expect(order.map((i) => i.id)).toEqual(['open-new', 'open-old', 'closed-new']);
  });
});
