import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { isProcessManager, PROJECTION_RUNNER, type ProjectionRunner } from '@app/event-sourcing/projections';
import { JURISDICTIONS, type JurisdictionRegistry } from '@app/shared';
import { cliProjections } from '../../apps/command-api/src/cli/rebuild-projection';
import { READ_MODEL_ENTITIES } from '../../apps/command-api/src/infrastructure/projection-registry';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * `projections:rebuild -- all` and `restore` rebuild what the API runs: every projection of every context and the
 * process managers, from the one registry (docs/operations.md). A projection added to a context reaches both.
 */
describe('the rebuild command covers every projection the application runs', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()), 60_000);
  afterAll(() => t?.close());

  it('lists the same projections and process managers as the running application, in the same order', () => {
    const running = t.app
      .get<ProjectionRunner>(PROJECTION_RUNNER)
      .status()
      .map((p) => p.name);
    const listed = cliProjections(
      t.app.get(DataSource),
      t.app.get<EventStore>(EVENT_STORE),
      t.app.get<JurisdictionRegistry>(JURISDICTIONS),
    );
    expect(listed.map((p) => p.name)).toEqual(running);
    // Every context is there, the newer ones included, and both process managers.
    for (const name of ['alarm', 'enterprise', 'sensor', 'hidden-hazard', 'expert', 'shelter', 'target'])
      expect(running.some((p) => p.includes(name))).toBe(true);
    expect(listed.filter(isProcessManager).map((p) => p.name)).toEqual(['dispatch-process', 'drill-teams-process']);
  });

  it('knows the entities of every read model the application maps', () => {
    const mapped = t.app
      .get(DataSource)
      .entityMetadatas.map((m) => m.target)
      .filter((target): target is new () => object => typeof target === 'function');
    const known = new Set<unknown>(READ_MODEL_ENTITIES);
    // A read model whose entity the command line did not know could not be emptied or written by a rebuild.
    expect(mapped.length).toBeGreaterThan(10);
    expect(mapped.filter((target) => !known.has(target)).map((target) => target.name)).toEqual([]);
  });
});
