import { FIELDS, type Values } from './intake-form';

/**
 * The intake typed so far, kept in localStorage per user so that a reload (or a crash of the tab) loses nothing. Only
 * the form's values are stored, never the session or its token; the key carries the user's id, so a second officer
 * signing in on the same browser never sees the first one's draft.
 */
export interface IntakeDraft {
  savedAt: string;
  values: Values;
}

const PREFIX = 'console.intake.draft.';

/**
 * A draft older than a long shift is dropped when read: it holds a caller's name and phone, and a report not made in
 * twelve hours is not going to be made from it.
 */
export const DRAFT_MAX_AGE_MS = 12 * 3_600_000;

export function draftKey(userId: string): string {
  return `${PREFIX}${userId}`;
}

export function loadDraft(userId: string): IntakeDraft | null {
  try {
    const raw = localStorage.getItem(draftKey(userId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as { savedAt?: unknown; values?: Record<string, unknown> };
    if (typeof parsed.savedAt !== 'string' || !parsed.values || typeof parsed.values !== 'object') return null;
    const age = Date.now() - Date.parse(parsed.savedAt);
    if (!(age < DRAFT_MAX_AGE_MS)) {
      clearDraft(userId);
      return null;
    }
    // Whatever else a stored object holds (an older layout, a hand edit) is left out: only known text fields return.
    const values = {} as Values;
    for (const field of FIELDS) {
      const value = parsed.values[field];
      values[field] = typeof value === 'string' ? value : '';
    }
    return { savedAt: parsed.savedAt, values };
  } catch {
    return null;
  }
}

export function saveDraft(userId: string, values: Values): void {
  try {
    const draft: IntakeDraft = { savedAt: new Date().toISOString(), values };
    localStorage.setItem(draftKey(userId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the form still works, the draft is only not kept.
  }
}

export function clearDraft(userId: string): void {
  try {
    localStorage.removeItem(draftKey(userId));
  } catch {
    /* nothing stored */
  }
}
