import { describe, expect, it } from 'vitest';
import type { PlanContent } from '@app/plans/contract';
import { diffPlans } from './plan-diff';

type Content = Pick<PlanContent, 'activation' | 'groups' | 'requirements'>;

const v1: Content = {
  activation: {
    description: '符合下列条件之一',
    levels: [
      { level: 'III', minGrade: 'major', minDeaths: 3 },
      { level: 'IV', minTrapped: 1 },
    ],
  },
  groups: [
    {
      name: '警戒疏散组',
      leadAgency: '市公安局',
      tasks: [
        { title: '划定警戒区', responseLevels: ['III', 'IV'], withinMinutes: 30 },
        { title: '疏散周边群众', responseLevels: ['III'] },
      ],
    },
    { name: '医疗救治组', leadAgency: '市卫健委', tasks: [{ title: '设立临时救护点', responseLevels: ['III'] }] },
  ],
  requirements: {
    teams: [{ specialty: 'hazmat', count: 1 }],
    materials: [
      { materialCode: '2010101', quantity: 10 },
      { materialCode: '2050101', quantity: 5 },
    ],
  },
};

const clone = (c: Content): Content => JSON.parse(JSON.stringify(c)) as Content;

describe('diffPlans', () => {
  it('finds nothing between a version and a copy of it', () => {
    const d = diffPlans(v1, clone(v1));
    expect(d.same).toBe(true);
    expect(d.levels.map((l) => l.kind)).toEqual(['same', 'same']);
    expect(d.groups.flatMap((g) => g.tasks.map((t) => t.kind))).toEqual(['same', 'same', 'same']);
  });

  it('names the threshold that changed, with its old and new value, and levels added or removed', () => {
    const v2 = clone(v1);
    v2.activation.levels = [
      { level: 'II', minDeaths: 10 },
      { level: 'III', minGrade: 'major', minDeaths: 2 },
    ];
    const d = diffPlans(v1, v2);
    expect(d.same).toBe(false);
    expect(d.levels.map((l) => [l.level, l.kind])).toEqual([
      ['II', 'added'],
      ['III', 'changed'],
      ['IV', 'removed'],
    ]);
    expect(d.levels[1]!.fields).toEqual([{ field: 'minDeaths', before: 3, after: 2 }]);
    expect(d.levels[2]!.before).toEqual({ level: 'IV', minTrapped: 1 });
    expect(d.levels[2]!.after).toBeNull();
  });

  it('a threshold dropped from a level reads as changed to nothing', () => {
    const v2 = clone(v1);
    delete v2.activation.levels[0]!.minGrade;
    const [iii] = diffPlans(v1, v2).levels;
    expect(iii!.kind).toBe('changed');
    expect(iii!.fields).toEqual([{ field: 'minGrade', before: 'major', after: undefined }]);
  });

  it('marks tasks added, removed and changed inside a group, and a group removed with its tasks', () => {
    const v2 = clone(v1);
    v2.groups = [
      {
        name: '警戒疏散组',
        leadAgency: '市公安局',
        tasks: [
          { title: '划定警戒区', responseLevels: ['IV', 'III', 'II'], withinMinutes: 20 },
          { title: '实施交通管制', responseLevels: ['III'] },
        ],
      },
    ];
    const d = diffPlans(v1, v2);
    const [guard, medical] = d.groups;
    expect(guard!.kind).toBe('changed');
    expect(guard!.tasks.map((t) => [t.title, t.kind])).toEqual([
      ['划定警戒区', 'changed'],
      ['疏散周边群众', 'removed'],
      ['实施交通管制', 'added'],
    ]);
    expect(guard!.tasks[0]!.fields).toEqual([
      { field: 'responseLevels', before: 'III,IV', after: 'II,III,IV' },
      { field: 'withinMinutes', before: 30, after: 20 },
    ]);
    expect(medical!.name).toBe('医疗救治组');
    expect(medical!.kind).toBe('removed');
    expect(medical!.tasks.map((t) => t.kind)).toEqual(['removed']);
  });

  it('the same levels in another order are no change; a new lead agency is', () => {
    const v2 = clone(v1);
    v2.groups[0]!.tasks[0]!.responseLevels = ['IV', 'III'];
    expect(diffPlans(v1, v2).same).toBe(true);
    v2.groups[1]!.leadAgency = '市卫生健康委员会';
    const medical = diffPlans(v1, v2).groups[1]!;
    expect(medical.kind).toBe('changed');
    expect(medical.leadAgency).toEqual({ before: '市卫健委', after: '市卫生健康委员会' });
  });

  it('compares requirements by specialty and material code, with the counts before and after', () => {
    const v2 = clone(v1);
    v2.requirements = {
      teams: [
        { specialty: 'hazmat', count: 2 },
        { specialty: 'medical', count: 1 },
      ],
      materials: [{ materialCode: '2050101', quantity: 5 }],
    };
    const d = diffPlans(v1, v2);
    expect(d.teams).toEqual([
      { key: 'hazmat', kind: 'changed', before: 1, after: 2 },
      { key: 'medical', kind: 'added', before: null, after: 1 },
    ]);
    expect(d.materials).toEqual([
      { key: '2010101', kind: 'removed', before: 10, after: null },
      { key: '2050101', kind: 'same', before: 5, after: 5 },
    ]);
  });

  it('sees a new activation description', () => {
    const v2 = clone(v1);
    v2.activation.description = '符合下列条件之一的，启动相应响应';
    const d = diffPlans(v1, v2);
    expect(d.same).toBe(false);
    expect(d.description).toEqual({
      kind: 'changed',
      before: '符合下列条件之一',
      after: '符合下列条件之一的，启动相应响应',
    });
  });
});
