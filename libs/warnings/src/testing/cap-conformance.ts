import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  CAP_CATEGORIES,
  CAP_CERTAINTIES,
  CAP_MSG_TYPES,
  CAP_NAMESPACE,
  CAP_RESPONSE_TYPES,
  CAP_SCOPES,
  CAP_SEVERITIES,
  CAP_STATUSES,
  CAP_URGENCIES,
} from '../domain/cap/cap.types';

/**
 * A hand-written check of a document against the structure of the OASIS CAP 1.2 schema (CAP-v1.2.xsd is not in any
 * package available offline): element order of each xs:sequence, required elements, enumerations, the dateTime
 * pattern, identifier characters, reference triples and polygon rings. Returns the problems found (none = conforms)
 * and the parsed document for further assertions. Used by tests only.
 */
const ALERT = [
  'identifier',
  'sender',
  'sent',
  'status',
  'msgType',
  'source',
  'scope',
  'restriction',
  'addresses',
  'code',
  'note',
  'references',
  'incidents',
  'info',
];
const INFO = [
  'language',
  'category',
  'event',
  'responseType',
  'urgency',
  'severity',
  'certainty',
  'audience',
  'eventCode',
  'effective',
  'onset',
  'expires',
  'senderName',
  'headline',
  'description',
  'instruction',
  'web',
  'contact',
  'parameter',
  'resource',
  'area',
];
const AREA = ['areaDesc', 'polygon', 'circle', 'geocode', 'altitude', 'ceiling'];
const REPEATABLE = new Set([
  'code',
  'info',
  'category',
  'responseType',
  'eventCode',
  'parameter',
  'resource',
  'area',
  'polygon',
  'circle',
  'geocode',
]);
const PAIRS = new Set(['eventCode', 'parameter', 'geocode']);
const CAP_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const NO_SPECIALS = /^[^\s,<&]+$/;

type Ordered = Record<string, unknown>[];
export type ParsedCap = {
  alert: Record<string, unknown> & { info: (Record<string, unknown> & { area: Record<string, unknown>[] })[] };
};

export function checkCap12(xml: string): { problems: string[]; document: ParsedCap } {
  const problems: string[] = [];
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true)
    return { problems: [`not well-formed: ${wellFormed.err.msg}`], document: { alert: { info: [] } } };
  const ordered = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    parseTagValue: false,
    trimValues: true,
  }).parse(xml) as Ordered;
  const roots = ordered.filter((node) => !('?xml' in node));
  if (roots.length !== 1 || !('alert' in roots[0]!)) problems.push('the document element must be the one <alert>');
  const root = roots[0] ?? {};
  if ((root[':@'] as Record<string, string> | undefined)?.['@_xmlns'] !== CAP_NAMESPACE)
    problems.push(`alert must be in namespace ${CAP_NAMESPACE}`);
  const alert = (root.alert ?? []) as Ordered;
  checkSequence('alert', alert, ALERT, ['identifier', 'sender', 'sent', 'status', 'msgType', 'scope'], problems);
  const text = (nodes: Ordered, name: string) => nodes.filter((n) => name in n).map((n) => textOf(n[name] as Ordered));
  for (const field of ['identifier', 'sender'])
    for (const v of text(alert, field))
      if (!NO_SPECIALS.test(v)) problems.push(`${field} has spaces, commas, < or &: ${v}`);
  for (const v of text(alert, 'sent')) if (!CAP_TIME.test(v)) problems.push(`sent is not a CAP dateTime: ${v}`);
  enumerated('status', text(alert, 'status'), CAP_STATUSES, problems);
  enumerated('msgType', text(alert, 'msgType'), CAP_MSG_TYPES, problems);
  enumerated('scope', text(alert, 'scope'), CAP_SCOPES, problems);
  if (text(alert, 'scope')[0] === 'Restricted' && text(alert, 'restriction').length === 0)
    problems.push('Restricted scope needs <restriction>');
  if (text(alert, 'scope')[0] === 'Private' && text(alert, 'addresses').length === 0)
    problems.push('Private scope needs <addresses>');
  for (const refs of text(alert, 'references')) {
    for (const triple of refs.split(/\s+/)) {
      const [sender, identifier, sent, extra] = triple.split(',');
      if (!sender || !identifier || !sent || extra !== undefined || !CAP_TIME.test(sent))
        problems.push(`reference is not sender,identifier,sent: ${triple}`);
    }
  }
  for (const info of alert.filter((n) => 'info' in n).map((n) => n.info as Ordered)) {
    checkSequence('info', info, INFO, ['category', 'event', 'urgency', 'severity', 'certainty'], problems);
    enumerated('category', text(info, 'category'), CAP_CATEGORIES, problems);
    enumerated('responseType', text(info, 'responseType'), CAP_RESPONSE_TYPES, problems);
    enumerated('urgency', text(info, 'urgency'), CAP_URGENCIES, problems);
    enumerated('severity', text(info, 'severity'), CAP_SEVERITIES, problems);
    enumerated('certainty', text(info, 'certainty'), CAP_CERTAINTIES, problems);
    for (const field of ['effective', 'onset', 'expires'])
      for (const v of text(info, field)) if (!CAP_TIME.test(v)) problems.push(`${field} is not a CAP dateTime: ${v}`);
    for (const pair of info.filter((n) => [...PAIRS].some((p) => p in n))) checkPair(pair, problems);
    for (const area of info.filter((n) => 'area' in n).map((n) => n.area as Ordered)) {
      checkSequence('area', area, AREA, ['areaDesc'], problems);
      for (const polygon of text(area, 'polygon')) checkPolygon(polygon, problems);
      for (const pair of area.filter((n) => 'geocode' in n)) checkPair(pair, problems);
    }
  }
  const document = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    isArray: (name) => REPEATABLE.has(name),
  }).parse(xml) as ParsedCap;
  return { problems, document };
}

