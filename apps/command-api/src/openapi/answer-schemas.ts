import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it), kept loose: the document is data, not code. */
export type JsonSchema = { [keyword: string]: unknown };

export interface Answer {
  /** The success body's schema; undefined when the handler answers without a body. */
  schema?: JsonSchema;
  /** The controller's file, relative to the repository (names its bounded context). */
  file: string;
}

export interface AnswerSchemas {
  /** Named answer types, for components.schemas. */
  components: Record<string, JsonSchema>;
  /** `ControllerClass_method` (the operationId @nestjs/swagger gives) → what the method answers. */
  answers: Map<string, Answer>;
}

/**
 * The success answers of every route, read from the TypeScript return types of the controller methods
 * (`Promise<IncidentView>`), so the document states what the code returns and cannot drift from it. Named object
 * types (interfaces, aliases of object types) become components referred to by `$ref`; JSDoc on a property becomes
 * its description.
 */
export function readAnswerSchemas(root: string): AnswerSchemas {
  const files = controllerFiles(root);
  const options = compilerOptions(root);
  const program = ts.createProgram(files, options);
  const checker = program.getTypeChecker();
  const converter = new SchemaConverter(checker, root);
  const answers = new Map<string, Answer>();
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    for (const statement of source.statements) {
      if (!ts.isClassDeclaration(statement) || !statement.name) continue;
      for (const member of statement.members) {
        if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
        if (!(ts.getDecorators(member) ?? []).length) continue;
        const signature = checker.getSignatureFromDeclaration(member);
        if (!signature) continue;
        const returned = checker.getReturnTypeOfSignature(signature);
        const awaited = checker.getAwaitedType(returned) ?? returned;
        answers.set(`${statement.name.text}_${member.name.text}`, {
          schema: converter.schema(awaited, 0),
          file: relative(root, file).split('\\').join('/'),
        });
      }
    }
  }
  return { components: converter.components, answers };
}

function controllerFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.controller.ts')) found.push(path);
    }
  };
  for (const lib of readdirSync(join(root, 'libs'))) walk(join(root, 'libs', lib, 'src'));
  walk(join(root, 'apps', 'command-api', 'src'));
  return found.sort();
}

function compilerOptions(root: string): ts.CompilerOptions {
  const file = join(root, 'tsconfig.json');
  const read = ts.readConfigFile(file, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root, undefined, file);
  return { ...parsed.options, noEmit: true, incremental: false, types: ['node'] };
}

/** Deeper than any answer the API gives; stops a recursive anonymous type. */
const MAX_DEPTH = 12;

