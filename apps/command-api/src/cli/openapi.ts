import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument, OPENAPI_FILE, openApiText } from '../openapi/openapi-document';

/**
 * `npm run openapi`: writes docs/openapi.json from the code (no database needed). Run from the repository root; the
 * answer types are read from the TypeScript sources there.
 */
async function main(): Promise<void> {
  const root = process.cwd();
  const document = await buildOpenApiDocument(root);
  writeFileSync(join(root, OPENAPI_FILE), openApiText(document));
  const paths = Object.keys(document.paths as object).length;
  process.stdout.write(`${OPENAPI_FILE}: ${paths} paths\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
