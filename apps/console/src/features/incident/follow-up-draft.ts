/**
 * The follow-up form's figures as a draft kept apart from the server's state. A field the officer has not touched shows
 * the server's value and follows it; a touched field keeps what was typed whatever arrives live. When the server's value
 * moves away from the one the typing started from, the field is in conflict until the officer chooses: take the
 * server's value, or keep the typed one (which then counts as typed against the new value).
 */
export const FIGURES = ['deaths', 'missing', 'seriousInjuries', 'minorInjuries', 'trapped', 'directLossYuan'] as const;
export type Figure = (typeof FIGURES)[number];

/** `typed: null`: untouched, follows the server. `base`: the server's value when the typing started (or was kept). */
export interface DraftField {
  typed: string | null;
  base: string;
}

export type Draft = Record<Figure, DraftField>;
export type ServerFigures = Record<Figure, string>;

export const emptyDraft = (): Draft =>
  Object.fromEntries(FIGURES.map((f) => [f, { typed: null, base: '' }])) as unknown as Draft;

export function shown(field: DraftField, server: string): string {
  return field.typed ?? server;
}

/** The server's value changed under what was typed, and differs from it: the officer must choose. */
export function inConflict(field: DraftField, server: string): boolean {
  return field.typed !== null && field.base !== server && field.typed !== server;
}

export function typeInto(field: DraftField, server: string, text: string): DraftField {
  return { typed: text, base: field.typed === null ? server : field.base };
}

export const takeServer = (): DraftField => ({ typed: null, base: '' });

export function keepTyped(field: DraftField, server: string): DraftField {
  return { typed: field.typed, base: server };
}
