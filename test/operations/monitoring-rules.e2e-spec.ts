import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { eventually } from '../support/eventually';

interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

interface Panel {
  title?: string;
  type: string;
  datasource?: { type?: string; uid?: string };
  targets?: { expr?: string; refId?: string }[];
}

const root = resolve(__dirname, '../..');
const rules = (
  load(readFileSync(resolve(root, 'infra/monitoring/alerts.yml'), 'utf8')) as { groups: { rules: Rule[] }[] }
).groups.flatMap((g) => g.rules);
const dashboard = JSON.parse(
  readFileSync(resolve(root, 'infra/monitoring/grafana/command-api.dashboard.json'), 'utf8'),
) as { panels: Panel[] };

/** Series Prometheus makes itself for every scrape target, not exposed by the application. */
const PROMETHEUS_SERIES = new Set(['up']);
const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'by', 'without', 'on', 'ignoring', 'inf', 'nan']);

/**
 * The metric names a PromQL expression selects. Strings, label matchers `{…}`, ranges `[…]` and grouping clauses
 * (`by (…)`, `on (…)`…) are cut first; what is left that names something and is not called like a function is a
 * metric. Digits before a name (`1e3`, `15m`) are not names.
 */
function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = [...bare.matchAll(/(?<![\w.:$])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\w:]|\s*\()/g)].map((m) => m[1]!);
  return [...new Set(names.filter((n) => !KEYWORDS.has(n.toLowerCase())))];
}

/** The metric families /metrics declares (`# TYPE name type`), with the series names each one exposes. */
function exposedSeries(text: string): Set<string> {
  const names = new Set<string>();
  for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    names.add(name!);
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${name}${suffix}`);
    if (type === 'summary') for (const suffix of ['_sum', '_count']) names.add(`${name}${suffix}`);
  }
  return names;
}

function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('metric names in PromQL', () => {
  it('finds the selected metrics and nothing else', () => {
    expect(
      metricNamesIn(
        'histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket{method=~"POST|PUT"}[5m]))) > 2',
      ),
    ).toEqual(['http_request_duration_seconds_bucket']);
    expect(
      metricNamesIn(
        'time() - max(scheduled_job_last_success_timestamp_seconds{job="deadline"}) > 3e2 and on (instance) up offset 15m',
      ),
    ).toEqual(['scheduled_job_last_success_timestamp_seconds', 'up']);
  });
});

/**
 * The alert rules and the Grafana dashboard (infra/monitoring) name only metrics the application really exposes, so a
 * renamed metric cannot silently leave an alert that never fires or a panel that stays empty.
 */
describe('alert rules and dashboard against GET /metrics', () => {
  let t: TestApp;
  let scraped: string;
  // The deadline watch ticks often here, so its "last success" gauge has a value to read.
  beforeAll(async () => {
    t = await startTestApp({ DEADLINE_TICK_MS: '200' });
    scraped = await eventually(async () => {
      const text = (await request(t.baseUrl).get('/metrics').expect(200)).text;
      return sample(text, 'scheduled_job_last_success_timestamp_seconds{job="deadline"}') !== undefined && text;
    }, 15_000);
  });
  afterAll(() => t?.close());

  it('exposes readiness, the deadline watch and the database pool', () => {
    expect(sample(scraped, 'command_api_ready')).toBe(1);
    const lastTick = sample(scraped, 'scheduled_job_last_success_timestamp_seconds{job="deadline"}')!;
    expect(Math.abs(lastTick - Date.now() / 1000)).toBeLessThan(600);
    expect(sample(scraped, 'database_pool_max_connections')).toBe(20);
    expect(sample(scraped, 'database_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(0);
    expect(sample(scraped, 'database_pool_waiting_requests')).toBe(0);
  });

  it('every alert has a severity, a summary and a description, and names only exposed metrics', () => {
    const exposed = exposedSeries(scraped);
    expect(rules.length).toBeGreaterThanOrEqual(15);
    const unknown: string[] = [];
    for (const rule of rules) {
      expect(rule.alert).toEqual(expect.any(String));
      expect([rule.alert, rule.labels?.severity]).toEqual([rule.alert, expect.stringMatching(/^(critical|warning)$/)]);
      expect([rule.alert, rule.annotations?.summary]).toEqual([rule.alert, expect.stringMatching(/\S/)]);
      expect([rule.alert, rule.annotations?.description]).toEqual([rule.alert, expect.stringMatching(/\S/)]);
      const names = metricNamesIn(rule.expr);
      expect([rule.alert, names.length > 0]).toEqual([rule.alert, true]);
      for (const name of names)
        if (!exposed.has(name) && !PROMETHEUS_SERIES.has(name)) unknown.push(`${rule.alert}: ${name}`);
    }
    expect(unknown).toEqual([]);
  });

  it('every dashboard panel has a datasource and targets that name only exposed metrics', () => {
    const exposed = exposedSeries(scraped);
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(10);
    const unknown: string[] = [];
    for (const panel of dashboard.panels) {
      expect([panel.title, panel.datasource?.type]).toEqual([panel.title, 'prometheus']);
      expect([panel.title, (panel.targets?.length ?? 0) > 0]).toEqual([panel.title, true]);
      for (const target of panel.targets ?? []) {
        expect([panel.title, target.expr]).toEqual([panel.title, expect.stringMatching(/\S/)]);
        for (const name of metricNamesIn(target.expr!))
          if (!exposed.has(name) && !PROMETHEUS_SERIES.has(name)) unknown.push(`${panel.title}: ${name}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});
