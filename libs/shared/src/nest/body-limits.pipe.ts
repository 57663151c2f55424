import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { RequestValidationError } from './validation';

/** No request of this API nests deeper than a few levels; 32 leaves room and stops stack-exhausting bodies. */
export const MAX_NESTING = 32;

/** U+0000 and unpaired surrogates: valid in JSON text, refused by PostgreSQL's jsonb (and meaningless to people). */
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what this pattern looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Bidirectional controls (embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, the marks U+200E, U+200F
 * and U+061C): invisible, and they reorder what follows, so a title can show one text on the board and hold another
 * (an incident named "…‮txt.exe" reads backwards). No field of this API needs them — Chinese, Latin and digits
 * display correctly without — so they are refused in every string of every request, here in one place.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

/**
 * Characters that show nothing (or only blank space) yet make two texts differ: zero-width space U+200B, the word
 * joiner and invisible operators U+2060–U+2064, the byte-order mark U+FEFF, the Mongolian vowel separator U+180E, the
 * combining grapheme joiner U+034F, the Hangul fillers U+115F, U+1160, U+3164 and U+FFA0, and the line and paragraph
 * separators U+2028 and U+2029 (which break lines in some views and not in others). A title padded with them looks
 * like an existing one on the board while being a different string, and a name can hide inside another. Zero-width
 * joiner U+200D stays allowed: emoji sequences (👨‍🚒) are built with it, and on its own it hides nothing a reader
 * would miss.
 */
// eslint-disable-next-line no-misleading-character-class -- U+034F is listed as a character of its own, on purpose
export const INVISIBLE_CHARACTERS = /[\u200B\u2060-\u2064\uFEFF\u180E\u034F\u115F\u1160\u3164\uFFA0\u2028\u2029]/;

/**
 * Runs before validation, on every body, query and parameter: class-transformer and the validation pipe walk
 * bodies recursively, so a body nested thousands of levels deep would exhaust the stack, and a string with U+0000
 * would pass validation and fail in the database — both would surface as a 500. Checked iteratively here, they are
 * a clear 400 instead. Bidirectional controls are refused here too, naming the field.
 */
@Injectable()
export class BodyLimitsPipe implements PipeTransform {
  transform(value: unknown, metadata?: ArgumentMetadata): unknown {
    const root = metadata?.type === 'body' ? '' : (metadata?.data ?? '');
    // What the client sent; values our own decorators build (the actor, the command context) are not user text.
    const fromClient = metadata?.type !== 'custom';
    const stack: Array<{ node: unknown; depth: number; path: string }> = [{ node: value, depth: 0, path: root }];
    while (stack.length > 0) {
      const { node, depth, path } = stack.pop()!;
      if (typeof node === 'string') {
        if (UNSTORABLE.test(node)) throw unstorable();
        if (fromClient && BIDI_CONTROLS.test(node)) throw bidi(path || 'body');
        if (fromClient && INVISIBLE_CHARACTERS.test(node)) throw invisible(path || 'body', node);
        continue;
      }
      if (typeof node !== 'object' || node === null) continue;
      if (depth >= MAX_NESTING)
        throw new DomainError('NESTING_TOO_DEEP', 'invalid', `请求内容嵌套超过 ${MAX_NESTING} 层`);
      for (const [key, child] of Object.entries(node)) {
        if (UNSTORABLE.test(key)) throw unstorable();
        const childPath = path ? `${path}.${key}` : key;
        if (fromClient && BIDI_CONTROLS.test(key)) throw bidi(childPath);
        if (fromClient && INVISIBLE_CHARACTERS.test(key)) throw invisible(childPath, key);
        stack.push({ node: child, depth: depth + 1, path: childPath });
      }
    }
    return value;
  }
}

const unstorable = () =>
  new DomainError('INVALID_CHARACTERS', 'invalid', '请求内容含有无法保存的字符（空字符或不成对的代理字符）');

const bidi = (path: string) =>
  new RequestValidationError([
    {
      path,
      message: `${path} 含有双向文本控制字符（U+202A–U+202E、U+2066–U+2069、U+200E、U+200F 或 U+061C），它们会颠倒显示顺序、伪装内容，请删除后重试`,
    },
  ]);

const invisible = (path: string, text: string) => {
  const found = INVISIBLE_CHARACTERS.exec(text)![0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return new RequestValidationError([
    {
      path,
      message: `${path} 含有不可见字符 U+${found}（零宽字符、字节顺序标记、朝鲜文填充符或行/段分隔符），它们让两段看似相同的文字实际不同，请删除后重试`,
    },
  ]);
};
