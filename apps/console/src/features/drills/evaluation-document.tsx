import type { DocumentBlock, EvaluationDocument } from '@app/evaluation/contract';

/**
 * The evaluation report rendered in the console from the server's document (GET …/evaluation/document): the same
 * sections the printed HTML report has, as React text — the console's bearer token fetched it, so nothing opens
 * unauthenticated, and no server markup is ever inserted. The print stylesheet prints this element alone, on A4.
 */
export function EvaluationDocumentView({ doc }: { doc: EvaluationDocument }) {
  return (
    <article className="evaluation-document" data-testid="evaluation-document" lang="zh-CN">
      <h1>{doc.title}</h1>
      <p className="evaluation-document-issuer">
        {doc.issuer}
        {'\u3000'}
        {doc.date}
      </p>
      {doc.draftNote && (
        <p className="evaluation-document-draft" data-testid="evaluation-document-draft">
          {doc.draftNote}
        </p>
      )}
      {doc.sections.map((section) => (
        <section key={section.heading}>
          <h2>{section.heading}</h2>
          {section.blocks.map((block, i) => (
            <Block key={i} block={block} />
          ))}
        </section>
      ))}
      <div className="evaluation-document-signature">
        <p>
          {doc.signature.label}：{doc.signature.names.length > 0 ? doc.signature.names.join('　') : '＿＿＿＿＿＿'}
        </p>
        <p>{doc.date}</p>
      </div>
    </article>
  );
}

function Block({ block }: { block: DocumentBlock }) {
  switch (block.kind) {
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'subheading':
      return <h3>{block.text}</h3>;
    case 'fields':
      return (
        <table className="evaluation-document-fields">
          <tbody>
            {block.rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'table':
      return (
        <table>
          <thead>
            <tr>
              {block.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'list':
      return (
        <ol>
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ol>
      );
  }
}
