import { EVENT_TYPE, STREAM_NAME } from '@kurrent/kurrentdb-client';
import { planFilter } from './kurrentdb-filter';

const event = (streamName: string, type = 'IncidentReported') => ({ streamName, type });

describe('no filter', () => {
  const plan = planFilter(undefined);

  it('asks the server to exclude system events by type', () => {
    expect(plan.server).toMatchObject({ filterOn: EVENT_TYPE, regex: '^[^$].*' });
    expect(plan.matchesNothing).toBe(false);
  });

  it('accepts domain events and drops $-prefixed streams the type regex lets through', () => {
    expect(plan.accepts(event('incident-1'))).toBe(true);
    expect(plan.accepts(event('$ce-incident'))).toBe(false);
    expect(plan.accepts(event('incident-1', '$metadata'))).toBe(false);
  });
});

describe('category filter', () => {
  const plan = planFilter({ kind: 'category', categories: ['incident', 'team'] });

  it('becomes a stream-name prefix filter on "<category>-"', () => {
    expect(plan.server).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['incident-', 'team-'] });
  });

  it('accepts streams of the listed categories only', () => {
    expect(plan.accepts(event('incident-9f2'))).toBe(true);
    expect(plan.accepts(event('team-a1'))).toBe(true);
    expect(plan.accepts(event('teams-a1'))).toBe(false);
    expect(plan.accepts(event('plan-3'))).toBe(false);
  });

  it('matches by category (text before the first dash), as PostgreSQL does, not by raw prefix', () => {
    const dashed = planFilter({ kind: 'category', categories: ['incident-x'] });
    expect(dashed.server).toMatchObject({ prefixes: ['incident-x-'] });
    // The server prefix matches this stream, but its category is `incident`.
    expect(dashed.accepts(event('incident-x-1'))).toBe(false);
  });

  it('never delivers system events even in a matching category', () => {
    expect(plan.accepts(event('incident-1', '$>'))).toBe(false);
  });

  it('with no categories matches nothing', () => {
    const empty = planFilter({ kind: 'category', categories: [] });
    expect(empty.matchesNothing).toBe(true);
    expect(empty.accepts(event('incident-1'))).toBe(false);
  });
});

describe('event-type prefix filter', () => {
  const plan = planFilter({ kind: 'eventTypePrefix', prefixes: ['Incident', 'TeamDis'] });

  it('becomes an event-type prefix filter', () => {
    expect(plan.server).toMatchObject({ filterOn: EVENT_TYPE, prefixes: ['Incident', 'TeamDis'] });
  });

  it('accepts types starting with any prefix', () => {
    expect(plan.accepts(event('incident-1', 'IncidentClosed'))).toBe(true);
    expect(plan.accepts(event('team-1', 'TeamDispatched'))).toBe(true);
    expect(plan.accepts(event('team-1', 'TeamReturned'))).toBe(false);
  });

  it('drops events of $-prefixed streams even when the type matches', () => {
    expect(plan.accepts(event('$ce-incident', 'IncidentClosed'))).toBe(false);
  });

  it('with no prefixes matches nothing', () => {
    const empty = planFilter({ kind: 'eventTypePrefix', prefixes: [] });
    expect(empty.matchesNothing).toBe(true);
    expect(empty.accepts(event('incident-1'))).toBe(false);
  });
});
