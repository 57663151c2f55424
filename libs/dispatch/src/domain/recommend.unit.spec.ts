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
