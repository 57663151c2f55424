import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The gazetteer (地名库) intake searches: towns and sub-districts (乡镇/街道), parks, enterprises and well-known places
 * of each jurisdiction, each with an approximate position. The demo rows are seeded here, like the jurisdiction tree:
 * every database (demo, tests, a restored backup) then holds the same entries, and the running API needs no write
 * to reference data at start-up. Names are of public geography or invented (企业 named 某…); positions are schematic
 * (示意) and lie inside the outlines of public/jurisdictions.geojson. `source` tells who feeds a row: a later
 * enterprise register adds `kind = 'enterprise'` rows with its own `enterprise_id` and `source`, and search finds them
 * with the rest (docs/gazetteer.md).
 */
export class Gazetteer1732000002300 implements MigrationInterface {
  name = 'Gazetteer1732000002300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table gazetteer_entries (
        id text primary key,
        kind text not null check (kind in ('town', 'subdistrict', 'park', 'enterprise', 'place')),
        name text not null check (length(name) between 1 and 200),
        address text not null,
        jurisdiction text not null,
        lat double precision not null check (lat between -90 and 90),
        lng double precision not null check (lng between -180 and 180),
        approximate boolean not null default true,
        enterprise_id text,
        source text not null,
        check (enterprise_id is null or kind = 'enterprise')
      )`);
    await q.query(`create index gazetteer_entries_jurisdiction on gazetteer_entries (jurisdiction, kind)`);
    for (const e of DEMO_ENTRIES)
      await q.query(
        `insert into gazetteer_entries (id, kind, name, address, jurisdiction, lat, lng, approximate, source)
         values ($1, $2, $3, $4, $5, $6, $7, true, 'demo')`,
        [e[0], e[1], e[2], e[3], e[4], e[5], e[6]],
      );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table gazetteer_entries`);
  }
}

/** id, kind, name, address, jurisdiction, lat, lng: the demo's entries (positions schematic). */
const DEMO_ENTRIES: readonly (readonly [string, string, string, string, string, number, number])[] = [
  // 沙坡头区 and its towns
  ['demo-640502100', 'town', '滨河镇', '中卫市沙坡头区滨河镇', '640502100', 37.512, 105.192],
  ['demo-640502101', 'town', '文昌镇', '中卫市沙坡头区文昌镇', '640502101', 37.498, 105.168],
  ['demo-640502-yingshuiqiao', 'town', '迎水桥镇', '中卫市沙坡头区迎水桥镇', '640502', 37.468, 105.052],
  ['demo-640502-gulou', 'subdistrict', '鼓楼街道', '中卫市沙坡头区鼓楼街道（示意）', '640502', 37.506, 105.185],
  ['demo-640502-shapotou', 'place', '沙坡头景区', '中卫市沙坡头区迎水桥镇沙坡头景区', '640502', 37.46, 104.98],
  ['demo-640502-g6', 'place', '京藏高速中卫段', '京藏高速（G6）中卫段（示意）', '640502', 37.44, 105.1],
  [
    'demo-640502-logistics',
    'enterprise',
    '中卫某物流有限公司',
    '中卫市沙坡头区迎水桥镇物流园（虚构）',
    '640502',
    37.472,
    105.06,
  ],
  // 中宁县
  ['demo-640521100', 'town', '宁安镇', '中卫市中宁县宁安镇', '640521100', 37.491, 105.685],
  ['demo-640521-mingsha', 'town', '鸣沙镇', '中卫市中宁县鸣沙镇', '640521', 37.4, 105.82],
  ['demo-640521-shikong', 'town', '石空镇', '中卫市中宁县石空镇', '640521', 37.56, 105.6],
  ['demo-640521-g6', 'place', '京藏高速中宁段', '京藏高速（G6）中宁段（示意）', '640521', 37.47, 105.76],
  [
    'demo-640521-wolfberry',
    'enterprise',
    '中宁某枸杞加工有限公司',
    '中卫市中宁县宁安镇枸杞加工区（虚构）',
    '640521',
    37.485,
    105.7,
  ],
  ['demo-640521-gas', 'enterprise', '中宁某燃气有限公司', '中卫市中宁县宁安镇（虚构）', '640521', 37.495, 105.672],
  // 海原县
  ['demo-640522100', 'town', '海城镇', '中卫市海原县海城镇', '640522100', 36.565, 105.647],
  ['demo-640522-xian', 'town', '西安镇', '中卫市海原县西安镇', '640522', 36.75, 105.52],
  ['demo-640522-liwang', 'town', '李旺镇', '中卫市海原县李旺镇', '640522', 36.7, 105.93],
  ['demo-640522-coal', 'enterprise', '海原某煤矿', '中卫市海原县西安镇（虚构矿区）', '640522', 36.8, 105.4],
  ['demo-640522-g338', 'place', '国道338线海原段', '国道338线海原段（示意）', '640522', 36.6, 105.6],
  // 中卫工业园区
  ['demo-640571', 'park', '中卫工业园区', '中卫市中卫工业园区', '640571', 37.53, 105.14],
  ['demo-640571-road3', 'place', '中卫工业园区纬三路', '中卫工业园区纬三路（虚构地址）', '640571', 37.532, 105.143],
  ['demo-640571-chem', 'enterprise', '中卫某化工有限公司', '中卫工业园区纬三路（虚构地址）', '640571', 37.533, 105.146],
  [
    'demo-640571-material',
    'enterprise',
    '宁夏某新材料有限公司',
    '中卫工业园区经二路（虚构地址）',
    '640571',
    37.522,
    105.162,
  ],
  ['demo-640571-carbide', 'enterprise', '中卫某电石厂', '中卫工业园区纬一路（虚构地址）', '640571', 37.512, 105.118],
  // 海兴开发区
  ['demo-640572', 'park', '海兴开发区', '中卫市海兴开发区', '640572', 37.444, 105.62],
  ['demo-640572-pv', 'enterprise', '海兴某光伏材料有限公司', '海兴开发区（虚构地址）', '640572', 37.45, 105.632],
];
