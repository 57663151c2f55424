import { describe, expect, it } from 'vitest';
import type { IncidentView } from '@app/incidents/contract';
import { applyIncidentChange, IncidentChanges, type IncidentChange } from './incident-changes';

/** Only the fields these tests look at; the rest of the view is carried along untouched. */
const incident = (position: string, revision: number, over: Partial<IncidentView> = {}): IncidentView =>
  ({
    id: 'i-1',
    title: '储罐泄漏',
    status: 'open',
    measures: null,
    tasks: [],
    revision,
    position,
    ...over,
  }) as unknown as IncidentView;

const change = (position: string, revision: number, base: string | null, changed: Partial<IncidentView>) =>
  ({ id: 'i-1', revision, position, base, changed }) as IncidentChange;

/** A tracker whose reads over HTTP answer from `server`, recording what it published and what it read. */
function tracker(server: () => IncidentView) {
  const published: IncidentView[] = [];
  const loads: string[] = [];
  const changes = new IncidentChanges(
    (id) => {
      loads.push(id);
      return Promise.resolve(server());
    },
    (view) => published.push(view),
  );
  return { changes, published, loads };
}

describe('a partial incident.changed applied to the incident the console holds', () => {
  it('patches the changed fields onto the version it is based on, keeping every other field', () => {
    const held = incident('10/10', 1);
    const next = applyIncidentChange(held, change('12/12', 2, '10/10', { measures: '关闭阀门' }));
    expect(next).toEqual({ ...held, measures: '关闭阀门', revision: 2, position: '12/12' });
  });

  it('takes a change with no base as the whole incident', () => {
    const { id: _id, revision: _r, position: _p, ...fields } = incident('10/10', 1, { title: '新事故' });
    expect(applyIncidentChange(undefined, change('10/10', 1, null, fields))).toEqual(
      incident('10/10', 1, { title: '新事故' }),
    );
  });

  it('does not patch a version it is not based on, and ignores one older than what is held', () => {
    expect(applyIncidentChange(incident('8/8', 1), change('12/12', 3, '10/10', { measures: 'x' }))).toBe('unknown');
    expect(applyIncidentChange(undefined, change('12/12', 3, '10/10', { measures: 'x' }))).toBe('unknown');
    expect(applyIncidentChange(incident('14/14', 4), change('12/12', 3, '10/10', { measures: 'x' }))).toBe('stale');
  });
});

describe('IncidentChanges (the console’s incidents kept whole from changes)', () => {
  it('publishes the patched incident when it holds the base, without reading it again', async () => {
    const { changes, published, loads } = tracker(() => incident('0/0', 0));
    changes.remember(incident('10/10', 1));
    await changes.receive(change('12/12', 2, '10/10', { status: 'closed' } as Partial<IncidentView>));
    expect(published).toEqual([incident('12/12', 2, { status: 'closed' } as Partial<IncidentView>)]);
    expect(loads).toEqual([]);
    await changes.receive(change('13/13', 3, '12/12', { measures: '撤离' }));
    expect(published[1]).toMatchObject({ status: 'closed', measures: '撤离', revision: 3, position: '13/13' });
  });

  it('reads the incident again when it lacks the base, and never shows the change patched onto another version', async () => {
    const { changes, published, loads } = tracker(() => incident('12/12', 2, { measures: '服务器上的版本' }));
    changes.remember(incident('8/8', 1, { measures: '旧版本' }));
    await changes.receive(change('12/12', 2, '10/10', { title: '改名' }));
    expect(loads).toEqual(['i-1']);
    expect(published).toEqual([incident('12/12', 2, { measures: '服务器上的版本' })]);
  });

  it('applies the changes that arrive during a read after it, in order, reading once', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const published: IncidentView[] = [];
    const loads: string[] = [];
    const changes = new IncidentChanges(
      async (id) => {
        loads.push(id);
        await gate;
        return incident('12/12', 2, { measures: '读到的版本' });
      },
      (view) => published.push(view),
    );
    const first = changes.receive(change('12/12', 2, '10/10', { measures: '读到的版本' }));
    const second = changes.receive(change('14/14', 3, '12/12', { title: '续报后' }));
    release();
    await Promise.all([first, second]);
    expect(loads).toEqual(['i-1']);
    expect(published.map((v) => [v.position, v.title, v.measures])).toEqual([
      ['12/12', '储罐泄漏', '读到的版本'],
      ['14/14', '续报后', '读到的版本'],
    ]);
  });

  it('ignores a change older than the incident it holds', async () => {
    const { changes, published, loads } = tracker(() => incident('0/0', 0));
    changes.remember(incident('20/20', 5));
    await changes.receive(change('12/12', 2, '10/10', { title: '过时' }));
    expect(published).toEqual([]);
    expect(loads).toEqual([]);
    expect(changes.get('i-1')?.position).toBe('20/20');
  });
});
