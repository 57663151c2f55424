import type { DocumentBlock, EvaluationDocument } from '../../contract';

/** Text into HTML: the five characters that could open markup or end an attribute value. */
const esc = (value: unknown): string =>
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the report interpolates scalars only (text, numbers)
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Markup built by `html` below; the only kind of value that is inserted without escaping. */
class Html {
  constructor(readonly markup: string) {}
}

const insert = (value: unknown): string =>
  value instanceof Html ? value.markup : Array.isArray(value) ? value.map(insert).join('') : esc(value);

/**
 * The report is written with this tag: every `${…}` is escaped unless it is itself `html` (or a list of them), so a
 * value cannot reach the page as markup by someone forgetting to escape it — escaping is the default, not a step.
 */
function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  return new Html(strings.reduce((out, text, i) => out + (i > 0 ? insert(values[i - 1]) : '') + text, ''));
}

/**
 * The report's own policy: no script whatsoever, only the page's inline style, and a sandbox (an opaque origin),
 * so even markup that got past escaping could neither run nor reach the console's storage.
 */
export const EVALUATION_REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

/** One block of the document as markup; every text through the escaping tag. */
function block(b: DocumentBlock): Html {
  switch (b.kind) {
    case 'paragraph':
      return html`<p>${b.text}</p>`;
    case 'subheading':
      return html`<h3>${b.text}</h3>`;
    case 'fields':
      return html`<table class="fields">
        ${b.rows.map(
          (r) =>
            html`<tr>
              <th scope="row">${r.label}</th>
              <td>${r.value}</td>
            </tr>`,
        )}
      </table>`;
    case 'table':
      return html`<table>
        <thead>
          <tr>
            ${b.columns.map((c) => html`<th scope="col">${c}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${b.rows.map(
            (r) =>
              html`<tr>
                ${r.map((c) => html`<td>${c}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>`;
    case 'list':
      return html`<ol>
        ${b.items.map((i) => html`<li>${i}</li>`)}
      </ol>`;
  }
}

/** The document's print styles: A4 with official margins, Song-style body text, tables that keep their rows whole. */
const REPORT_STYLE = `
  @page { size: A4; margin: 25mm 22mm 22mm 25mm; }
  body { font-family: 'FangSong', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC', 'SimSun', 'Songti SC', serif;
    color: #111; margin: 24px auto; max-width: 170mm; font-size: 15px; line-height: 1.7; }
  h1 { font-family: 'SimHei', 'Heiti SC', 'Noto Sans CJK SC', sans-serif; font-size: 24px; text-align: center; margin: 0 0 8px; }
  .issuer { text-align: center; margin: 0 0 18px; }
  .draft { border: 1px solid #111; padding: 4px 8px; text-align: center; }
  h2 { font-family: 'SimHei', 'Heiti SC', 'Noto Sans CJK SC', sans-serif; font-size: 17px; margin: 20px 0 6px; }
  h3 { font-size: 15px; margin: 12px 0 4px; }
  p { text-indent: 2em; margin: 4px 0; }
  table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0; }
  th, td { border: 1px solid #333; padding: 3px 6px; text-align: left; vertical-align: top; }
  thead th { background: #f0f0f0; }
  table.fields th { width: 7em; white-space: nowrap; background: #f7f7f7; }
  ol { margin: 4px 0 4px 2em; padding: 0; }
  .signature { margin-top: 36px; text-align: right; }
  .signature p { text-indent: 0; }
  @media print {
    body { margin: 0; max-width: none; }
    h2, h3 { break-after: avoid; }
    tr, li { break-inside: avoid; }
    thead { display: table-header-group; }
  }
`;

/**
 * The printable evaluation report (演练评估报告): the evaluation document as one self-contained HTML page with A4 print
 * styles, to print or save as PDF from a browser. Every value is escaped; nothing is loaded from elsewhere.
 */
export function renderEvaluationReport(doc: EvaluationDocument): string {
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <title>${doc.title}</title>
        <style>
          ${new Html(REPORT_STYLE)}
        </style>
      </head>
      <body>
        <h1>${doc.title}</h1>
        <p class="issuer">${doc.issuer}${'\u3000'}${doc.date}</p>
        ${doc.draftNote ? html`<p class="draft">${doc.draftNote}</p>` : ''}
        ${doc.sections.map(
          (s) =>
            html`<section>
              <h2>${s.heading}</h2>
              ${s.blocks.map(block)}
            </section>`,
        )}
        <footer class="signature">
          <p>
            ${doc.signature.label}：${doc.signature.names.length > 0 ? doc.signature.names.join('　') : '＿＿＿＿＿＿'}
          </p>
          <p>${doc.date}</p>
        </footer>
      </body>
    </html>`.markup;
}
