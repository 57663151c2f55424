import type { INestApplication } from '@nestjs/common';
import { idempotentAggregateId } from '@app/event-sourcing';
import { shelterAggregate, type ShelterFacility, type ShelterKind } from '@app/shelters';
import { DEMO_ACTOR, demoContext as context, demoExecutor } from './demo-commands';

/**
 * Invented demo shelters (演示数据，纯属虚构: names, addresses and figures are made up): a park, a school ground,
 * a stadium and a square near the demo incidents of the industrial park, 中宁 and 海原.
 */
export const DEMO_SHELTERS: readonly {
  name: string;
  kind: ShelterKind;
  capacity: number;
  lat: number;
  lng: number;
  jurisdiction: string;
  facilities: ShelterFacility[];
  address: string;
}[] = [
  {
    name: '沙坡头区滨河公园应急避难场所（演示数据）',
    kind: 'park',
    capacity: 8000,
    lat: 37.516,
    lng: 105.188,
    jurisdiction: '640502',
    facilities: ['water', 'power', 'lighting', 'toilets', 'tents', 'broadcast', 'medical', 'command_post'],
    address: '中卫市沙坡头区滨河路（虚构地址）',
  },
  {
    name: '中卫某中学操场应急避难场所（演示数据）',
    kind: 'school',
    capacity: 2500,
    lat: 37.507,
    lng: 105.176,
    jurisdiction: '640502',
    facilities: ['water', 'toilets', 'lighting', 'broadcast'],
    address: '中卫市沙坡头区文昌镇（虚构地址）',
  },
  {
    name: '中卫市体育馆应急避难场所（演示数据）',
    kind: 'stadium',
    capacity: 5000,
    lat: 37.522,
    lng: 105.205,
    jurisdiction: '640500',
    facilities: ['water', 'power', 'lighting', 'toilets', 'kitchen', 'medical', 'accessible', 'firefighting'],
    address: '中卫市体育路（虚构地址）',
  },
  {
    name: '中宁县人民广场应急避难场所（演示数据）',
    kind: 'square',
    capacity: 6000,
    lat: 37.488,
    lng: 105.679,
    jurisdiction: '640521',
    facilities: ['water', 'lighting', 'toilets', 'tents', 'broadcast'],
    address: '中宁县宁安镇（虚构地址）',
  },
  {
    name: '海原县体育场应急避难场所（演示数据）',
    kind: 'stadium',
    capacity: 4000,
    lat: 36.562,
    lng: 105.642,
    jurisdiction: '640522',
    facilities: ['water', 'power', 'toilets', 'tents', 'medical', 'waste'],
    address: '海原县海城镇（虚构地址）',
  },
];

/** Registers the demo shelters through the one write path; idempotency keys make a second start a no-op. */
export async function seedDemoShelters(app: INestApplication): Promise<number> {
  const executor = demoExecutor(app);
  let created = 0;
  for (const [i, s] of DEMO_SHELTERS.entries()) {
    const key = `demo-shelter-${i + 1}`;
    const shelterId = idempotentAggregateId('shelter', DEMO_ACTOR, key);
    const { lat, lng, ...rest } = s;
    const result = await executor.execute(
      shelterAggregate,
      shelterId,
      {
        type: 'RegisterShelter',
        shelterId,
        ...rest,
        facilities: [...s.facilities],
        location: { lat, lng },
        now: executor.now(),
      },
      { ...context(key), jurisdiction: s.jurisdiction },
    );
    if (!result.replayed) created++;
  }
  return created;
}
