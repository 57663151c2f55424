import { callsForEvacuation, distanceKm, peopleToShelter, rankShelters } from './evacuation';

describe('evacuation in plan tasks', () => {
  it('is read from 疏散, 撤离 and 转移安置', () => {
    expect(callsForEvacuation('划定警戒区，疏散下风向群众')).toBe(true);
    expect(callsForEvacuation('组织井下人员撤离')).toBe(true);
    expect(callsForEvacuation('做好受灾群众转移安置')).toBe(true);
    expect(callsForEvacuation('划定警戒区')).toBe(false);
    expect(callsForEvacuation('组织伤员救治')).toBe(false);
  });
});

describe('ranking shelters', () => {
  const scene = { lat: 37.53, lng: 105.14 };
  const shelter = (id: string, lat: number, capacity: number, occupants: number) => ({
    id,
    name: id,
    location: { lat, lng: 105.14 },
    capacity,
    occupants,
  });

  it('puts those with room first by distance, full ones last', () => {
    const ranked = rankShelters(scene, [
      shelter('far', 37.7, 1000, 0),
      shelter('full-near', 37.531, 100, 100),
      shelter('near', 37.54, 500, 499),
    ]);
    expect(ranked.map((r) => r.shelter.id)).toEqual(['near', 'far', 'full-near']);
    expect(ranked.map((r) => r.freeCapacity)).toEqual([1, 1000, 0]);
  });

  it('measures great-circle kilometres to 0.1 km', () => {
    // 0.01° of latitude is about 1.11 km.
    expect(distanceKm(scene, { lat: 37.54, lng: 105.14 })).toBe(1.1);
  });
});

describe('people to shelter', () => {
  it('are those evacuated, else those endangered, else unknown', () => {
    expect(peopleToShelter({ evacuated: 350, endangered: 40 })).toBe(350);
    expect(peopleToShelter({ endangered: 40 })).toBe(40);
    expect(peopleToShelter({})).toBeNull();
    expect(peopleToShelter({ evacuated: 0 })).toBeNull();
  });
});
