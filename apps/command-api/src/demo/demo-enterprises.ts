import type { EnterpriseIndustry } from '@app/enterprises';

export interface DemoEnterprise {
  name: string;
  /** Computed with the check characters of GB 32100-2015 and GB 11714-1997 (a test checks them); invented bodies. */
  creditCode: string;
  industry: EnterpriseIndustry;
  jurisdiction: string;
  address: string;
  lat: number;
  lng: number;
  principal: { name: string; phone: string };
  safety: { name: string; phone: string };
}

/**
 * Invented units of the demo city's industrial parks and of 中宁县 (names marked 【演示】, addresses 虚构, positions
 * schematic inside the jurisdictions' outlines). The codes carry the body `MA76DM0n`, which no real unit is known to
 * hold; they are valid in form only.
 */
export const DEMO_ENTERPRISES: readonly DemoEnterprise[] = [
  {
    name: '【演示】中卫某氯碱化工有限公司',
    creditCode: '91640500MA76DM014X',
    industry: 'hazardous_chemicals',
    jurisdiction: '640571',
    address: '中卫工业园区纬四路（虚构地址）',
    lat: 37.528,
    lng: 105.15,
    principal: { name: '马志刚（虚构）', phone: '0955-7010001' },
    safety: { name: '杨海燕（虚构）', phone: '0955-7010002' },
  },
  {
    name: '【演示】中卫某精细化工有限公司',
    creditCode: '91640500MA76DM022Q',
    industry: 'hazardous_chemicals',
    jurisdiction: '640571',
    address: '中卫工业园区经三路（虚构地址）',
    lat: 37.536,
    lng: 105.132,
    principal: { name: '丁文华（虚构）', phone: '0955-7010003' },
    safety: { name: '周建军（虚构）', phone: '0955-7010004' },
  },
  {
    name: '【演示】海兴某液化气储配站',
    creditCode: '91640500MA76DM030K',
    industry: 'gas',
    jurisdiction: '640572',
    address: '海兴开发区兴业路（虚构地址）',
    lat: 37.447,
    lng: 105.626,
    principal: { name: '田国庆（虚构）', phone: '0955-7010005' },
    safety: { name: '何晓东（虚构）', phone: '0955-7010006' },
  },
  {
    name: '【演示】海兴某煤化工有限公司',
    creditCode: '91640500MA76DM049G',
    industry: 'hazardous_chemicals',
    jurisdiction: '640572',
    address: '海兴开发区纬二路（虚构地址）',
    lat: 37.441,
    lng: 105.611,
    principal: { name: '苏振华（虚构）', phone: '0955-7010007' },
    safety: { name: '罗丽娟（虚构）', phone: '0955-7010008' },
  },
  {
    name: '【演示】中宁某煤矿',
    creditCode: '91640521MA76DM057Q',
    industry: 'coal_mine',
    jurisdiction: '640521',
    address: '中卫市中宁县鸣沙镇（虚构矿区）',
    lat: 37.42,
    lng: 105.76,
    principal: { name: '韩永福（虚构）', phone: '0955-7010009' },
    safety: { name: '金立新（虚构）', phone: '0955-7010010' },
  },
];
