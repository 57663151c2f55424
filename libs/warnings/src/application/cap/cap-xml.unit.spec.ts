import { toCapAlert, type CapSource } from '../../domain/cap/cap-alert';
import { checkCap12 } from '../../testing/cap-conformance';
import { renderCapXml } from './cap-xml';

const ring = [
  { lat: 37.52, lng: 105.12 },
  { lat: 37.55, lng: 105.12 },
  { lat: 37.55, lng: 105.18 },
  { lat: 37.52, lng: 105.12 },
];
const source: CapSource = {
  warningId: '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
  jurisdiction: '640571',
  jurisdictionName: '中卫工业园区',
  timeZone: 'Asia/Shanghai',
  drillId: null,
  incidentId: null,
  level: 'red',
  hazard: '危险化学品泄漏',
  area: { description: '园区纬三路以北 <3 公里> & 周边', polygon: ring },
  message: '储罐泄漏 "氯气" <立即> & 撤离',
  instruction: '关闭门窗，向上风向撤离',
  effective: '2026-07-10T02:00:00.000Z',
  expires: '2026-07-10T14:00:00.000Z',
  channels: ['sms', 'loudspeaker'],
  liftReason: null,
  messages: [{ msgType: 'Alert', sent: '2026-07-10T02:00:00.456Z' }],
};

