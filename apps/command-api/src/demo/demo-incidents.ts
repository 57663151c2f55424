/**
 * Invented demo incidents for the Zhongwei demo jurisdictions (演示数据，纯属虚构). They show the board with
 * several grades; nothing here describes a real event. They are received when the demo is seeded, so a fresh start
 * shows live countdowns (the bureau's 2 hours run from its receipt), except the third: its receipt is back-dated
 * 3 hours with a reason, so one obligation is overdue on purpose and the enterprise's late report (企业迟报) shows.
 */
const hoursAgo = (h: number): string => new Date(Date.now() - h * 3_600_000).toISOString();
const none = { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 };

export const DEMO_INCIDENTS = [
  {
    key: 'demo-incident-1',
    request: {
      title: '【演示】中卫工业园区某化工企业储罐泄漏',
      category: 'hazardous_chemicals',
      occurredAt: hoursAgo(2),
      location: { address: '中卫工业园区纬三路（虚构地址）', lat: 37.532, lng: 105.143 },
      jurisdiction: '640571',
      enterprise: '中卫某化工有限公司（虚构）',
      reporter: { name: '张伟（虚构）', phone: '0955-0000001', organization: '企业安全科' },
      casualties: { ...none, seriousInjuries: 2, minorInjuries: 5 },
      directLossYuan: 800_000,
      description: '储罐区阀门法兰泄漏，现场有刺激性气味，企业已启动现场处置方案（演示数据）',
    },
  },
  {
    key: 'demo-incident-2',
    request: {
      title: '【演示】中宁县某建筑工地脚手架坍塌',
      category: 'construction',
      occurredAt: hoursAgo(5),
      location: { address: '中宁县宁安镇（虚构地址）', lat: 37.491, lng: 105.685 },
      jurisdiction: '640521',
      enterprise: '某建筑工程公司（虚构）',
      reporter: { name: '李娜（虚构）', phone: '0955-0000002', organization: '县住建局' },
      casualties: { ...none, deaths: 3, seriousInjuries: 1, trapped: 2 },
      directLossYuan: 2_000_000,
      description: '外墙脚手架局部坍塌，有人员被困，消防救援队伍正在搜救（演示数据）',
    },
  },
  {
    key: 'demo-incident-3',
    request: {
      title: '【演示】海原县某煤矿井下透水',
      category: 'coal_mine',
      occurredAt: hoursAgo(9),
      location: { address: '海原县（虚构地址）', lat: 36.565, lng: 105.647 },
      jurisdiction: '640522',
      reporter: { name: '王强（虚构）', phone: '0955-0000003', organization: '县应急管理局' },
      casualties: { ...none, missing: 4, trapped: 6, endangered: 10 },
      description: '井下采掘工作面透水，4 人失联，6 人被困待救（演示数据）',
      receivedAt: hoursAgo(3),
      receivedAtReason: '夜间值班电话接报，次日补录系统（演示：逾期未报的示例）',
      unitLearnedAt: hoursAgo(8.5),
      unitReportedAt: hoursAgo(3),
      measures: '企业已停止井下作业，撤出其余作业人员；矿山救护队赶赴现场（演示数据）',
    },
  },
];
