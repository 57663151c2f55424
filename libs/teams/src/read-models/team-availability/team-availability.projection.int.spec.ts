import { randomUUID } from 'node:crypto';
import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import { JurisdictionRegistry } from '@app/shared';
import type { TeamEvent } from '../../domain/team/team.events';
import { teamStream } from '../../domain/team/team.types';
import { TeamAvailabilityRow } from './team-availability.entity';
import { TeamAvailabilityProjection } from './team-availability.projection';

const at = (minute: number) => `2026-11-23T02:${String(minute).padStart(2, '0')}:00.000Z`;
const registered = (teamId: string): TeamEvent => ({
  type: 'TeamRegistered',
  data: {
    teamId,
    registeredAt: at(0),
    name: '中卫市危化品专业救援队（演示）',
    kind: 'professional',
    specialties: ['hazardous_chemicals'],
    headcount: 24,
    equipment: ['防化服'],
    base: { address: '中卫工业园区（虚构）', lat: 37.53, lng: 105.15 },
    jurisdiction: '640571',
    contact: { name: '李强', phone: '0955-0000002' },
  },
});

describe('team availability projection', () => {
  let spec: ProjectionSpec;
  beforeAll(async () => {
    spec = await ProjectionSpec.start({
      projections: () => [new TeamAvailabilityProjection(new JurisdictionRegistry())],
      entities: [TeamAvailabilityRow],
    });
  }, 60_000); // a database of its own is created and migrated first
  afterAll(() => spec?.stop());
  const row = async (id: string) => (await spec.rows(TeamAvailabilityRow, { id }))[0];

  it('a registered team is available, with its profile, at revision 0', async () => {
    const teamId = randomUUID();
    await spec.given(teamStream(teamId), [registered(teamId)], { jurisdiction: '640571' });
    expect(await row(teamId)).toMatchObject({
      id: teamId,
      name: '中卫市危化品专业救援队（演示）',
      specialties: ['hazardous_chemicals'],
      jurisdiction: '640571',
      status: 'available',
      incidentId: null,
      drillId: null,
      lastLocation: null,
      statusSince: new Date(at(0)),
      revision: 0,
    });
    expect(spec.deltas).toContainEqual(
      expect.objectContaining({
        name: 'team.changed',
        scope: { jurisdiction: '640571' },
        data: expect.objectContaining({ id: teamId, status: 'available' }),
      }),
    );
  });

  it('follows a dispatch, the reported statuses and the location, and frees the team when it is back', async () => {
    const teamId = randomUUID();
    const incidentId = randomUUID();
    const stream = teamStream(teamId);
    const reported = (
      from: string,
      status: string,
      minute: number,
      location: { lat: number; lng: number } | null = null,
    ): TeamEvent => ({
      type: 'TeamStatusReported',
      data: {
        teamId,
        from: from as never,
        status: status as never,
        incidentId,
        note: null,
        location,
        reportedAt: at(minute),
      },
    });
    await spec.given(stream, [
      registered(teamId),
      { type: 'TeamDispatched', data: { teamId, incidentId, task: '堵漏', dispatchedAt: at(1) } },
    ]);
    expect(await row(teamId)).toMatchObject({
      status: 'dispatched',
      incidentId,
      statusSince: new Date(at(1)),
      revision: 1,
    });
    await spec.given(stream, [
      reported('dispatched', 'en_route', 2, { lat: 37.5, lng: 105.1 }),
      reported('en_route', 'on_scene', 3),
    ]);
    expect(await row(teamId)).toMatchObject({
      status: 'on_scene',
      incidentId,
      lastLocation: { lat: 37.5, lng: 105.1 },
      revision: 3,
    });
    await spec.given(stream, [reported('on_scene', 'returning', 4), reported('returning', 'available', 5)]);
    expect(await row(teamId)).toMatchObject({
      status: 'available',
      incidentId: null,
      statusSince: new Date(at(5)),
      revision: 5,
    });
  });

  it('a profile update changes the profile and keeps the status', async () => {
    const teamId = randomUUID();
    await spec.given(teamStream(teamId), [
      registered(teamId),
      { type: 'TeamProfileUpdated', data: { teamId, updatedAt: at(6), headcount: 30 } },
    ]);
    expect(await row(teamId)).toMatchObject({
      headcount: 30,
      name: '中卫市危化品专业救援队（演示）',
      jurisdiction: '640571',
      status: 'available',
      revision: 1,
    });
  });

  it('marks a team in a live drill with the drill, and clears it on release', async () => {
    const teamId = randomUUID();
    const drillId = randomUUID();
    const stream = teamStream(teamId);
    await spec.given(stream, [
      registered(teamId),
      { type: 'TeamTakenIntoDrill', data: { teamId, drillId, at: at(7) } },
    ]);
    expect(await row(teamId)).toMatchObject({ status: 'in_drill', drillId });
    await spec.given(stream, [
      { type: 'TeamReleasedFromDrill', data: { teamId, drillId, reason: 'drill_ended', at: at(8) } },
    ]);
    expect(await row(teamId)).toMatchObject({ status: 'available', drillId: null, statusSince: new Date(at(8)) });
  });

  it('a withdrawn dispatch frees a team that had not left, and sends back one on its way (keeping the incident)', async () => {
    const [waiting, travelling, incidentId] = [randomUUID(), randomUUID(), randomUUID()];
    const reason = '事故已结案，调派撤回';
    await spec.given(teamStream(waiting), [
      registered(waiting),
      { type: 'TeamDispatched', data: { teamId: waiting, incidentId, task: null, dispatchedAt: at(10) } },
      {
        type: 'TeamDispatchWithdrawn',
        data: { teamId: waiting, incidentId, from: 'dispatched', status: 'available', reason, at: at(11) },
      },
    ]);
    expect(await row(waiting)).toMatchObject({ status: 'available', incidentId: null, statusSince: new Date(at(11)) });
    await spec.given(teamStream(travelling), [
      registered(travelling),
      { type: 'TeamDispatched', data: { teamId: travelling, incidentId, task: null, dispatchedAt: at(10) } },
      {
        type: 'TeamDispatchWithdrawn',
        data: { teamId: travelling, incidentId, from: 'en_route', status: 'returning', reason, at: at(12) },
      },
    ]);
    expect(await row(travelling)).toMatchObject({ status: 'returning', incidentId, revision: 2 });
  });

  it('ignores events of a team it has no row for', async () => {
    const teamId = randomUUID();
    await spec.given(teamStream(teamId), [
      { type: 'TeamDispatched', data: { teamId, incidentId: randomUUID(), task: null, dispatchedAt: at(9) } },
    ]);
    expect(await spec.rows(TeamAvailabilityRow, { id: teamId })).toEqual([]);
  });
});