class SchemaConverter {
  readonly components: Record<string, JsonSchema> = {};
  private readonly names = new Map<ts.Type, string>();

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly root: string,
  ) {}

  schema(type: ts.Type, depth: number): JsonSchema | undefined {
    const f = type.flags;
    if (f & (ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.Never)) return undefined;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (f & ts.TypeFlags.Null) return { type: 'null' };
    if (f & ts.TypeFlags.StringLiteral) return { type: 'string', const: (type as ts.StringLiteralType).value };
    if (f & ts.TypeFlags.NumberLiteral) return { type: 'number', const: (type as ts.NumberLiteralType).value };
    if (f & ts.TypeFlags.BooleanLiteral) return { type: 'boolean', const: this.checker.typeToString(type) === 'true' };
    if (f & ts.TypeFlags.String || f & ts.TypeFlags.TemplateLiteral) return { type: 'string' };
    if (f & ts.TypeFlags.Number) return { type: 'number' };
    if (f & ts.TypeFlags.BigInt) return { type: 'integer' };
    if (f & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (depth > MAX_DEPTH) return {};
    if (type.isUnion()) return this.union(type.types, depth);
    if (type.isIntersection()) return this.intersection(type, depth);
    if (this.checker.isArrayType(type)) {
      const [item] = this.checker.getTypeArguments(type as ts.TypeReference);
      return { type: 'array', items: (item && this.schema(item, depth + 1)) ?? {} };
    }
    if (this.checker.isTupleType(type)) {
      const items = this.checker.getTypeArguments(type as ts.TypeReference).map((t) => this.schema(t, depth + 1) ?? {});
      return { type: 'array', prefixItems: items, minItems: items.length, maxItems: items.length };
    }
    if (f & ts.TypeFlags.Object) return this.object(type, depth);
    return {};
  }

  private union(members: readonly ts.Type[], depth: number): JsonSchema | undefined {
    const present = members.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
    if (present.length === 0) return undefined;
    const hasTrue = present.some(
      (t) => t.flags & ts.TypeFlags.BooleanLiteral && this.checker.typeToString(t) === 'true',
    );
    const hasFalse = present.some(
      (t) => t.flags & ts.TypeFlags.BooleanLiteral && this.checker.typeToString(t) === 'false',
    );
    const rest = present.filter((t) => !(hasTrue && hasFalse && t.flags & ts.TypeFlags.BooleanLiteral));
    const schemas = rest.map((t) => this.schema(t, depth + 1) ?? {});
    if (hasTrue && hasFalse) schemas.unshift({ type: 'boolean' });
    const nullable = schemas.some((s) => s.type === 'null' && Object.keys(s).length === 1);
    const others = schemas.filter((s) => !(s.type === 'null' && Object.keys(s).length === 1));
    let merged: JsonSchema;
    const literals = others.every((s) => 'const' in s && typeof s.type === 'string' && s.type === others[0]?.type);
    if (others.length > 1 && literals) {
      merged = { type: others[0]!.type, enum: others.map((s) => s.const) };
    } else if (others.length === 1) {
      merged = others[0]!;
    } else {
      merged = { anyOf: others };
    }
    if (!nullable) return merged;
    if (typeof merged.type === 'string' && !('$ref' in merged)) {
      const withNull: JsonSchema = { ...merged, type: [merged.type, 'null'] };
      if (Array.isArray(merged.enum)) withNull.enum = [...(merged.enum as unknown[]), null];
      if ('const' in merged) {
        delete withNull.const;
        withNull.enum = [merged.const, null];
      }
      return withNull;
    }
    return { anyOf: [...(Array.isArray(merged.anyOf) ? (merged.anyOf as JsonSchema[]) : [merged]), { type: 'null' }] };
  }

  /** A branded primitive (`string & { __brand }`) is its primitive; otherwise every member holds. */
  private intersection(type: ts.IntersectionType, depth: number): JsonSchema {
    const members = type.types;
    const primitive = members.find((t) => t.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike));
    if (primitive) return this.schema(primitive, depth + 1) ?? {};
    return this.named(type, depth, (d) => this.inlineObject(type, d, members));
  }

  private object(type: ts.Type, depth: number): JsonSchema {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (symbol?.name === 'Date') return { type: 'string', format: 'date-time' };
    return this.named(type, depth, (d) => this.inlineObject(type, d));
  }

  /** A component for a named type (built once, referred to after), inline otherwise. */
  private named(type: ts.Type, depth: number, build: (depth: number) => JsonSchema): JsonSchema {
    const name = this.nameOf(type);
    if (!name) return build(depth);
    const known = this.names.get(type);
    if (known) return { $ref: `#/components/schemas/${known}` };
    const unique = this.uniqueName(name, type);
    this.names.set(type, unique);
    this.components[unique] = {};
    this.components[unique] = build(0);
    return { $ref: `#/components/schemas/${unique}` };
  }

  private inlineObject(type: ts.Type, depth: number, members: readonly ts.Type[] = [type]): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    const props = members.flatMap((m) => this.checker.getPropertiesOfType(m));
    for (const prop of props) {
      if (prop.name in properties) continue;
      const declaration = prop.valueDeclaration ?? prop.declarations?.[0];
      if (declaration && (ts.isMethodDeclaration(declaration) || ts.isMethodSignature(declaration))) continue;
      const propType = this.checker.getTypeOfSymbol(prop);
      if (propType.getCallSignatures().length > 0) continue;
      const schema = this.schema(propType, depth + 1);
      if (!schema) continue;
      const doc = ts.displayPartsToString(prop.getDocumentationComment(this.checker)).trim();
      properties[prop.name] = doc && !('$ref' in schema) ? { ...schema, description: doc } : schema;
      const optional = (prop.flags & ts.SymbolFlags.Optional) !== 0;
      if (!optional) required.push(prop.name);
    }
    const result: JsonSchema = { type: 'object', properties };
    if (required.length > 0) result.required = required;
    const index = members.map((m) => this.checker.getIndexInfoOfType(m, ts.IndexKind.String)).find((i) => i);
    if (index) result.additionalProperties = this.schema(index.type, depth + 1) ?? {};
    return result;
  }

  /** The component name of a named object type (with its type arguments: `Page<IncidentView>` → `PageIncidentView`). */
  private nameOf(type: ts.Type): string | undefined {
    const alias = type.aliasSymbol;
    const symbol = alias ?? type.getSymbol();
    if (!symbol || symbol.name.startsWith('__')) return undefined;
    if (symbol.flags & (ts.SymbolFlags.TypeLiteral | ts.SymbolFlags.ObjectLiteral)) return undefined;
    // Library types (Record, Partial, a framework's result types) are spelled out where they are used.
    const declared = symbol.declarations?.[0]?.getSourceFile().fileName ?? '';
    if (declared.includes('/node_modules/')) return undefined;
    const args = alias
      ? (type.aliasTypeArguments ?? [])
      : type.flags & ts.TypeFlags.Object && (type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference
        ? this.checker.getTypeArguments(type as ts.TypeReference)
        : [];
    const suffix = args.map((a) => this.checker.typeToString(a).replace(/[^A-Za-z0-9]/g, '')).join('');
    return `${symbol.name}${suffix}`;
  }

  /** Two contexts may each have a `Summary`: the second is told apart by its context's name. */
  private uniqueName(name: string, type: ts.Type): string {
    if (!(name in this.components)) return name;
    const file = (type.aliasSymbol ?? type.getSymbol())?.declarations?.[0]?.getSourceFile().fileName ?? '';
    const context = /\/libs\/([^/]+)\//.exec(relative(this.root, file).split('\\').join('/').replace(/^/, '/'))?.[1];
    const prefix = (context ?? 'shared').replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase());
    let candidate = `${prefix}${name}`;
    for (let n = 2; candidate in this.components; n += 1) candidate = `${prefix}${name}${n}`;
    return candidate;
  }
}
