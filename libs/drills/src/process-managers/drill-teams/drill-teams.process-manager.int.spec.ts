import { randomUUID } from 'node:crypto';
import { CommandExecutor } from '@app/event-sourcing';
import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import { JurisdictionRegistry } from '@app/shared';
import { TeamAvailabilityQueries, teamEntities, teamProjections, teamStream, type TeamEvent } from '@app/teams';
import type { DrillEvent } from '../../domain/drill/drill.events';
import { drillStream } from '../../domain/drill/drill.types';
import { DrillTeamsProcessManager } from './drill-teams.process-manager';

const T0 = '2026-11-23T02:00:00.000Z';
const registered = (teamId: string): TeamEvent => ({
  type: 'TeamRegistered',
  data: {
    teamId,
    registeredAt: T0,
    name: '危化品救援队',
    kind: 'professional',
    specialties: ['hazardous_chemicals'],
    headcount: 24,
    equipment: [],
    base: { address: '中卫工业园区', lat: 37.53, lng: 105.15 },
    jurisdiction: '640571',
    contact: { name: '李强', phone: '0955-0000002' },
  },
});
const taken = (teamId: string, drillId: string): TeamEvent => ({
  type: 'TeamTakenIntoDrill',
  data: { teamId, drillId, at: T0 },
});
const liveDrill = (drillId: string): DrillEvent[] => [
  {
    type: 'DrillPlanned',
    data: {
      drillId,
      title: '危化品泄漏实战演练',
      form: 'live',
      scope: 'comprehensive',
      jurisdiction: '640500',
      planId: null,
      planVersion: null,
      participants: ['市应急局'],
      scenario: null,
      plannedBy: '演练组织者',
      plannedAt: T0,
    },
  },
  { type: 'DrillStarted', data: { drillId, startedAt: T0, startedBy: '总指挥' } },
];
const joined = (drillId: string, teamId: string): DrillEvent => ({
  type: 'TeamJoinedDrill',
  data: { drillId, teamId, at: T0 },
});
const ended = (drillId: string): DrillEvent => ({
  type: 'DrillEnded',
  data: { drillId, endedAt: '2026-11-23T04:00:00.000Z', endedBy: '总指挥' },
});

describe('drill teams process manager', () => {
  let spec: ProjectionSpec;
  beforeAll(async () => {
    // With the team read model, as in production: the process manager also reads which teams it still marks in a drill.
    spec = await ProjectionSpec.start({
      projections: ({ store, clock }) => {
        const jurisdictions = new JurisdictionRegistry();
        // The team board's own query port on the spec's database (known once the spec has started, before any event).
        const teams = {
          idsInDrill: (drillId: string) =>
            new TeamAvailabilityQueries(spec.dataSource, jurisdictions).idsInDrill(drillId),
        };
        return [
          ...teamProjections(jurisdictions),
          new DrillTeamsProcessManager(new CommandExecutor({ store, clock }), teams),
        ];
      },
      entities: teamEntities,
    });
  }, 60_000); // a database of its own is created and migrated first
  afterAll(() => spec?.stop());
  const released = (teamId: string, drillId: string): TeamEvent => ({
    type: 'TeamReleasedFromDrill',
    data: { teamId, drillId, reason: 'drill_ended', at: spec.clock.now().toISOString() },
  });

  it('when a drill ends, every team still in it is released back to available; a recalled one is left alone', async () => {
    const [drillId, inDrill, recalled] = [randomUUID(), randomUUID(), randomUUID()];
    await spec.given(teamStream(inDrill), [registered(inDrill), taken(inDrill, drillId)]);
    await spec.given(teamStream(recalled), [
      registered(recalled),
      taken(recalled, drillId),
      { type: 'TeamReleasedFromDrill', data: { teamId: recalled, drillId, reason: 'recalled', at: T0 } },
    ]);
    await spec.given(drillStream(drillId), [
      ...liveDrill(drillId),
      joined(drillId, inDrill),
      joined(drillId, recalled),
      { type: 'TeamRecalledFromDrill', data: { drillId, teamId: recalled, at: T0, recalledBy: '指挥员' } },
    ]);
    await spec.given(drillStream(drillId), [ended(drillId)]);
    expect((await spec.stream(teamStream(inDrill))).at(-1)).toEqual(released(inDrill, drillId));
    expect((await spec.stream(teamStream(recalled))).map((e) => e.type)).toEqual([
      'TeamRegistered',
      'TeamTakenIntoDrill',
      'TeamReleasedFromDrill',
    ]);
  });

  it('also releases a team its read model still marks in the drill though the drill never recorded it joining', async () => {
    const [drillId, teamId] = [randomUUID(), randomUUID()];
    await spec.given(drillStream(drillId), liveDrill(drillId));
    await spec.given(teamStream(teamId), [registered(teamId), taken(teamId, drillId)]);
    expect(await spec.rows(teamEntities[0]!, { id: teamId })).toEqual([
      expect.objectContaining({ status: 'in_drill', drillId }),
    ]);
    await spec.given(drillStream(drillId), [ended(drillId)]);
    expect((await spec.stream(teamStream(teamId))).at(-1)).toEqual(released(teamId, drillId));
  });

  it('a team taken into a drill that has already ended is released at once', async () => {
    const [drillId, teamId] = [randomUUID(), randomUUID()];
    await spec.given(drillStream(drillId), [...liveDrill(drillId), ended(drillId)]);
    await spec.given(teamStream(teamId), [registered(teamId), taken(teamId, drillId)]);
    expect((await spec.stream(teamStream(teamId))).at(-1)).toEqual(released(teamId, drillId));
  });

  it('a redelivered end releases nothing more', async () => {
    const [drillId, teamId] = [randomUUID(), randomUUID()];
    await spec.given(teamStream(teamId), [registered(teamId), taken(teamId, drillId)]);
    await spec.given(drillStream(drillId), [...liveDrill(drillId), joined(drillId, teamId)]);
    const end = await spec.given(drillStream(drillId), [ended(drillId)]);
    await spec.reapply('drill-teams-process', end);
    expect((await spec.stream(teamStream(teamId))).map((e) => e.type)).toEqual([
      'TeamRegistered',
      'TeamTakenIntoDrill',
      'TeamReleasedFromDrill',
    ]);
  });
});
