import { randomUUID } from 'node:crypto';
import { incidentBody } from '../support/incident-fixtures';

/** A drill's intake payload (the incident intake body without drillId). */
export const drillIncidentPayload = (overrides: Record<string, unknown> = {}) =>
  incidentBody({ title: `演练：储罐泄漏 ${randomUUID().slice(0, 6)}`, ...overrides });

/** Two scripted injects: at +60 s an incident is reported; at +300 s casualties rise on it. */
export const twoInjectScript = () => ({
  injects: [
    { atSecond: 60, kind: 'report_incident', payload: drillIncidentPayload() },
    {
      atSecond: 300,
      kind: 'update_situation',
      payload: { incidentRef: 0, casualties: { deaths: 2, trapped: 3 }, description: '二次泄漏，伤亡上升' },
    },
  ],
});

export const drillBody = (overrides: Record<string, unknown> = {}) => ({
  title: `危化品泄漏综合演练 ${randomUUID().slice(0, 6)}`,
  form: 'tabletop',
  scope: 'comprehensive',
  jurisdiction: '640500',
  participants: ['市应急管理局', '市消防救援支队'],
  ...overrides,
});
