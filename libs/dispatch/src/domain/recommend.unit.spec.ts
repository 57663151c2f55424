import type { IncidentNeeds } from './incident-needs';
import { outstandingNeeds } from './outstanding-needs';
import { distanceKm, rankTeams, rankWarehouses, type TeamCandidate } from './recommend';

const scene = { lat: 37.5, lng: 105.2 };
const labels = { hazardous_chemicals: '危险化学品处置', fire: '灭火救援' };
const team = (
  id: string,
  kind: TeamCandidate['kind'],
  specialties: TeamCandidate['specialties'],
  lat: number,
): TeamCandidate => ({ id, name: id, kind, specialties, location: { lat, lng: 105.2 } });

describe('recommendations', () => {
  it('measures great-circle distance (0.1° of latitude ≈ 11.1 km)', () => {
    expect(distanceKm(scene, { lat: 37.6, lng: 105.2 })).toBeCloseTo(11.1, 1);
    expect(distanceKm(scene, scene)).toBe(0);
  });

  it('ranks by matched specialties first, then ETA, and says why', () => {
    const ranked = rankTeams(scene, ['hazardous_chemicals', 'fire'], labels, [
      team('near-fire', 'fire_rescue', ['fire'], 37.51),
      team('far-hazmat', 'professional', ['hazardous_chemicals', 'fire'], 37.9),
      team('nearest-none', 'social', ['medical'], 37.5),
      team('near-hazmat', 'professional', ['hazardous_chemicals', 'fire'], 37.6),
    ]);
    expect(ranked.map((r) => r.teamId)).toEqual(['near-hazmat', 'far-hazmat', 'near-fire', 'nearest-none']);
    expect(ranked[0]).toMatchObject({ matchedSpecialties: ['hazardous_chemicals', 'fire'], distanceKm: 11.1 });
    // 5 min turnout + 11.1 km at 45 km/h ≈ 14.8 min.
    expect(ranked[0]!.etaMinutes).toBe(20);
    expect(ranked[0]!.reason).toContain('危险化学品处置');
    expect(ranked[3]!.reason).toContain('无匹配专长');
  });

  it('puts warehouses that hold enough first, by distance, and names the shortfall of the others', () => {
    const needs = [{ materialCode: '2010102', quantity: 10 }];
    const ranked = rankWarehouses(scene, needs, [
      { id: 'near-short', name: 'a', location: { lat: 37.5, lng: 105.21 }, available: { '2010102': 4 } },
      { id: 'far-enough', name: 'b', location: { lat: 38, lng: 105.2 }, available: { '2010102': 50 } },
      { id: 'near-enough', name: 'c', location: { lat: 37.6, lng: 105.2 }, available: { '2010102': 10 } },
    ]);
    expect(ranked.map((r) => r.warehouseId)).toEqual(['near-enough', 'far-enough', 'near-short']);
    expect(ranked[2]).toMatchObject({
      sufficient: false,
      shortfall: [{ materialCode: '2010102', needed: 10, available: 4 }],
    });
  });
});

describe('what is still needed once teams and supplies are committed', () => {
  const planNeeds: IncidentNeeds = {
    source: 'plan',
    specialties: ['hazardous_chemicals', 'fire'],
    teamCounts: [
      { specialty: 'hazardous_chemicals', count: 2 },
      { specialty: 'fire', count: 1 },
    ],
    materials: [
      { materialCode: '2010102', quantity: 10 },
      { materialCode: '2040101', quantity: 2 },
    ],
  };

  it('subtracts committed teams per specialty and lists the unmet ones first', () => {
    const hazmat = { specialties: ['hazardous_chemicals'] };
    const needs = outstandingNeeds(planNeeds, [hazmat, hazmat], []);
    expect(needs.teams).toEqual([
      { specialty: 'fire', count: 1, assigned: 0, remaining: 1 },
      { specialty: 'hazardous_chemicals', count: 2, assigned: 2, remaining: 0 },
    ]);
    expect(needs.unmetSpecialties).toEqual(['fire']);
    expect(needs.metSpecialties).toEqual(['hazardous_chemicals']);
  });

  it('ranks a team bringing a missing specialty (0/1) above one whose specialty is met (2/2)', () => {
    const needs = outstandingNeeds(
      planNeeds,
      [{ specialties: ['hazardous_chemicals'] }, { specialties: ['hazardous_chemicals'] }],
      [],
    );
    const ranked = rankTeams(
      scene,
      needs.unmetSpecialties,
      labels,
      [team('near-hazmat', 'fire_rescue', ['hazardous_chemicals'], 37.5), team('far-fire', 'social', ['fire'], 37.9)],
      needs.metSpecialties,
    );
    expect(ranked.map((r) => r.teamId)).toEqual(['far-fire', 'near-hazmat']);
    expect(ranked[1]).toMatchObject({ matchedSpecialties: [] });
    expect(ranked[1]!.reason).toContain('所需危险化学品处置队伍已满足');
  });

  it('takes every allocation not cancelled off the material needs, never below zero', () => {
    const needs = outstandingNeeds(
      planNeeds,
      [],
      [
        { items: [{ materialCode: '2010102', quantity: 6 }] },
        {
          items: [
            { materialCode: '2010102', quantity: 6 },
            { materialCode: '2040101', quantity: 1 },
          ],
        },
      ],
    );
    expect(needs.materials).toEqual([
      { materialCode: '2010102', needed: 10, allocated: 12, remaining: 0 },
      { materialCode: '2040101', needed: 2, allocated: 1, remaining: 1 },
    ]);
    expect(needs.remainingMaterials).toEqual([{ materialCode: '2040101', quantity: 1 }]);
  });

  it('asks one team per specialty when no plan gives figures', () => {
    const category: IncidentNeeds = {
      source: 'category',
      specialties: ['fire', 'medical'],
      teamCounts: [],
      materials: [],
    };
    const needs = outstandingNeeds(category, [{ specialties: ['fire', 'medical'] }], []);
    expect(needs.teams.map((t) => [t.specialty, t.count, t.remaining])).toEqual([
      ['fire', 1, 0],
      ['medical', 1, 0],
    ]);
  });

  it('recommends no warehouse once nothing is left to allocate', () => {
    const warehouse = { id: 'w', name: 'w', location: scene, available: { '2010102': 50 } };
    expect(rankWarehouses(scene, [], [warehouse])).toEqual([]);
    expect(rankWarehouses(scene, [{ materialCode: '2010102', quantity: 4 }], [warehouse])).toHaveLength(1);
  });
});
