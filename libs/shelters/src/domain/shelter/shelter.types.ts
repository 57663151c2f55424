import type { ShelterFacility, ShelterKind } from '../../contract';

/** Kinds of shelter (GB 21734-2008 names open sites and indoor public buildings), with their Chinese labels. */
export const SHELTER_KIND_LABELS: Readonly<Record<ShelterKind, string>> = {
  park: '公园绿地',
  school: '学校操场',
  stadium: '体育场馆',
  square: '广场',
  indoor: '室内公共建筑',
  other: '其他',
};

export const SHELTER_KINDS = Object.keys(SHELTER_KIND_LABELS) as ShelterKind[];

/** 配套设施. */
export const SHELTER_FACILITY_LABELS: Readonly<Record<ShelterFacility, string>> = {
  water: '应急供水',
  power: '应急供电',
  lighting: '应急照明',
  toilets: '应急厕所',
  medical: '医疗救护',
  kitchen: '应急厨房',
  tents: '帐篷',
  broadcast: '应急广播',
  firefighting: '消防设施',
  waste: '垃圾储运',
  accessible: '无障碍设施',
  command_post: '应急指挥',
};

export const SHELTER_FACILITIES = Object.keys(SHELTER_FACILITY_LABELS) as ShelterFacility[];

/** Field limits, shared by request validation and the decider (which refuses what a bypassing caller sends). */
export const SHELTER_LIMITS = {
  name: 200,
  address: 300,
  note: 500,
  /** The largest open sites hold a few hundred thousand people; a million is beyond any real one. */
  capacity: 1_000_000,
} as const;

export interface GeoPointData {
  lat: number;
  lng: number;
}
