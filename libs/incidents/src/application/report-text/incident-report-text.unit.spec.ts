import type { IncidentView } from '../../contract';
import { incidentReportText, localTime, yuan } from './incident-report-text';

const incident = (overrides: Partial<IncidentView> = {}): IncidentView => ({
  id: '0b6c3f0e-8f0a-4a55-9c1e-3f7d2c1b9a01',
  title: '某化工有限公司储罐泄漏',
  category: 'hazardous_chemicals',
  categoryLabel: '危险化学品',
  status: 'open',
  grade: 'major',
  gradeLabel: '较大事故',
  responseLevel: 'III',
  responseLevelLabel: 'Ⅲ级',
  jurisdiction: '640571',
  jurisdictionName: '中卫工业园区',
  enterprise: '某化工有限公司',
  enterpriseId: null,
  occurredAt: '2026-11-22T13:40:00+08:00',
  reportedAt: '2026-11-22T14:05:00+08:00',
  receivedAt: '2026-11-22T14:05:00+08:00',
  receivedAtReason: null,
  unitLearnedAt: null,
  unitReportedAt: null,
  nearMiss: false,
  updatedAt: '2026-11-22T14:05:00+08:00',
  closedAt: null,
  location: { address: '纬三路 8 号', lat: 37.53, lng: 105.14 },
  reporter: { name: '张伟', phone: '0955-1234567', organization: '企业安全科' },
  casualties: { deaths: 3, missing: 1, seriousInjuries: 4, minorInjuries: 2, trapped: 0 },
  casualtiesAfterWindow: null,
  directLossYuan: 12_500_000,
  description: '储罐阀门泄漏，引发火灾',
  measures: '已疏散周边 300 人，设置警戒区',
  summary: null,
  drillId: null,
  deadlines: [],
  assignedTeams: [],
  allocations: [],
  tasks: [],
  activePlans: [],
  revision: 3,
  position: '1/1',
  ...overrides,
});
const author = { bureau: '中卫市应急管理局', writtenAt: '2026-11-22T14:20:00+08:00' };

describe('report text (条例493 第十二条)', () => {
  it('gives the six contents of 第十二条 in their order, as an official document: names and local times', () => {
    const text = incidentReportText(incident(), 'initial', author);
    const items = [
      '一、事故发生单位概况',
      '二、事故发生的时间、地点及现场情况',
      '三、事故简要经过',
      '四、伤亡人数及直接经济损失',
      '五、已经采取的措施',
      '六、其他应当报告的情况',
    ].map((item) => text.indexOf(item));
    expect(items.every((at) => at >= 0)).toBe(true);
    expect([...items].sort((a, b) => a - b)).toEqual(items);
    expect(text).toMatch(/^生产安全事故快报\n/);
    expect(text).toContain('报告单位：中卫市应急管理局');
    expect(text).toContain('报告时间：2026年11月22日14时20分');
    expect(text).toContain('2026年11月22日13时40分，中卫工业园区纬三路 8 号');
    const named = incidentReportText(
      incident({ location: { address: '中卫工业园区纬三路', lat: 1, lng: 2 } }),
      'initial',
      author,
    );
    expect(named).toContain('13时40分，中卫工业园区纬三路（');
    // 第十二条(四): the missing are given with the dead; 重伤 names acute industrial poisoning.
    expect(text).toContain('已造成死亡 3 人、下落不明 1 人、重伤（含急性工业中毒）4 人');
    expect(text).toContain('初步估计直接经济损失1250万元');
    expect(text).toContain('五、已经采取的措施：已疏散周边 300 人，设置警戒区。');
    expect(text).toContain('初步认定为较大事故；本局接报时间为2026年11月22日14时05分；已启动Ⅲ级应急响应');
    expect(text).not.toContain('0b6c3f0e');
    expect(text).not.toContain('640571');
    expect(text).not.toMatch(/hazardous_chemicals|major\b|III\b/);
  });

  it('gives people endangered and evacuated, a 较大涉险 flag (21号令 第三条) and when the unit reported', () => {
    const text = incidentReportText(
      incident({
        casualties: {
          deaths: 0,
          missing: 0,
          seriousInjuries: 0,
          minorInjuries: 0,
          trapped: 3,
          endangered: 12,
          evacuated: 600,
        },
        nearMiss: true,
        unitReportedAt: '2026-11-22T13:58:00+08:00',
      }),
      'initial',
      author,
    );
    expect(text).toContain('被困 3 人，涉险 12 人，已疏散 600 人。');
    expect(text).toContain('属较大涉险事故');
    expect(text).toContain('事故发生单位于2026年11月22日13时58分报告');
  });

  it('says what is not yet known instead of leaving an item out (an omitted content is 漏报 too)', () => {
    const text = incidentReportText(
      incident({ enterprise: null, measures: null, directLossYuan: null }),
      'initial',
      author,
    );
    expect(text).toContain('一、事故发生单位概况：尚未查明');
    expect(text).toContain('五、已经采取的措施：尚未报告已采取的措施。');
    expect(text).toContain('直接经济损失尚未估计。');
  });

  it('describes a registered unit from its register entry: name, 统一社会信用代码, 行业, address, 主要负责人', () => {
    const text = incidentReportText(
      incident({ enterpriseId: '5e7d0c52-0000-4000-8000-000000000001' }),
      'initial',
      author,
      {
        id: '5e7d0c52-0000-4000-8000-000000000001',
        name: '中卫某化工有限公司（演示数据）',
        creditCode: '91350100M000100Y43',
        industryLabel: '危险化学品',
        jurisdiction: '640571',
        address: '中卫工业园区纬三路（虚构地址）',
        principal: { name: '王建国', phone: '0955-7012345' },
      },
    );
    expect(text).toContain(
      '一、事故发生单位概况：中卫某化工有限公司（演示数据），统一社会信用代码 91350100M000100Y43，行业类别：危险化学品，' +
        '地址：中卫工业园区纬三路（虚构地址），主要负责人：王建国（联系电话 0955-7012345）。\n',
    );
    // Free text, as before, when the unit is not registered (or the register has no profile for it).
    expect(incidentReportText(incident(), 'initial', author, null)).toContain('一、事故发生单位概况：某化工有限公司。');
  });

  it('titles 续报 and 终报; the final report carries the summary and when the response ended (响应终止)', () => {
    expect(incidentReportText(incident(), 'follow_up', author)).toMatch(/^生产安全事故续报\n/);
    const final = incidentReportText(
      incident({ status: 'closed', closedAt: '2026-11-23T09:05:00+08:00', summary: '明火扑灭，泄漏点封堵' }),
      'final',
      author,
    );
    expect(final).toMatch(/^生产安全事故终报\n/);
    expect(final).toContain('应急响应已于2026年11月23日09时05分终止');
    expect(final).toContain('处置总结：明火扑灭，泄漏点封堵。');
  });

  it('marks drill data at the very top, so a printed drill report cannot pass for a real one', () => {
    const text = incidentReportText(incident({ drillId: 'd1' }), 'initial', author);
    expect(text.split('\n')[0]).toBe('【演练】本报告为应急演练内容，不是真实事故信息。');
    expect(incidentReportText(incident(), 'initial', author)).not.toContain('演练');
  });

  it('writes local wall-clock times and money as documents do', () => {
    expect(localTime('2026-01-05T08:03:00+08:00')).toBe('2026年1月5日08时03分');
    expect(yuan(9_999)).toBe('9999元');
    expect(yuan(10_000)).toBe('1万元');
    expect(yuan(505_000)).toBe('50.5万元');
  });
});
