import { neededSpecialties, rankExperts, type CandidateExpert } from './needed-specialties';

describe('the specialties an incident calls for', () => {
  it('come from its category: coal and non-coal mines apart, the older mining category both', () => {
    expect(neededSpecialties('coal_mine', []).map((n) => n.specialty)).toEqual(['coal_mine']);
    expect(neededSpecialties('non_coal_mine', []).map((n) => n.specialty)).toEqual(['non_coal_mine', 'geology']);
    expect(neededSpecialties('mining', []).map((n) => n.specialty)).toEqual(['coal_mine', 'non_coal_mine']);
    expect(neededSpecialties('unheard_of', [])).toEqual([]);
  });

  it('add what the active plans’ groups name, each once, saying which group asked', () => {
    const needed = neededSpecialties('hazardous_chemicals', [
      { planTitle: '危化预案', groupName: '医疗救治组', taskTitles: ['组织伤员救治'] },
      { planTitle: '危化预案', groupName: '环境监测组', taskTitles: ['开展大气监测'] },
      { planTitle: '危化预案', groupName: '综合协调组', taskTitles: ['汇总信息'] },
    ]);
    expect(needed.map((n) => [n.specialty, n.from])).toEqual([
      ['hazardous_chemicals', 'category'],
      ['fire', 'category'],
      ['environment', 'category'],
      ['medical', 'plan'],
    ]);
    expect(needed.find((n) => n.specialty === 'environment')!.groups).toEqual(['危化预案·环境监测组']);
  });

  it('do not read 非煤矿山 as a coal mine', () => {
    const needed = neededSpecialties('other', [
      { planTitle: '非煤预案', groupName: '抢险救援组', taskTitles: ['组织非煤矿山救护队'] },
    ]);
    expect(needed.map((n) => n.specialty)).toEqual(['non_coal_mine']);
    const coal = neededSpecialties('other', [
      { planTitle: '煤矿预案', groupName: '抢险组', taskTitles: ['煤矿井下排水'] },
    ]);
    expect(coal.map((n) => n.specialty)).toEqual(['coal_mine']);
  });
});

describe('ranking experts', () => {
  const expert = (id: string, name: string, specialties: CandidateExpert['specialties'], engaged = false) => ({
    id,
    name,
    specialties,
    engaged,
    invited: false,
  });
  const needed = neededSpecialties('hazardous_chemicals', [
    { planTitle: 'P', groupName: '医疗救治组', taskTitles: [] },
  ]);

  it('puts free experts first, more matches first, a category match before a plan-only one; leaves out non-matches', () => {
    const ranked = rankExperts(
      [
        expert('1', '甲', ['hazardous_chemicals'], true),
        expert('2', '乙', ['medical']),
        expert('3', '丙', ['hazardous_chemicals', 'environment']),
        expert('4', '丁', ['fire']),
        expert('5', '戊', ['coal_mine']),
      ],
      needed,
    );
    expect(ranked.map((r) => r.expert.name)).toEqual(['丙', '丁', '乙', '甲']);
    expect(ranked[0]!.matched).toEqual(['hazardous_chemicals', 'environment']);
  });
});