function checkSequence(
  where: string,
  nodes: Ordered,
  order: readonly string[],
  required: readonly string[],
  problems: string[],
): void {
  const names = nodes.flatMap((n) => Object.keys(n).filter((k) => k !== ':@' && k !== '#text'));
  let last = -1;
  for (const name of names) {
    const at = order.indexOf(name);
    if (at === -1) problems.push(`<${where}> has an element CAP 1.2 does not define: <${name}>`);
    else if (at < last) problems.push(`<${where}>: <${name}> is out of schema order`);
    else if (at === last && !REPEATABLE.has(name)) problems.push(`<${where}>: <${name}> may appear once`);
    last = Math.max(last, at);
  }
  for (const name of required) if (!names.includes(name)) problems.push(`<${where}> lacks required <${name}>`);
}

function checkPair(node: Record<string, unknown>, problems: string[]): void {
  const [name, children] = Object.entries(node).find(([k]) => k !== ':@')!;
  const keys = (children as Ordered).flatMap((c) => Object.keys(c));
  if (keys.join() !== 'valueName,value') problems.push(`<${name}> must hold <valueName> then <value>`);
}

function checkPolygon(polygon: string, problems: string[]): void {
  const pairs = polygon.trim().split(/\s+/);
  const points = pairs.map((p) => p.split(',').map(Number));
  const valid = points.every(
    (p) => p.length === 2 && p.every(Number.isFinite) && Math.abs(p[0]!) <= 90 && Math.abs(p[1]!) <= 180,
  );
  if (!valid) problems.push(`polygon is not WGS 84 "lat,lng" pairs: ${polygon}`);
  if (pairs.length < 4) problems.push('polygon needs at least 4 points');
  if (pairs[0] !== pairs[pairs.length - 1]) problems.push('polygon must be closed (first pair = last pair)');
}

function enumerated(name: string, values: string[], allowed: readonly string[], problems: string[]): void {
  for (const v of values) if (!allowed.includes(v)) problems.push(`${name} "${v}" is not one of ${allowed.join('|')}`);
}

function textOf(children: Ordered): string {
  return children.map((c) => (c['#text'] as string | undefined) ?? '').join('');
}
