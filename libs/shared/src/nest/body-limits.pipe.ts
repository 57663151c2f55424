import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { RequestValidationError } from './validation';

/** No request of this API nests deeper than a few levels; 32 leaves room and stops stack-exhausting bodies. */
export const MAX_NESTING = 32;

/** U+0000 and unpaired surrogates: valid in JSON text, refused by PostgreSQL's jsonb (and meaningless to people). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Bidirectional controls (embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, the marks U+200E, U+200F
 * and U+061C): invisible, and they reorder what follows, so a title can show one text on the board and hold another
 * (an incident named "…‮txt.exe" reads backwards). No field of this API needs them — Chinese, Latin and digits
 * display correctly without — so they are refused in every string of every request, here in one place.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

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
        continue;
      }
      if (typeof node !== 'object' || node === null) continue;
      if (depth >= MAX_NESTING) throw new DomainError('NESTING_TOO_DEEP', 'invalid', `请求内容嵌套超过 ${MAX_NESTING} 层`);
      for (const [key, child] of Object.entries(node)) {
        if (UNSTORABLE.test(key)) throw unstorable();
        const childPath = path ? `${path}.${key}` : key;
        if (fromClient && BIDI_CONTROLS.test(key)) throw bidi(childPath);
        stack.push({ node: child, depth: depth + 1, path: childPath });
      }
    }
    return value;
  }
}

const unstorable = () => new DomainError('INVALID_CHARACTERS', 'invalid', '请求内容含有无法保存的字符（空字符或不成对的代理字符）');

const bidi = (path: string) =>
  new RequestValidationError([{ path, message: `${path} 含有双向文本控制字符（U+202A–U+202E、U+2066–U+2069、U+200E、U+200F 或 U+061C），它们会颠倒显示顺序、伪装内容，请删除后重试` }]);
