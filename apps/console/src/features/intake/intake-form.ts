import type { MessageKey } from '../../i18n';
import { localInputToShanghaiIso } from '../../time';

// The intake form's fields, their checks in the browser, and the request they become; the screen keeps the layout.
export const FIELDS = [
  'title',
  'category',
  'occurredAt',
  'address',
  'lat',
  'lng',
  'jurisdiction',
  'enterprise',
  'reporterName',
  'reporterPhone',
  'reporterOrganization',
  'deaths',
  'missing',
  'seriousInjuries',
  'minorInjuries',
  'trapped',
  'directLossYuan',
  'description',
] as const;
export type Field = (typeof FIELDS)[number];
export type Values = Record<Field, string>;
export const COUNTS = ['deaths', 'missing', 'seriousInjuries', 'minorInjuries', 'trapped'] as const;

/** Server error paths (problem+json `errors[].path`) → the form field that shows them. */
const PATH_TO_FIELD: Record<string, Field> = {
  title: 'title',
  category: 'category',
  occurredAt: 'occurredAt',
  location: 'address',
  'location.address': 'address',
  'location.lat': 'lat',
  'location.lng': 'lng',
  jurisdiction: 'jurisdiction',
  enterprise: 'enterprise',
  reporter: 'reporterName',
  'reporter.name': 'reporterName',
  'reporter.phone': 'reporterPhone',
  'reporter.organization': 'reporterOrganization',
  casualties: 'deaths',
  'casualties.deaths': 'deaths',
  'casualties.missing': 'missing',
  'casualties.seriousInjuries': 'seriousInjuries',
  'casualties.minorInjuries': 'minorInjuries',
  'casualties.trapped': 'trapped',
  directLossYuan: 'directLossYuan',
  description: 'description',
};

export function fieldOfPath(path: string): Field | undefined {
  return PATH_TO_FIELD[path] ?? PATH_TO_FIELD[path.split('.')[0]!];
}

export function validate(v: Values, t: (k: MessageKey) => string): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  const required: Field[] = [
    'title',
    'category',
    'occurredAt',
    'address',
    'lat',
    'lng',
    'jurisdiction',
    'reporterName',
    'reporterPhone',
    'reporterOrganization',
    'description',
  ];
  for (const f of required) if (!v[f].trim()) errors[f] = t('v.required');
  if (v.title.length > 200) errors.title = t('v.tooLong');
  if (v.occurredAt && !errors.occurredAt) {
    const iso = localInputToShanghaiIso(v.occurredAt);
    if (!iso) errors.occurredAt = t('v.required');
    else if (Date.parse(iso) > Date.now() + 5 * 60_000) errors.occurredAt = t('v.future');
  }
  const num = (s: string) => (s.trim() === '' ? NaN : Number(s));
  if (v.lat.trim() && !errors.lat) {
    const n = num(v.lat);
    if (Number.isNaN(n)) errors.lat = t('v.number');
    else if (n < -90 || n > 90) errors.lat = t('v.lat');
  }
  if (v.lng.trim() && !errors.lng) {
    const n = num(v.lng);
    if (Number.isNaN(n)) errors.lng = t('v.number');
    else if (n < -180 || n > 180) errors.lng = t('v.lng');
  }
  if (v.reporterPhone.trim() && !/^[0-9+\-() ]{3,32}$/.test(v.reporterPhone.trim()))
    errors.reporterPhone = t('v.phone');
  for (const f of [...COUNTS, 'directLossYuan'] as const) {
    if (v[f].trim() === '') continue;
    if (!/^\d+$/.test(v[f].trim())) errors[f] = t('v.integer');
  }
  if (v.description.length > 10_000) errors.description = t('v.tooLong');
  return errors;
}

/** The POST /incidents body for the form's values (already validated). */
export function incidentBody(values: Values) {
  const count = (s: string) => (s.trim() === '' ? 0 : Number(s));
  return {
    title: values.title.trim(),
    category: values.category,
    occurredAt: localInputToShanghaiIso(values.occurredAt),
    location: { address: values.address.trim(), lat: Number(values.lat), lng: Number(values.lng) },
    jurisdiction: values.jurisdiction,
    ...(values.enterprise.trim() ? { enterprise: values.enterprise.trim() } : {}),
    reporter: {
      name: values.reporterName.trim(),
      phone: values.reporterPhone.trim(),
      organization: values.reporterOrganization.trim(),
    },
    casualties: Object.fromEntries(COUNTS.map((c) => [c, count(values[c])])),
    ...(values.directLossYuan.trim() ? { directLossYuan: Number(values.directLossYuan) } : {}),
    description: values.description.trim(),
  };
}
