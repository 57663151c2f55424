import type { CapCategory } from './cap.types';

/**
 * The hazard is free text (危险化学品泄漏, 暴雨, 森林火险 …); CAP wants one of its categories. Keywords of the
 * national warning vocabularies (气象灾害预警信号, 地质灾害, 森林草原火险, 安全生产) pick them; anything unmatched is `Other`.
 * Several can match (a chemical leak that pollutes a river is CBRNE and Env).
 */
const RULES: readonly (readonly [CapCategory, RegExp])[] = [
  ['CBRNE', /危险化学品|危化|化学品|泄漏|毒气|有毒|爆炸|核|辐射|放射/],
  ['Fire', /火险|火灾|火情|森林火|草原火|失火/],
  ['Met', /暴雨|暴雪|大风|台风|寒潮|高温|干旱|雷电|冰雹|霜冻|大雾|霾|道路结冰|沙尘|低温|强降|洪水|洪涝|山洪|汛/],
  ['Geo', /地震|滑坡|泥石流|崩塌|地面塌陷|地质|地裂/],
  ['Safety', /矿|瓦斯|透水|冒顶|坍塌|尾矿|安全生产|建筑施工|有限空间/],
  ['Env', /污染|水质|环境|生态/],
  ['Health', /疫|传染|中毒|食品|卫生/],
  ['Transport', /交通|道路|铁路|航空|航运|桥/],
  ['Infra', /停电|电力|供水|燃气|通信|管网|大坝|堤/],
];

export function capCategoriesOf(hazard: string): CapCategory[] {
  const found = RULES.filter(([, pattern]) => pattern.test(hazard)).map(([category]) => category);
  return found.length > 0 ? found : ['Other'];
}
