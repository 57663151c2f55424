import { fold } from '@app/event-sourcing';
import { DomainError } from '@app/shared';
import type { RegisterTeam, TeamCommand } from './team.commands';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';
import { TEAM_STATUSES, type TeamStatus } from './team.types';

const now = new Date('2026-11-23T02:00:00Z');
const incidentId = '6ff27098-6645-599c-823b-cb896f59f5e7';

const register: RegisterTeam = {
  type: 'RegisterTeam',
  teamId: '0b8c2f7e-4a55-4c1c-9d0e-1f2a3b4c5d6e',
  name: '中卫市危化品专业救援队（演示）',
  kind: 'professional',
  specialties: ['hazardous_chemicals', 'fire'],
  headcount: 24,
  equipment: ['防化服', '侦检仪'],
  base: { address: '中卫工业园区（虚构）', lat: 37.53, lng: 105.15 },
  jurisdiction: '640571',
  contact: { name: '李强', phone: '0955-0000002' },
  now,
};

const dispatch: TeamCommand = { type: 'DispatchTeam', incidentId, task: '堵漏', now };
const status = (s: Exclude<TeamStatus, 'dispatched' | 'in_drill'>): TeamCommand => ({ type: 'ReportTeamStatus', status: s, now });

function given(...commands: TeamCommand[]): TeamEvent[] {
  const history: TeamEvent[] = [];
  for (const command of commands) history.push(...teamDecider.decide(command, fold(teamDecider, history)));
  return history;
}
const when = (history: TeamEvent[], command: TeamCommand): TeamEvent[] => teamDecider.decide(command, fold(teamDecider, history));
function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a domain error';
  }
}

describe('a team that does not exist', () => {
  it('is registered available', () => {
    const events = when([], register);
    expect(events).toEqual([{ type: 'TeamRegistered', data: expect.objectContaining({ teamId: register.teamId, registeredAt: now.toISOString() }) }]);
    expect(fold(teamDecider, events)).toMatchObject({ status: 'available', incidentId: null });
  });
  it('cannot be dispatched or report a status', () => {
    expect(codeOf(() => when([], dispatch))).toBe('TEAM_NOT_FOUND');
    expect(codeOf(() => when([], status('en_route')))).toBe('TEAM_NOT_FOUND');
  });
});

describe('an available team', () => {
  const history = given(register);
  it('is dispatched to one incident', () => {
    const events = when(history, dispatch);
    expect(events[0]).toMatchObject({ type: 'TeamDispatched', data: { incidentId, task: '堵漏' } });
    expect(fold(teamDecider, [...history, ...events])).toMatchObject({ status: 'dispatched', incidentId });
  });
  it('cannot be registered twice', () => {
    expect(codeOf(() => when(history, register))).toBe('TEAM_ALREADY_REGISTERED');
  });
  it('may go out of service, but not jump to on scene', () => {
    expect(when(history, status('out_of_service'))[0]).toMatchObject({ data: { from: 'available', status: 'out_of_service' } });
    expect(codeOf(() => when(history, status('on_scene')))).toBe('ILLEGAL_STATUS_TRANSITION');
  });
  it('keeps its jurisdiction when the profile changes', () => {
    const events = when(history, { type: 'UpdateTeamProfile', headcount: 30, now });
    expect(fold(teamDecider, [...history, ...events])).toMatchObject({ headcount: 30, jurisdiction: '640571', status: 'available' });
  });
});

describe('a dispatched team', () => {
  const history = given(register, dispatch);
  it('is not available to a second incident (409 TEAM_NOT_AVAILABLE)', () => {
    expect(codeOf(() => when(history, { ...dispatch, incidentId: 'c1d2e3f4-0000-4000-8000-000000000000' } as TeamCommand))).toBe('TEAM_NOT_AVAILABLE');
  });
  it('refuses a second dispatch even to the same incident', () => {
    expect(codeOf(() => when(history, dispatch))).toBe('TEAM_NOT_AVAILABLE');
  });
  it('walks en route → on scene → returning → available, then serves again', () => {
    const full = given(register, dispatch, status('en_route'), status('on_scene'), status('returning'), status('available'));
    expect(full.map((e) => (e.type === 'TeamStatusReported' ? e.data.status : e.type))).toEqual([
      'TeamRegistered', 'TeamDispatched', 'en_route', 'on_scene', 'returning', 'available',
    ]);
    expect(fold(teamDecider, full)).toMatchObject({ status: 'available', incidentId: null });
    expect(when(full, dispatch)[0]?.type).toBe('TeamDispatched');
  });
  it('records the location it reports', () => {
    const events = when(history, { type: 'ReportTeamStatus', status: 'en_route', location: { lat: 37.5, lng: 105.1 }, now });
    expect(fold(teamDecider, [...history, ...events])).toMatchObject({ lastLocation: { lat: 37.5, lng: 105.1 }, incidentId });
  });
});

