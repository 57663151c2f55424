import type { ConsultationView, ExpertRecommendationsView, ExpertView } from '@app/experts/contract';
import type { ShelterRecommendationsView, ShelterView } from '@app/shelters/contract';
import type { JurisdictionNode } from '@app/shared/contract';
import type { Session } from '../../ui-types';

/** Fixtures of the 应急资源 screens' tests: sessions, the jurisdiction tree and views as the server answers them. */
const sessionAs = (role: string, id: string): Session =>
  ({
    accessToken: `token-${id}`,
    expiresAt: '2099-01-01T00:00:00Z',
    user: { id, username: id, displayName: id, roles: [role], jurisdiction: '640500' },
  }) as Session;
export const adminSession = sessionAs('admin', 'admin');
export const officerSession = sessionAs('duty_officer', 'duty');
export const commanderSession = sessionAs('commander', 'commander');
export const coordinatorSession = sessionAs('drill_coordinator', 'coordinator');

export const TREE: JurisdictionNode[] = [
  {
    code: '640500',
    name: '中卫市',
    level: 'city',
    parent: null,
    children: [{ code: '640521', name: '中宁县', level: 'county', parent: '640500', children: [] }],
  },
];

export const EXPERT_ID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
export const EXPERT_2 = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5e';
export const SHELTER_ID = '2b3c4d5e-6f70-4b8c-9dae-1f2a3b4c5d6e';
export const SHELTER_2 = '2b3c4d5e-6f70-4b8c-9dae-1f2a3b4c5d6f';

export function expertView(over: Partial<ExpertView> = {}): ExpertView {
  return {
    id: EXPERT_ID,
    name: '王建国',
    specialties: ['hazardous_chemicals', 'fire'],
    specialtyLabels: ['危险化学品', '消防'],
    title: '正高级工程师',
    organization: '宁夏化工研究院',
    phone: '13900000001',
    jurisdiction: '640500',
    jurisdictionName: '中卫市',
    active: true,
    engagedIn: 0,
    registeredAt: '2026-11-01T02:00:00Z',
    updatedAt: '2026-11-02T02:00:00Z',
    revision: 1,
    ...over,
  };
}

export function consultationView(incidentId: string, over: Partial<ConsultationView> = {}): ConsultationView {
  return {
    incidentId,
    expertId: EXPERT_ID,
    expertName: '王建国',
    specialtyLabels: ['危险化学品'],
    title: '正高级工程师',
    organization: '宁夏化工研究院',
    phone: '13900000001',
    mode: 'remote',
    modeLabel: '远程会商',
    status: 'invited',
    statusLabel: '已邀请',
    topic: '泄漏处置方案',
    invitedAt: '2026-11-23T02:10:00Z',
    invitedBy: '值班员',
    answeredAt: null,
    answeredBy: null,
    answerNote: null,
    drillId: null,
    revision: 1,
    ...over,
  };
}

export function expertRecs(
  incidentId: string,
  over: Partial<ExpertRecommendationsView> = {},
): ExpertRecommendationsView {
  return {
    incidentId,
    neededSpecialties: [
      { specialty: 'hazardous_chemicals', label: '危险化学品', from: 'category' },
      { specialty: 'medical', label: '医疗救护', from: 'plan' },
    ],
    experts: [
      {
        expertId: EXPERT_ID,
        name: '王建国',
        title: '正高级工程师',
        organization: '宁夏化工研究院',
        phone: '13900000001',
        matchedSpecialties: ['hazardous_chemicals'],
        matchedSpecialtyLabels: ['危险化学品'],
        engaged: false,
        invited: false,
        reason: '匹配专业：危险化学品',
      },
      {
        expertId: EXPERT_2,
        name: '李梅',
        title: '主任医师',
        organization: '中卫市人民医院',
        phone: '13900000002',
        matchedSpecialties: ['medical'],
        matchedSpecialtyLabels: ['医疗救护'],
        engaged: true,
        invited: false,
        reason: '预案要求：医疗救护',
      },
    ],
    ...over,
  };
}

export function shelterView(over: Partial<ShelterView> = {}): ShelterView {
  return {
    id: SHELTER_ID,
    name: '沙坡头公园',
    kind: 'park',
    kindLabel: '公园绿地',
    capacity: 2000,
    occupants: 500,
    freeCapacity: 1500,
    occupancyRate: 0.25,
    facilities: ['water', 'toilets', 'medical'],
    facilityLabels: ['应急供水', '应急厕所', '医疗救护'],
    address: '中卫市沙坡头区文昌路',
    location: { lat: 37.51, lng: 105.19 },
    jurisdiction: '640500',
    jurisdictionName: '中卫市',
    incident: null,
    occupancyUpdatedAt: null,
    active: true,
    registeredAt: '2026-11-01T02:00:00Z',
    updatedAt: '2026-11-01T02:00:00Z',
    revision: 3,
    ...over,
  };
}

export function shelterRecs(
  incidentId: string,
  over: Partial<ShelterRecommendationsView> = {},
): ShelterRecommendationsView {
  return {
    incidentId,
    evacuationCalledFor: true,
    evacuationTasks: ['组织周边群众疏散撤离'],
    peopleToShelter: 300,
    shelters: [
      {
        shelterId: SHELTER_ID,
        name: '沙坡头公园',
        kind: 'park',
        kindLabel: '公园绿地',
        distanceKm: 2.34,
        capacity: 2000,
        freeCapacity: 1500,
        reason: '距事发地 2.3 公里，尚可容纳 1,500 人',
      },
      {
        shelterId: SHELTER_2,
        name: '中卫市体育馆',
        kind: 'stadium',
        kindLabel: '体育场馆',
        distanceKm: 5.1,
        capacity: 800,
        freeCapacity: 800,
        reason: '距事发地 5.1 公里，尚可容纳 800 人',
      },
    ],
    ...over,
  };
}
