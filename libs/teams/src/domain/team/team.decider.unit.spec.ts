import { spec } from '@app/event-sourcing/testing';
import type { RegisterTeam, TeamCommand } from './team.commands';
import { teamDecider } from './team.decider';
import {
  IllegalTeamStatusError,
  TeamAlreadyRegisteredError,
  TeamNotAvailableError,
  TeamNotFoundError,
} from './team.errors';
import type { TeamEvent, TeamRegistered } from './team.events';
import { TEAM_STATUSES, type TeamStatus } from './team.types';

const now = new Date('2026-11-23T02:00:00Z');
const at = now.toISOString();
const earlier = '2026-11-23T01:00:00.000Z';
const incidentId = '6ff27098-6645-599c-823b-cb896f59f5e7';
const teamId = '0b8c2f7e-4a55-4c1c-9d0e-1f2a3b4c5d6e';
const drillId = 'd0d0d0d0-0000-4000-8000-000000000001';
const otherDrill = 'd0d0d0d0-0000-4000-8000-000000000002';

const register: RegisterTeam = {
  type: 'RegisterTeam',
  teamId,
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
type ReportableStatus = Exclude<TeamStatus, 'dispatched' | 'in_drill'>;
const dispatch: TeamCommand = { type: 'DispatchTeam', incidentId, task: '堵漏', now };
const status = (s: ReportableStatus): TeamCommand => ({ type: 'ReportTeamStatus', status: s, now });
const take: TeamCommand = { type: 'TakeTeamIntoDrill', drillId, now };
const release = (reason: 'recalled' | 'drill_ended', id = drillId): TeamCommand => ({
  type: 'ReleaseTeamFromDrill',
  drillId: id,
  reason,
  now,
});

// The history, as the stream would hold it.
const { type: _type, now: _now, ...profile } = register;
const registered: TeamRegistered = { type: 'TeamRegistered', data: { ...profile, registeredAt: earlier } };
const dispatched: TeamEvent = {
  type: 'TeamDispatched',
  data: { teamId, incidentId, task: '堵漏', dispatchedAt: earlier },
};
const reported = (
  from: TeamStatus,
  to: TeamStatus,
  incident: string | null = incidentId,
  reportedAt = earlier,
): TeamEvent => ({
  type: 'TeamStatusReported',
  data: { teamId, from, status: to, incidentId: incident, note: null, location: null, reportedAt },
});
const takenIntoDrill: TeamEvent = { type: 'TeamTakenIntoDrill', data: { teamId, drillId, at: earlier } };
const releasedFromDrill = (reason: 'recalled' | 'drill_ended'): TeamEvent => ({
  type: 'TeamReleasedFromDrill',
  data: { teamId, drillId, reason, at: earlier },
});

const team = spec(teamDecider);

describe('a team that does not exist', () => {
  it('is registered available', () => {
    const { state } = team
      .when(register)
      .then([{ type: 'TeamRegistered', data: expect.objectContaining({ teamId, registeredAt: at }) }]);
    expect(state).toMatchObject({ status: 'available', incidentId: null });
  });
  it('cannot be dispatched or report a status', () => {
    team.when(dispatch).thenThrows(TeamNotFoundError, 'TEAM_NOT_FOUND');
    team.when(status('en_route')).thenThrows(TeamNotFoundError, 'TEAM_NOT_FOUND');
  });
});

describe('an available team', () => {
  const available = team.given([registered]);
  it('is dispatched to one incident', () => {
    const { state } = available
      .when(dispatch)
      .then([{ type: 'TeamDispatched', data: { teamId, incidentId, task: '堵漏', dispatchedAt: at } }]);
    expect(state).toMatchObject({ status: 'dispatched', incidentId });
  });
  it('cannot be registered twice', () => {
    available.when(register).thenThrows(TeamAlreadyRegisteredError, 'TEAM_ALREADY_REGISTERED');
  });
  it('may go out of service, but not jump to on scene', () => {
    available.when(status('out_of_service')).then([reported('available', 'out_of_service', null, at)]);
    available.when(status('on_scene')).thenThrows(IllegalTeamStatusError, 'ILLEGAL_STATUS_TRANSITION');
  });
  it('keeps its jurisdiction when the profile changes', () => {
    const { state } = available.when({ type: 'UpdateTeamProfile', headcount: 30, now }).decided();
    expect(state).toMatchObject({ headcount: 30, jurisdiction: '640571', status: 'available' });
  });
});

describe('a dispatched team', () => {
  const onMission = team.given([registered, dispatched]);
  it('is not available to a second incident (409 TEAM_NOT_AVAILABLE)', () => {
    const error = onMission
      .when({ ...dispatch, incidentId: 'c1d2e3f4-0000-4000-8000-000000000000' } as TeamCommand)
      .thenThrows(TeamNotAvailableError, 'TEAM_NOT_AVAILABLE');
    expect(error.details).toEqual({ status: 'dispatched', currentIncidentId: incidentId });
  });
  it('refuses a second dispatch even to the same incident', () => {
    onMission.when(dispatch).thenThrows(TeamNotAvailableError, 'TEAM_NOT_AVAILABLE');
  });
  it('walks en route → on scene → returning → available, then serves again', () => {
    const history: TeamEvent[] = [registered, dispatched];
    const walk: [TeamStatus, ReportableStatus][] = [
      ['dispatched', 'en_route'],
      ['en_route', 'on_scene'],
      ['on_scene', 'returning'],
      ['returning', 'available'],
    ];
    for (const [from, to] of walk)
      history.push(
        ...team
          .given(history)
          .when(status(to))
          .then([reported(from, to, incidentId, at)]).events,
      );
    expect(team.given(history).state()).toMatchObject({ status: 'available', incidentId: null });
    team
      .given(history)
      .when(dispatch)
      .then([{ type: 'TeamDispatched', data: { teamId, incidentId, task: '堵漏', dispatchedAt: at } }]);
  });
  it('records the location it reports', () => {
    const { state } = onMission
      .when({ type: 'ReportTeamStatus', status: 'en_route', location: { lat: 37.5, lng: 105.1 }, now })
      .decided();
    expect(state).toMatchObject({ lastLocation: { lat: 37.5, lng: 105.1 }, incidentId });
  });
});

describe('the status lifecycle (docs/domain.md rule 14)', () => {
  const history: Record<TeamStatus, TeamEvent[]> = {
    available: [registered],
    dispatched: [registered, dispatched],
    en_route: [registered, dispatched, reported('dispatched', 'en_route')],
    on_scene: [registered, dispatched, reported('dispatched', 'en_route'), reported('en_route', 'on_scene')],
    returning: [registered, dispatched, reported('dispatched', 'returning')],
    out_of_service: [registered, reported('available', 'out_of_service', null)],
    in_drill: [registered, takenIntoDrill],
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
  it('each history folds to the status it stands for', () => {
    for (const s of TEAM_STATUSES) expect(team.given(history[s]).state()).toMatchObject({ status: s });
  });
  // Neither `dispatched` nor `in_drill` is reachable by a status report (the request DTO refuses them too).
  const cells = TEAM_STATUSES.flatMap((from) =>
    TEAM_STATUSES.filter((to) => to !== from && to !== 'dispatched').map((to) => [from, to] as const),
  );
  it.each(cells)('%s → %s is legal only where the rule allows', (from, to) => {
    const step = team.given(history[from]).when(status(to as ReportableStatus));
    if (legal[from].includes(to))
      step.then([
        expect.objectContaining({ type: 'TeamStatusReported', data: expect.objectContaining({ from, status: to }) }),
      ]);
    else step.thenThrows(IllegalTeamStatusError, 'ILLEGAL_STATUS_TRANSITION');
  });
});

describe('a team in a live drill (in_drill, docs/domain.md rule 21)', () => {
  const inDrill = team.given([registered, takenIntoDrill]);
  it('an available team is taken out of service into it', () => {
    const { state } = team
      .given([registered])
      .when(take)
      .then([{ type: 'TeamTakenIntoDrill', data: { teamId, drillId, at } }]);
    expect(state).toMatchObject({ status: 'in_drill', drillId, incidentId: null });
  });
  it('only an available team is taken (409 TEAM_NOT_AVAILABLE)', () => {
    team.given([registered, dispatched]).when(take).thenThrows(TeamNotAvailableError, 'TEAM_NOT_AVAILABLE');
    team
      .given([registered, reported('available', 'out_of_service', null)])
      .when(take)
      .thenThrows(TeamNotAvailableError, 'TEAM_NOT_AVAILABLE');
    inDrill
      .when({ ...take, drillId: otherDrill } as TeamCommand)
      .thenThrows(TeamNotAvailableError, 'TEAM_NOT_AVAILABLE');
  });
  it('taking a team into the drill it is already in is a no-op', () => {
    inDrill.when(take).thenNothing();
  });
  it('cannot be dispatched', () => {
    inDrill.when(dispatch).thenThrows(TeamNotAvailableError, 'TEAM_NOT_AVAILABLE');
  });
  it('cannot be moved by a status report, into or out of in_drill', () => {
    for (const to of ['available', 'out_of_service', 'en_route', 'returning'] as const)
      inDrill.when(status(to)).thenThrows(IllegalTeamStatusError, 'ILLEGAL_STATUS_TRANSITION');
    team
      .given([registered])
      .when({ type: 'ReportTeamStatus', status: 'in_drill' as 'available', now })
      .thenThrows(IllegalTeamStatusError, 'ILLEGAL_STATUS_TRANSITION');
  });
  it.each(['recalled', 'drill_ended'] as const)(
    'is released (%s) back to available and may then be dispatched',
    (reason) => {
      const { events, state } = inDrill
        .when(release(reason))
        .then([{ type: 'TeamReleasedFromDrill', data: { teamId, drillId, reason, at } }]);
      expect(state).toMatchObject({ status: 'available', drillId: null });
      team
        .given([registered, takenIntoDrill, ...events])
        .when(dispatch)
        .then([expect.objectContaining({ type: 'TeamDispatched' })]);
    },
  );
  it('releasing is idempotent: nothing when not in that drill', () => {
    team.given([registered]).when(release('drill_ended')).thenNothing();
    team
      .given([registered, takenIntoDrill, releasedFromDrill('recalled')])
      .when(release('drill_ended'))
      .thenNothing();
    inDrill.when(release('drill_ended', otherDrill)).thenNothing();
    team
      .given([registered, takenIntoDrill, releasedFromDrill('recalled'), dispatched])
      .when(release('drill_ended'))
      .thenNothing();
  });
});

describe('a dispatch withdrawn because its incident had ended (docs/domain.md rule 9)', () => {
  const reason = '事故已结案，调派撤回';
  const withdraw = (incident = incidentId): TeamCommand => ({
    type: 'WithdrawDispatch',
    incidentId: incident,
    reason,
    now,
  });
  const withdrawn = (from: TeamStatus, to: 'available' | 'returning'): TeamEvent => ({
    type: 'TeamDispatchWithdrawn',
    data: { teamId, incidentId, from, status: to, reason, at },
  });

  it('frees a team that had not left yet, saying why, and it can serve again', () => {
    const { state } = team
      .given([registered, dispatched])
      .when(withdraw())
      .then([withdrawn('dispatched', 'available')]);
    expect(state).toMatchObject({ status: 'available', incidentId: null });
    team
      .given([registered, dispatched, withdrawn('dispatched', 'available')])
      .when(dispatch)
      .then([{ type: 'TeamDispatched', data: { teamId, incidentId, task: '堵漏', dispatchedAt: at } }]);
  });

  it('sends a team already on its way back (returning), keeping the incident on record', () => {
    const { state } = team
      .given([registered, dispatched, reported('dispatched', 'en_route')])
      .when(withdraw())
      .then([withdrawn('en_route', 'returning')]);
    expect(state).toMatchObject({ status: 'returning', incidentId });
  });

  it('is idempotent and touches only the dispatch it names', () => {
    team
      .given([registered, dispatched, withdrawn('dispatched', 'available')])
      .when(withdraw())
      .thenNothing();
    team.given([registered, dispatched]).when(withdraw('c1d2e3f4-0000-4000-8000-000000000000')).thenNothing();
    team
      .given([registered, dispatched, reported('dispatched', 'returning')])
      .when(withdraw())
      .thenNothing();
    team.given([registered]).when(withdraw()).thenNothing();
  });
});
