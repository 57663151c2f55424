import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

/** No request of this API nests deeper than a few levels; 32 leaves room and stops stack-exhausting bodies. */
export const MAX_NESTING = 32;

/** U+0000 and unpaired surrogates: valid in JSON text, refused by PostgreSQL's jsonb (and meaningless to people). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Runs before validation, on every body, query and parameter: class-transformer and the validation pipe walk
 * bodies recursively, so a body nested thousands of levels deep would exhaust the stack, and a string with U+0000
 * would pass validation and fail in the database — both would surface as a 500. Checked iteratively here, they are
 * a clear 400 instead.
 */
@Injectable()
export class BodyLimitsPipe implements PipeTransform {
  transform(value: unknown): unknown {
    const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 0 }];
    while (stack.length > 0) {
      const { node, depth } = stack.pop()!;
      if (typeof node === 'string') {
        if (UNSTORABLE.test(node)) throw unstorable();
        continue;
      }
      if (typeof node !== 'object' || node === null) continue;
      if (depth >= MAX_NESTING) throw new DomainError('NESTING_TOO_DEEP', 'invalid', `请求内容嵌套超过 ${MAX_NESTING} 层`);
      for (const [key, child] of Object.entries(node)) {
        if (UNSTORABLE.test(key)) throw unstorable();
        stack.push({ node: child, depth: depth + 1 });
      }
    }
    return value;
  }
}

const unstorable = () => new DomainError('INVALID_CHARACTERS', 'invalid', '请求内容含有无法保存的字符（空字符或不成对的代理字符）');
