import { execFileSync } from 'node:child_process';

/**
 * pdf.js (Mozilla's reader, `pdfjs-dist`) reads the PDF in a child Node process: it ships as ES modules only, which
 * the test runner's CommonJS transform cannot load. Each page's text comes out in reading order, lines ended where
 * the PDF ends them.
 */
const READER = `
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const doc = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), isEvalSupported: false }).promise;
let out = '';
for (let n = 1; n <= doc.numPages; n++) {
  const { items } = await (await doc.getPage(n)).getTextContent();
  out += items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\\n' : '') : '')).join('') + '\\n';
}
process.stdout.write(out);
`;

/** The text a person reads in a printed PDF (page.pdf()), page after page. */
export function pdfText(pdf: Buffer): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', READER], {
    input: pdf,
    cwd: __dirname,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}
