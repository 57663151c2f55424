import { describe, expect, it } from 'vitest';
import { DRAFT_MAX_AGE_MS, draftKey, loadDraft, saveDraft } from './drafts';
import { FIELDS, type Values } from './intake-form';

const values = (title: string): Values => ({ ...(Object.fromEntries(FIELDS.map((f) => [f, ''])) as Values), title });

describe('intake drafts', () => {
  it('keeps one draft per user and gives back only the form fields', () => {
    saveDraft('a', values('甲'));
    saveDraft('b', values('乙'));
    expect(loadDraft('a')?.values.title).toBe('甲');
    expect(loadDraft('b')?.values.title).toBe('乙');
    const stored = JSON.parse(localStorage.getItem(draftKey('a'))!) as { values: Record<string, unknown> };
    stored.values.accessToken = 'should-not-come-back';
    stored.values.title = 42;
    localStorage.setItem(draftKey('a'), JSON.stringify(stored));
    const loaded = loadDraft('a')!;
    expect(Object.keys(loaded.values).sort()).toEqual([...FIELDS].sort());
    expect(loaded.values.title).toBe('');
  });

  it('drops a draft older than a long shift, and one that is not JSON', () => {
    localStorage.setItem(
      draftKey('a'),
      JSON.stringify({ savedAt: new Date(Date.now() - DRAFT_MAX_AGE_MS - 1000).toISOString(), values: values('旧') }),
    );
    expect(loadDraft('a')).toBeNull();
    expect(localStorage.getItem(draftKey('a'))).toBeNull();
    localStorage.setItem(draftKey('b'), '{not json');
    expect(loadDraft('b')).toBeNull();
  });
});