describe('the status lifecycle (docs/domain.md rule 14)', () => {
  const path: Record<TeamStatus, TeamCommand[]> = {
    available: [],
    dispatched: [dispatch],
    en_route: [dispatch, status('en_route')],
    on_scene: [dispatch, status('en_route'), status('on_scene')],
    returning: [dispatch, status('returning')],
    out_of_service: [status('out_of_service')],
    in_drill: [{ type: 'TakeTeamIntoDrill', drillId: 'd0d0d0d0-0000-4000-8000-000000000001', now }],
  };
  const legal: Record<TeamStatus, TeamStatus[]> = {
    available: ['out_of_service'],
    dispatched: ['en_route', 'returning'],
    en_route: ['on_scene', 'returning'],
    on_scene: ['returning'],
    returning: ['available'],
    out_of_service: ['available'],
    in_drill: [],
  };
  // Neither `dispatched` nor `in_drill` is reachable by a status report (the request DTO refuses them too).
  const cells = TEAM_STATUSES.flatMap((from) => TEAM_STATUSES.filter((to) => to !== from && to !== 'dispatched').map((to) => [from, to] as const));
  it.each(cells)('%s → %s is legal only where the rule allows', (from, to) => {
    const history = given(register, ...path[from]);
    const outcome = codeOf(() => when(history, status(to as Exclude<TeamStatus, 'dispatched' | 'in_drill'>)));
    expect(outcome).toBe(legal[from].includes(to) ? undefined : 'ILLEGAL_STATUS_TRANSITION');
  });
});

describe('a live drill (in_drill, docs/domain.md rule 21)', () => {
  const drillId = 'd0d0d0d0-0000-4000-8000-000000000001';
  const otherDrill = 'd0d0d0d0-0000-4000-8000-000000000002';
  const take: TeamCommand = { type: 'TakeTeamIntoDrill', drillId, now };
  const release = (reason: 'recalled' | 'drill_ended', id = drillId): TeamCommand => ({ type: 'ReleaseTeamFromDrill', drillId: id, reason, now });

  it('takes an available team out of service', () => {
    const history = given(register);
    const events = when(history, take);
    expect(events).toEqual([{ type: 'TeamTakenIntoDrill', data: { teamId: register.teamId, drillId, at: now.toISOString() } }]);
    expect(fold(teamDecider, [...history, ...events])).toMatchObject({ status: 'in_drill', drillId, incidentId: null });
  });
  it('takes only an available team (409 TEAM_NOT_AVAILABLE)', () => {
    expect(codeOf(() => when(given(register, dispatch), take))).toBe('TEAM_NOT_AVAILABLE');
    expect(codeOf(() => when(given(register, status('out_of_service')), take))).toBe('TEAM_NOT_AVAILABLE');
    expect(codeOf(() => when(given(register, take), { ...take, drillId: otherDrill } as TeamCommand))).toBe('TEAM_NOT_AVAILABLE');
  });
  it('is a no-op to take a team into the drill it is already in', () => {
    expect(when(given(register, take), take)).toEqual([]);
  });
  it('cannot be dispatched while in a drill', () => {
    expect(codeOf(() => when(given(register, take), dispatch))).toBe('TEAM_NOT_AVAILABLE');
  });
  it('cannot be moved by a status report, into or out of in_drill', () => {
    const inDrill = given(register, take);
    for (const to of ['available', 'out_of_service', 'en_route', 'returning'] as const) expect(codeOf(() => when(inDrill, status(to)))).toBe('ILLEGAL_STATUS_TRANSITION');
    expect(codeOf(() => when(given(register), { type: 'ReportTeamStatus', status: 'in_drill' as 'available', now }))).toBe('ILLEGAL_STATUS_TRANSITION');
  });
  it.each(['recalled', 'drill_ended'] as const)('is released (%s) back to available and may then be dispatched', (reason) => {
    const history = given(register, take);
    const events = when(history, release(reason));
    expect(events).toEqual([{ type: 'TeamReleasedFromDrill', data: { teamId: register.teamId, drillId, reason, at: now.toISOString() } }]);
    const after = [...history, ...events];
    expect(fold(teamDecider, after)).toMatchObject({ status: 'available', drillId: null });
    expect(when(after, dispatch)[0]?.type).toBe('TeamDispatched');
  });
  it('releasing is idempotent: nothing when not in that drill', () => {
    expect(when(given(register), release('drill_ended'))).toEqual([]);
    expect(when(given(register, take, release('recalled')), release('drill_ended'))).toEqual([]);
    expect(when(given(register, take), release('drill_ended', otherDrill))).toEqual([]);
    expect(when(given(register, take, release('recalled'), dispatch), release('drill_ended'))).toEqual([]);
  });
});
