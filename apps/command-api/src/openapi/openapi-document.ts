import { readAnswerSchemas } from './answer-schemas';
import { completeDocument } from './complete-document';
import { readErrorCatalogue } from './error-codes';
import { nestDocument } from './nest-document';

/** Where `npm run openapi` writes the document, relative to the repository. */
export const OPENAPI_FILE = 'docs/openapi.json';

/**
 * The OpenAPI 3.1 document of the API, built from the running code: routes, parameters and request bodies from the
 * controllers (@nestjs/swagger), success answers from the controllers' return types, error codes from the contexts'
 * error catalogues. `root` is the repository (the answer types are read from its TypeScript sources).
 */
export async function buildOpenApiDocument(root: string): Promise<Record<string, unknown>> {
  const { document, facts } = await nestDocument();
  return completeDocument(
    document as unknown as Record<string, unknown>,
    readAnswerSchemas(root),
    facts,
    readErrorCatalogue(root),
  );
}

/** The file's text: two-space JSON and a final newline, so a regenerated document diffs line by line. */
export function openApiText(document: Record<string, unknown>): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
