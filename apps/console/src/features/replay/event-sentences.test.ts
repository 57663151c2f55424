import { describe, expect, it } from 'vitest';
import type { ReplayEventType } from '@app/replay/contract';
import { label } from '../labels/labels';
import { formatTime } from '../../time';
import { EVENT_SENTENCES, eventSentence, type SentenceContext } from './event-sentences';
import { IDS, NAMES, SAMPLE_EVENTS } from './replay-fixtures';

function context(lang: 'zh' | 'en'): SentenceContext {
  return {
    lang,
    time: (iso) => formatTime(iso, true, { lang, zone: 'Asia/Shanghai', now: new Date('2026-12-06T00:00:00Z') }),
    label: (group, code) => label(group, code, null, lang),
    teamName: (id) => (id === IDS.team ? NAMES.team : undefined),
    warehouseName: (id) => (id === IDS.warehouse ? NAMES.warehouse : undefined),
    materialName: (code) => label('material', code, null, lang),
    incidentTitle: (id) => (id === IDS.incident ? NAMES.incident : undefined),
  };
}

const zh = context('zh');
const en = context('en');
const say = (type: ReplayEventType, c = zh, data: unknown = SAMPLE_EVENTS[type]) => eventSentence(type, data, c);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
// The Chinese samples hold no Latin text of their own: any Latin word in a Chinese sentence is a code that leaked
// (a grade, status, category, channel or inject kind the sentence should have named in words).
const LATIN_WORD = /[a-z_]{2,}/i;
const LATIN_LEVEL = /\b(I|II|III|IV)\b/;

describe('the replay event catalogue', () => {
  // Every type the contract lists: the catalogue is a Record over that union (a missing sentence does not compile),
  // and libs/replay's unit test checks the union against the event registries the server reads.
  const types = Object.keys(SAMPLE_EVENTS) as ReplayEventType[];

  it('has a sentence for every event type a replay can emit, in Chinese and English', () => {
    expect(types).toHaveLength(25);
    expect(Object.keys(EVENT_SENTENCES).sort()).toEqual([...types].sort());
    for (const type of types)
      for (const c of [zh, en]) {
        const sentence = say(type, c);
        expect(sentence, `${type} (${c.lang})`).not.toBe('');
        expect(sentence, `${type} (${c.lang})`).not.toContain(type);
      }
  });

  it('names things by their names and local times, never by ids, ISO instants or codes', () => {
    for (const type of types)
      for (const c of [zh, en]) {
        const sentence = say(type, c);
        expect(sentence, `${type} (${c.lang}): ${sentence}`).not.toMatch(UUID);
        expect(sentence, `${type} (${c.lang}): ${sentence}`).not.toMatch(ISO);
        if (c.lang === 'zh') expect(sentence, `${type}: ${sentence}`).not.toMatch(LATIN_WORD);
        expect(sentence, `${type} (${c.lang}): ${sentence}`).not.toMatch(/1010101/);
        if (c.lang === 'zh') expect(sentence, `${type}: ${sentence}`).not.toMatch(LATIN_LEVEL);
      }
  });

  it('words the Chinese as the log reads: grades, response levels, teams, warehouses, materials, local times', () => {
    expect(say('AccidentGradeChanged')).toBe('事故等级由一般事故升为较大事故，须按新等级重新上报');
    expect(say('ResponseLevelSet')).toBe('响应级别由Ⅲ级响应调整为Ⅱ级响应；理由：死亡人数上升');
    expect(say('TeamAssigned')).toBe('【演练·模拟】调派队伍：中卫市危化救援队，任务：堵漏');
    // Local time (Beijing) of 01:30Z, with the date.
    const local = zh.time('2026-12-06T01:30:00Z');
    expect(local).toBe('12/06 09:30:00');
    expect(say('AssignedTeamStatusChanged')).toBe(`中卫市危化救援队：到达现场（${local}）`);
    expect(say('StockAllocated')).toBe('中卫市应急物资储备库调拨物资（已预留）：棉帐篷 × 2');
    expect(say('AllocationStatusChanged')).toBe('中卫市应急物资储备库的物资调拨已送达');
    expect(say('DrillAllocationRecorded')).toBe(
      '【演练·模拟】从中卫市应急物资储备库调拨物资：棉帐篷 × 2（不动用真实库存）',
    );
    expect(say('PlanActivated')).toBe('启动预案：《中卫市危险化学品事故应急预案》第 3 版，Ⅱ级响应');
    expect(say('ReportPassedUp')).toBe(`向设区的市级上报（电话，${local}）；接收人 市应急管理局 王五`);
    expect(say('ObligationWrittenOff')).toBe('核销义务：等级升高后上报（省级）；理由：等级回落');
    expect(say('SituationUpdated')).toBe(
      '续报：死亡 3 人、失踪 0 人、重伤 2 人、轻伤 3 人、被困 0 人；直接经济损失约 150 万元；已采取措施：已疏散周边群众',
    );
    expect(say('IncidentReported')).toContain('接报：中卫市某化工厂储罐泄漏（一般事故，危险化学品）');
    expect(say('IncidentReported')).toContain(`发生于 ${zh.time('2026-12-06T01:00:00Z')}，地点 中卫市沙坡头区工业园`);
    expect(say('InjectExecuted')).toBe('第 1 条脚本注入：演练接报——中卫市某化工厂储罐泄漏');
    expect(say('TeamJoinedDrill')).toBe('中卫市危化救援队参加演练（暂停执勤）');
    expect(say('DrillPlanned')).toBe(
      '策划演练：2026年危化品泄漏桌面演练（桌面演练，综合演练）；参演单位 2 个；脚本注入 1 条',
    );
  });

  it('words the English from the same data', () => {
    expect(say('AccidentGradeChanged', en)).toMatch(/^Accident grade raised from .+ to .+; to be reported again/);
    expect(say('StockAllocated', en)).toBe(
      `${NAMES.warehouse} allocated supplies (reserved): ${label('material', '1010101', null, 'en')} × 2`,
    );
    expect(say('TeamRecalledFromDrill', en)).toBe(`${NAMES.team} recalled from the drill, available again`);
  });

  it('never shows an id when a name is unknown, nor a raw type the console does not know', () => {
    const unknown = { ...zh, teamName: () => undefined, warehouseName: () => undefined };
    expect(say('TeamJoinedDrill', unknown)).toBe('一支队伍参加演练（暂停执勤）');
    expect(say('StockAllocated', unknown)).not.toMatch(UUID);
    expect(eventSentence('SomethingNew', {}, zh)).toBe('记录了一项本控制台尚不认识的事件');
    expect(eventSentence('SomethingNew', {}, en)).not.toContain('SomethingNew');
    // A prototype key is no event type either.
    expect(eventSentence('constructor', {}, zh)).toBe('记录了一项本控制台尚不认识的事件');
  });

  it('reads old or partial event data without throwing', () => {
    for (const type of Object.keys(SAMPLE_EVENTS) as ReplayEventType[]) {
      expect(() => say(type, zh, {})).not.toThrow();
      expect(() => say(type, en, null)).not.toThrow();
    }
  });

  it('keeps markup typed by users as the characters typed', () => {
    const title = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    expect(say('IncidentReported', zh, { ...SAMPLE_EVENTS.IncidentReported, title })).toContain(title);
  });
});