describe('CAP 1.2 export', () => {
  it('an issued warning is an Alert that conforms, with every required element and sensible values', () => {
    const xml = renderCapXml(toCapAlert(source));
    const { problems, document } = checkCap12(xml);
    expect(problems).toEqual([]);
    const alert = document.alert;
    expect(alert).toMatchObject({
      '@_xmlns': 'urn:oasis:names:tc:emergency:cap:1.2',
      identifier: `${source.warningId}.1`,
      sender: 'yjgl-640571@emergency-command.invalid',
      sent: '2026-07-10T10:00:00+08:00',
      status: 'Actual',
      msgType: 'Alert',
      scope: 'Public',
    });
    expect(alert.references).toBeUndefined();
    expect(alert.info).toHaveLength(1);
    expect(alert.info[0]).toMatchObject({
      language: 'zh-CN',
      category: ['CBRNE'],
      event: '危险化学品泄漏',
      urgency: 'Immediate',
      severity: 'Extreme',
      certainty: 'Likely',
      effective: '2026-07-10T10:00:00+08:00',
      expires: '2026-07-10T22:00:00+08:00',
      senderName: '中卫工业园区应急管理局',
      headline: '中卫工业园区发布危险化学品泄漏红色预警',
      instruction: '关闭门窗，向上风向撤离',
    });
    expect(alert.info[0]!.area[0]).toMatchObject({ polygon: ['37.52,105.12 37.55,105.12 37.55,105.18 37.52,105.12'] });
  });

  it('escapes markup in every text: <&>" come back unchanged', () => {
    const xml = renderCapXml(toCapAlert(source));
    expect(xml).toContain('储罐泄漏 &quot;氯气&quot; &lt;立即&gt; &amp; 撤离');
    expect(xml).not.toContain('<立即>');
    const { document } = checkCap12(xml);
    expect(document.alert.info[0]!.description).toBe(source.message);
    expect(document.alert.info[0]!.area[0]!.areaDesc).toBe(source.area.description);
  });

  it('drops characters XML 1.0 cannot carry instead of producing a broken document', () => {
    const xml = renderCapXml(toCapAlert({ ...source, message: 'a\u0001b\u001fc' }));
    const { problems, document } = checkCap12(xml);
    expect(problems).toEqual([]);
    expect(document.alert.info[0]!.description).toBe('abc');
  });

  it('maps the four levels to CAP severities', () => {
    const severities = (['red', 'orange', 'yellow', 'blue'] as const).map(
      (level) => toCapAlert({ ...source, level }).info.severity,
    );
    expect(severities).toEqual(['Extreme', 'Severe', 'Moderate', 'Minor']);
  });

  it('urgency follows the start and the level; certainty is Observed for a recorded incident', () => {
    const sentNow = { messages: [{ msgType: 'Alert' as const, sent: source.effective }] };
    expect(toCapAlert({ ...source, ...sentNow, level: 'yellow' }).info.urgency).toBe('Expected');
    expect(toCapAlert({ ...source, messages: [{ msgType: 'Alert', sent: '2026-07-10T01:30:00Z' }] }).info.urgency).toBe(
      'Expected',
    );
    expect(toCapAlert({ ...source, messages: [{ msgType: 'Alert', sent: '2026-07-09T20:00:00Z' }] }).info.urgency).toBe(
      'Future',
    );
    const linked = toCapAlert({ ...source, incidentId: '6ff27098-6645-599c-823b-cb896f59f5e7' });
    expect(linked.info.certainty).toBe('Observed');
    expect(linked.incidents).toBe('6ff27098-6645-599c-823b-cb896f59f5e7');
  });

  it('a drill warning is status=Exercise with a note', () => {
    const { problems, document } = checkCap12(
      renderCapXml(toCapAlert({ ...source, drillId: '5d0b6c1e-9a51-4f3e-8a0e-0c1d2e3f4a5b' })),
    );
    expect(problems).toEqual([]);
    expect(document.alert).toMatchObject({ status: 'Exercise', note: expect.stringContaining('演练') });
    expect(document.alert.info[0]!.headline).toMatch(/^【演练】/);
  });

  it('an adjustment is an Update, a lift a Cancel, each referencing every earlier message', () => {
    const updated = {
      ...source,
      level: 'orange' as const,
      messages: [...source.messages, { msgType: 'Update' as const, sent: '2026-07-10T03:00:00Z' }],
    };
    const update = checkCap12(renderCapXml(toCapAlert(updated)));
    expect(update.problems).toEqual([]);
    expect(update.document.alert).toMatchObject({
      msgType: 'Update',
      identifier: `${source.warningId}.2`,
      sent: '2026-07-10T11:00:00+08:00',
      references: `yjgl-640571@emergency-command.invalid,${source.warningId}.1,2026-07-10T10:00:00+08:00`,
    });
    expect(update.document.alert.info[0]).toMatchObject({
      severity: 'Severe',
      headline: '中卫工业园区调整危险化学品泄漏预警为橙色预警',
    });

    const lifted = {
      ...updated,
      liftReason: '泄漏已封堵',
      messages: [...updated.messages, { msgType: 'Cancel' as const, sent: '2026-07-10T04:00:00Z' }],
    };
    const cancel = checkCap12(renderCapXml(toCapAlert(lifted)));
    expect(cancel.problems).toEqual([]);
    expect(cancel.document.alert).toMatchObject({
      msgType: 'Cancel',
      identifier: `${source.warningId}.3`,
      note: '解除原因：泄漏已封堵',
    });
    expect(String(cancel.document.alert.references).split(' ')).toEqual([
      `yjgl-640571@emergency-command.invalid,${source.warningId}.1,2026-07-10T10:00:00+08:00`,
      `yjgl-640571@emergency-command.invalid,${source.warningId}.2,2026-07-10T11:00:00+08:00`,
    ]);
    expect(cancel.document.alert.info[0]).toMatchObject({ urgency: 'Past', responseType: ['AllClear'] });
  });

  it('UTC is written -00:00, never Z; a warning without polygon still has its areaDesc and geocode', () => {
    const alert = toCapAlert({ ...source, timeZone: 'UTC', area: { description: '全市', polygon: null } });
    expect(alert.sent).toBe('2026-07-10T02:00:00-00:00');
    const { problems, document } = checkCap12(renderCapXml(alert));
    expect(problems).toEqual([]);
    expect(document.alert.info[0]!.area[0]).toEqual({
      areaDesc: '全市',
      geocode: [{ valueName: 'GB/T 2260', value: '640571' }],
    });
  });

  it('the conformance check itself catches what CAP forbids', () => {
    const good = renderCapXml(toCapAlert(source));
    expect(checkCap12(good.replace('<msgType>Alert</msgType>', '<msgType>Warning</msgType>')).problems).toEqual([
      expect.stringContaining('msgType'),
    ]);
    expect(checkCap12(good.replace('<severity>Extreme</severity>', '')).problems).toEqual([
      '<info> lacks required <severity>',
    ]);
    expect(checkCap12(good.replace('+08:00</sent>', '.000Z</sent>')).problems).toEqual([
      expect.stringContaining('sent is not a CAP dateTime'),
    ]);
    expect(checkCap12(good.replace(' 37.52,105.12</polygon>', '</polygon>')).problems).toContain(
      'polygon must be closed (first pair = last pair)',
    );
    const swapped = good.replace(/(<urgency>.*<\/urgency>)(\s*)(<severity>.*<\/severity>)/, '$3$2$1');
    expect(checkCap12(swapped).problems).toEqual([expect.stringContaining('out of schema order')]);
  });
});
