import { activeLang, type LocaleLang } from '../../app/locale';
import { dictionaries, translator, type MessageKey } from '../../i18n';

/**
 * A failed request as the user reads it: the message of its `code` from the catalogue, in the console's language.
 * The server's `detail` is Chinese; it is shown (in Chinese only, as secondary text) where it adds facts the
 * catalogue's message cannot know (a version number, a limit, the rule a plan failed). Raw codes, English exception
 * text and a browser's "Failed to fetch" are never shown.
 */
export interface ErrorDescription {
  /** The code it was rendered from (`NETWORK` for no answer), for data attributes and tests; not for display. */
  code: string | null;
  message: string;
  /** Secondary text: the server's own detail when it adds something (Chinese mode only). */
  detail: string | null;
  /** What to correct, one entry per field the server named. */
  fields: string[];
  /** The action may or may not have been applied (every retry went unanswered). */
  uncertain: boolean;
}

/** The shape of the API client's `ApiError`, read structurally so this module does not import the client. */
interface ProblemLike {
  status: number;
  code?: string;
  message: string;
  errors?: { path: string; message: string }[];
  uncertain?: boolean;
}

function isProblem(err: unknown): err is ProblemLike & Error {
  return err instanceof Error && typeof (err as { status?: unknown }).status === 'number';
}

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);
const normalised = (text: string) => text.replace(/[\s，。、；：,.;:！!（）()“”"]/g, '');

/**
 * Codes whose server detail repeats a fixed sentence (the framework's generic text, "X 不存在", or a sentence naming a
 * jurisdiction by its code): the catalogue's message says all of it.
 */
const DETAIL_ADDS_NOTHING = new Set([
  'NETWORK',
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'OUTSIDE_JURISDICTION',
  'SERVICE_UNAVAILABLE',
  'DATABASE_UNAVAILABLE',
  'DATABASE_TIMEOUT',
  'EVENT_STORE_UNAVAILABLE',
  'SHUTTING_DOWN',
  'METHOD_NOT_ALLOWED',
  'NOT_ACCEPTABLE',
  'UNSUPPORTED_MEDIA_TYPE',
  'MALFORMED_JSON',
  'MALFORMED_REQUEST',
  'EMPTY_BODY',
  'BODY_TOO_LARGE',
]);

/** The catalogue key of a server code, or null for a code the console has no message for yet. */
export function codeMessageKey(code: string): MessageKey | null {
  const key = `errors.code.${code}`;
  // The Chinese dictionary has every key (the other languages are typed after it).
  return Object.hasOwn(dictionaries.zh, key) ? (key as MessageKey) : null;
}

function statusKey(status: number): MessageKey {
  if (status >= 500) return 'errors.status.5xx';
  // 412: the If-Match sent was not the current revision (the server says STALE_REVISION; a bare 412 means the same).
  const known = [400, 401, 403, 404, 409, 412, 422, 429];
  return (known.includes(status) ? `errors.status.${status}` : 'errors.generic') as MessageKey;
}

/** The description of any error in the given language (the console's current one by default). */
export function describeError(err: unknown, lang: LocaleLang = activeLang()): ErrorDescription {
  const t = translator(lang);
  if (!isProblem(err)) {
    // A bug or a browser failure of ours: its text is English and means nothing to a duty officer.
    return { code: null, message: t('errors.generic'), detail: null, fields: [], uncertain: false };
  }
  const uncertain = err.uncertain === true;
  if (err.status === 0 || err.code === 'NETWORK') {
    return { code: 'NETWORK', message: t('errors.network'), detail: null, fields: [], uncertain };
  }
  const code = err.code ?? null;
  const key = code ? codeMessageKey(code) : null;
  const message = key ? t(key) : t(statusKey(err.status));
  const serverDetail = err.message ?? '';
  const addsFacts =
    lang === 'zh' &&
    hasChinese(serverDetail) &&
    !(code && DETAIL_ADDS_NOTHING.has(code)) &&
    !/_NOT_FOUND$/.test(code ?? '') &&
    normalised(serverDetail) !== normalised(message) &&
    !normalised(message).includes(normalised(serverDetail));
  const fieldErrors = Array.isArray(err.errors) ? err.errors : [];
  const fields =
    lang === 'zh'
      ? fieldErrors.filter((f) => hasChinese(f.message)).map((f) => f.message)
      : fieldErrors.length > 0
        ? [
            t('errors.fields', {
              fields: [...new Set(fieldErrors.map((f) => t('errors.field', { path: f.path })))].join(', '),
            }),
          ]
        : [];
  return { code, message, detail: addsFacts ? serverDetail : null, fields, uncertain };
}

/**
 * One line for a failed action, in the console's current language: the code's message, then (Chinese) the server's
 * detail where it adds facts and the field messages, then `uncertainHint` when the outcome is unknown (what pressing
 * the button again does). `fallback` is said for errors that are not an answer of the server.
 */
export function errorText(
  err: unknown,
  fallback: string,
  uncertainHint?: string,
  lang: LocaleLang = activeLang(),
): string {
  const d = describeError(err, lang);
  const message = d.code === null && !isProblem(err) ? fallback : d.message;
  return [message, d.detail, ...d.fields, d.uncertain ? uncertainHint : undefined].filter(Boolean).join(' · ');
}
