import { XMLBuilder } from 'fast-xml-parser';
import { CAP_NAMESPACE, type CapAlert } from '../../domain/cap/cap.types';

export const CAP_CONTENT_TYPE = 'application/cap+xml; charset=utf-8';

/** Characters XML 1.0 does not allow at all (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone surrogates). */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- the control characters are what this pattern exists to find
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  // Escapes & < > " ' in every text node: a message may say anything.
  processEntities: true,
});

/** Renders one alert as a CAP 1.2 document; keys are built in schema order, which the builder keeps. */
export function renderCapXml(alert: CapAlert): string {
  const { info, ...header } = alert;
  const { area, ...rest } = info;
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    alert: {
      '@_xmlns': CAP_NAMESPACE,
      ...clean(header),
      info: { ...clean(rest), area: clean(area) },
    },
  };
  return builder.build(document) as string;
}

/** Drops absent optionals and characters XML cannot carry, recursively. */
function clean<T extends object>(value: T): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || item === null) continue;
    out[key] = scrub(item);
  }
  return out;
}

function scrub(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(NOT_XML, '');
  if (Array.isArray(value)) return value.map(scrub);
  if (typeof value === 'object' && value !== null) return clean(value);
  return value;
}
