import type { JsonSchema } from './answer-schemas';

type Json = { [key: string]: unknown };

/** A request body's example: the examples its schema's properties give, as one object a reader can copy. */
export function withExample(requestBody: Json): Json {
  const content = requestBody.content as Record<string, Json> | undefined;
  const media = content?.['application/json'];
  const ref = (media?.schema as JsonSchema | undefined)?.$ref;
  if (!media || typeof ref !== 'string') return requestBody;
  return { ...requestBody, content: { ...content, 'application/json': { ...media, 'x-example-of': ref } } };
}

/**
 * OpenAPI 3.0 → 3.1 in the schemas @nestjs/swagger writes: `nullable` becomes a type array, a schema's `example`
 * becomes `examples`; request-body examples are assembled from the properties' examples.
 */
export function toOpenApi31(document: Json): unknown {
  const schemas = (document.components as { schemas: Record<string, JsonSchema> }).schemas;
  const visit = (node: unknown, inSchema: boolean): unknown => {
    if (Array.isArray(node)) return node.map((n) => visit(n, inSchema));
    if (typeof node !== 'object' || node === null) return node;
    const out: Json = {};
    for (const [key, value] of Object.entries(node as Json)) {
      if (key === 'x-example-of') continue;
      out[key] = visit(value, inSchema || key === 'schema' || key === 'schemas');
    }
    const source = node as Json;
    if (typeof source['x-example-of'] === 'string') {
      const example = exampleOf(schemas, source['x-example-of'], 0);
      if (example !== undefined) out.example = example;
    }
    if (inSchema && 'nullable' in out) {
      if (out.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
      delete out.nullable;
    }
    if (inSchema && 'example' in out && !('content' in out)) {
      out.examples = [out.example];
      delete out.example;
    }
    return out;
  };
  return visit(document, false);
}

function exampleOf(schemas: Record<string, JsonSchema>, ref: string, depth: number): unknown {
  const schema = schemas[ref.replace('#/components/schemas/', '')];
  if (!schema || depth > 4) return undefined;
  return exampleOfSchema(schemas, schema, depth);
}

function exampleOfSchema(schemas: Record<string, JsonSchema>, schema: JsonSchema, depth: number): unknown {
  if ('example' in schema) return schema.example;
  if (typeof schema.$ref === 'string') return exampleOf(schemas, schema.$ref, depth + 1);
  const allOf = schema.allOf as JsonSchema[] | undefined;
  if (allOf?.length === 1) return exampleOfSchema(schemas, allOf[0]!, depth);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (schema.type === 'array' && schema.items) {
    const item = exampleOfSchema(schemas, schema.items as JsonSchema, depth + 1);
    return item === undefined ? undefined : [item];
  }
  if (schema.type === 'string' && typeof schema.pattern !== 'string') return placeholderString(schema);
  if (schema.type === 'integer' || schema.type === 'number') {
    const minimum = typeof schema.minimum === 'number' ? schema.minimum : undefined;
    const maximum = typeof schema.maximum === 'number' ? schema.maximum : undefined;
    return minimum ?? (maximum !== undefined ? Math.min(1, maximum) : 1);
  }
  if (schema.type === 'boolean') return false;
  if (schema.type === 'object' || schema.properties) {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required ?? []) as string[]);
    const out: Json = {};
    for (const [name, property] of Object.entries(properties)) {
      const value = /(^id|Id|Ids)$/.test(name)
        ? idExample(exampleOfSchema(schemas, property, depth + 1))
        : exampleOfSchema(schemas, property, depth + 1);
      if (value !== undefined) out[name] = value;
      else if (required.has(name)) return undefined;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return undefined;
}

/** Request classes check ids with @IsUUID, which the schema does not say: an id's placeholder is a UUID. */
function idExample(value: unknown): unknown {
  const uuid = '3f0c6a52-8b1e-4d7a-9c2f-5e8b1a4d6c70';
  if (value === PLACEHOLDER) return uuid;
  return Array.isArray(value) ? value.map((v: unknown) => (v === PLACEHOLDER ? uuid : v)) : value;
}

const PLACEHOLDER = '示例';

/** A value of the right shape where a request class gave no example of a required string. */
function placeholderString(schema: JsonSchema): string | undefined {
  if (schema.format === 'uuid') return '3f0c6a52-8b1e-4d7a-9c2f-5e8b1a4d6c70';
  if (schema.format === 'date-time') return '2026-11-22T13:40:00+08:00';
  if (schema.format === 'email') return 'duty@example.org';
  if (schema.format !== undefined) return undefined;
  const minimum = typeof schema.minLength === 'number' ? schema.minLength : 1;
  const maximum = typeof schema.maxLength === 'number' ? schema.maxLength : 200;
  const text = PLACEHOLDER.padEnd(Math.max(minimum, 2), '例');
  return text.length <= maximum ? text : undefined;
}
