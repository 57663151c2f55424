import { LiveViewChanges } from './live-delta-changes';

type View = { id: string; revision: number; position: string; title: string; tasks: { id: string; done: boolean }[] };

const view = (position: string, revision: number, over: Partial<View> = {}): View => ({
  id: 'a',
  revision,
  position,
  title: '储罐泄漏',
  tasks: [{ id: 't1', done: false }],
  ...over,
});

describe('LiveViewChanges (what changed since the version last published)', () => {
  it('sends a view it has not seen whole, with no base', () => {
    const changes = new LiveViewChanges<View>();
    expect(changes.change(view('5/5', 1))).toEqual({
      id: 'a',
      revision: 1,
      position: '5/5',
      base: null,
      changed: { title: '储罐泄漏', tasks: [{ id: 't1', done: false }] },
    });
  });

  it('then sends only the fields that differ, based on the position of the version before', () => {
    const changes = new LiveViewChanges<View>();
    changes.change(view('5/5', 1));
    expect(changes.change(view('7/7', 2, { tasks: [{ id: 't1', done: true }] }))).toEqual({
      id: 'a',
      revision: 2,
      position: '7/7',
      base: '5/5',
      changed: { tasks: [{ id: 't1', done: true }] },
    });
    expect(changes.change(view('9/9', 3, { title: '储罐泄漏（已控制）', tasks: [{ id: 't1', done: true }] }))).toEqual(
      expect.objectContaining({ base: '7/7', changed: { title: '储罐泄漏（已控制）' } }),
    );
  });

  it('sends a late, older version whole and keeps diffing from the newest', () => {
    const changes = new LiveViewChanges<View>();
    changes.change(view('9/9', 3));
    expect(changes.change(view('7/7', 2)).base).toBeNull();
    expect(changes.change(view('11/11', 4, { title: 'x' }))).toEqual(
      expect.objectContaining({ base: '9/9', changed: { title: 'x' } }),
    );
  });

  it('forgets the least recently changed views beyond its capacity, and sends those whole again', () => {
    const changes = new LiveViewChanges<View>(2);
    changes.change(view('1/1', 1, { id: 'a' }));
    changes.change(view('2/2', 1, { id: 'b' }));
    changes.change(view('3/3', 1, { id: 'c' }));
    expect(changes.size).toBe(2);
    expect(changes.change(view('4/4', 2, { id: 'a' })).base).toBeNull();
    expect(changes.change(view('5/5', 2, { id: 'c' })).base).toBe('3/3');
  });
});
