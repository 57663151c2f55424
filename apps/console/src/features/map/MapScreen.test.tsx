import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { EnterpriseView, HazardGrade, HazardSourceView } from '@app/enterprises/contract';
import type { IncidentView } from '@app/incidents/contract';
import type { ShelterView } from '@app/shelters/contract';
import type { TeamStatus, TeamView } from '@app/teams/contract';
import type { WarehouseView } from '@app/warehouses/contract';
import type { WarningLevel, WarningView } from '@app/warnings/contract';
import type { AccidentGrade } from '@app/incidents/contract';
import { publishLive } from '../../app/live-events';
import { translator } from '../../i18n';
import { renderInConsole } from '../../test-support/render';
import type { Session } from '../../ui-types';
import { MAP_LAYERS } from './layers/registry';
import {
  HAZARD_GRADE_CLASSES,
  HAZARD_GRADE_STYLES,
  INCIDENT_CLASSES,
  SHELTER_STYLES,
  TEAM_CLASSES,
  WARNING_CLASSES,
} from './layers/styles';
import { outlineText, teamText } from './layers/text';
import { prefsKey } from './map-prefs';
import { MapScreen } from './MapScreen';

const sessionOf = (id: string): Session => ({
  accessToken: 't',
  expiresAt: '2099-01-01T00:00:00Z',
  user: { id, username: id, displayName: '指挥长', roles: ['commander'], jurisdiction: '640500' },
});
const session = sessionOf('u-commander');

let seq = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;

function incident(grade: AccidentGrade, over: Partial<IncidentView> = {}): IncidentView {
  return {
    id: uuid(),
    title: `事故 ${grade}`,
    category: 'hazardous_chemicals',
    categoryLabel: '危险化学品事故',
    status: 'open',
    grade,
    gradeLabel: grade,
    location: { lat: 37.5, lng: 105.2, address: '中卫工业园区' },
    occurredAt: '2026-12-06T05:00:00Z',
    drillId: null,
    position: '10/10',
    ...over,
  } as IncidentView;
}

function team(status: TeamStatus, over: Partial<TeamView> = {}): TeamView {
  return {
    id: uuid(),
    name: `救援队 ${status}`,
    kind: 'professional',
    kindLabel: '专业救援队伍',
    base: { lat: 37.4, lng: 105.1, address: '驻地' },
    location: { lat: 37.4, lng: 105.1 },
    jurisdiction: '640500',
    jurisdictionName: '中卫市',
    status,
    statusLabel: status,
    position: '10/10',
    ...over,
  } as TeamView;
}

function warehouse(name: string, stock: { belowMinimum: boolean; nearExpiry: boolean }[]): WarehouseView {
  return {
    id: uuid(),
    name,
    level: 'city',
    levelLabel: '市级',
    location: { lat: 37.45, lng: 105.3, address: '中卫市' },
    stock: stock.map((s, i) => ({ materialCode: `m${i}`, materialName: '帐篷', unit: '顶', ...s })),
  } as WarehouseView;
}

function warning(level: WarningLevel, over: Partial<WarningView> = {}): WarningView {
  return {
    id: uuid(),
    level,
    levelLabel: level,
    hazard: `危险化学品泄漏 ${level}`,
    area: {
      description: `石空工业园区周边 ${level}`,
      polygon: [
        { lat: 37.45, lng: 105.6 },
        { lat: 37.5, lng: 105.6 },
        { lat: 37.5, lng: 105.7 },
        { lat: 37.45, lng: 105.6 },
      ],
    },
    message: '撤离',
    expires: '2099-01-01T00:00:00Z',
    status: 'active',
    drillId: null,
    position: '10/10',
    ...over,
  } as WarningView;
}

function enterprise(name: string, over: Partial<EnterpriseView> = {}): EnterpriseView {
  return {
    id: uuid(),
    name,
    creditCode: '91640500MA76XXXX0Q',
    industry: 'hazardous_chemicals',
    industryLabel: '危险化学品',
    jurisdiction: '640500',
    jurisdictionName: '中卫市',
    address: '中卫工业园区',
    location: { lat: 37.52, lng: 105.18 },
    hazardSourceCount: 1,
    highestHazardGrade: 2,
    ...over,
  } as EnterpriseView;
}

function hazardSource(grade: HazardGrade | null, over: Partial<HazardSourceView> = {}): HazardSourceView {
  return {
    id: uuid(),
    enterpriseId: uuid(),
    enterpriseName: '宁夏某化工有限公司',
    name: `液氯储罐区 ${grade ?? 'none'}`,
    unitKind: 'storage',
    unitKindLabel: '储存单元',
    jurisdiction: '640500',
    jurisdictionName: '中卫市',
    location: { lat: 37.53, lng: 105.19 },
    exposedPopulation: 120,
    substances: [],
    sumRatio: grade === null ? 0.4 : 12.5,
    isMajor: grade !== null,
    alpha: 2,
    r: 64.251,
    grade,
    gradeLabel: grade === null ? null : `${grade}级`,
    ...over,
  } as HazardSourceView;
}

function shelter(name: string, capacity: number, occupants: number, over: Partial<ShelterView> = {}): ShelterView {
  return {
    id: uuid(),
    name,
    kind: 'park',
    kindLabel: '公园绿地',
    capacity,
    occupants,
    freeCapacity: capacity - occupants,
    occupancyRate: Math.round((occupants / capacity) * 10000) / 10000,
    facilities: ['water'],
    facilityLabels: ['供水'],
    address: '中卫市沙坡头区',
    location: { lat: 37.51, lng: 105.2 },
    jurisdiction: '640500',
    jurisdictionName: '中卫市',
    incident: null,
    occupancyUpdatedAt: null,
    active: true,
    registeredAt: '2026-12-01T00:00:00Z',
    updatedAt: '2026-12-01T00:00:00Z',
    revision: 1,
    ...over,
  };
}

const OUTLINES: GeoJSON.FeatureCollection = {
  type: 'FeatureCollection',
  features: (['city', 'county', 'park'] as const).map((level, i) => ({
    type: 'Feature',
    properties: { level, name: ['中卫市', '中宁县', '中卫工业园区'][i], code: `64050${i}` },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [105 + i * 0.1, 37],
          [105.5, 37],
          [105.5, 37.6],
          [105 + i * 0.1, 37],
        ],
      ],
    },
  })),
};

interface Answer {
  body: unknown;
  link?: string;
  status?: number;
}

/** Answers the map's requests by exact path (after /api/v1), with a Link header where given; records every path. */
function serve(routes: Record<string, Answer>) {
  const asked: string[] = [];
  globalThis.fetch = ((input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : input, 'http://console.test');
    const path = url.pathname.replace(/^\/api\/v1/, '') + url.search;
    asked.push(path);
    const answer = routes[path];
    if (!answer) return Promise.reject(new Error(`unexpected request ${path}`));
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (answer.link) headers.link = `</api/v1${answer.link}>; rel="next"`;
    return Promise.resolve(new Response(JSON.stringify(answer.body), { status: answer.status ?? 200, headers }));
  }) as typeof fetch;
  return asked;
}

const FIRST = '/incidents?status=open&limit=500';

function mapRoutes(over: Partial<Record<string, Answer>> = {}): Record<string, Answer> {
  return {
    '/console-config.json': { body: { tileUrl: null, timeZone: 'Asia/Shanghai' } },
    '/jurisdictions.geojson': { body: OUTLINES },
    [FIRST]: { body: [] },
    '/teams': { body: [] },
    '/warehouses': { body: [] },
    '/warnings?status=active': { body: [] },
    '/enterprises': { body: [] },
    '/hazard-sources?major=true': { body: [] },
    '/shelters': { body: [] },
    ...(over as Record<string, Answer>),
  };
}

/** The colour as the DOM writes it, so a hex and an rgb() spelling of the same colour compare equal. */
function colour(value: string | null): string {
  const probe = document.createElement('span');
  probe.style.color = value ?? '';
  return probe.style.color;
}

const markers = (layer: string) => document.querySelectorAll(`.map-feature[class*="map-class-${layer}-"]`);
const labels = (layer: string) => [...document.querySelectorAll(`.map-label-${layer}`)].map((l) => l.textContent);

describe('the situation map', () => {
  it('colours each legend swatch exactly as the markers and areas of its class are drawn', async () => {
    serve(
      mapRoutes({
        [FIRST]: { body: INCIDENT_CLASSES.map((g) => incident(g)) },
        '/teams': { body: TEAM_CLASSES.map((s) => team(s)) },
        '/warehouses': {
          body: [
            warehouse('低储备库', [{ belowMinimum: true, nearExpiry: true }]),
            warehouse('近效期库', [{ belowMinimum: false, nearExpiry: true }]),
            warehouse('正常库', [{ belowMinimum: false, nearExpiry: false }]),
          ],
        },
        '/warnings?status=active': { body: WARNING_CLASSES.map((l) => warning(l)) },
        '/enterprises': { body: [enterprise('宁夏某化工有限公司')] },
        '/hazard-sources?major=true': { body: HAZARD_GRADE_CLASSES.map((g) => hazardSource(Number(g) as HazardGrade)) },
        '/shelters': {
          body: [shelter('满员场所', 100, 100), shelter('将满场所', 100, 85), shelter('空场所', 100, 10)],
        },
      }),
    );
    renderInConsole(<MapScreen session={session} />);
    await waitFor(() => expect(markers('incidents')).toHaveLength(4));
    await waitFor(() => expect(markers('enterprises')).toHaveLength(1));
    await waitFor(() => expect(markers('hazardSources')).toHaveLength(4));
    await waitFor(() => expect(markers('outlines')).toHaveLength(3));
    await waitFor(() => expect(markers('warnings')).toHaveLength(4));
    await waitFor(() => expect(markers('teams')).toHaveLength(TEAM_CLASSES.length));
    await waitFor(() => expect(markers('warehouses')).toHaveLength(3));
    await waitFor(() => expect(markers('shelters')).toHaveLength(3));
    let compared = 0;
    for (const layer of MAP_LAYERS.filter((l) => !l.pending)) {
      const fills = new Set<string>();
      for (const cls of layer.classes) {
        const swatch = screen.getByTestId(`legend-${layer.id}-${cls.code}`);
        const drawn = document.querySelector(`.map-class-${layer.id}-${cls.code}`);
        expect(drawn, `${layer.id}/${cls.code} drawn`).not.toBeNull();
        if (cls.style.shape === 'area' || cls.style.shape === 'line') {
          // Areas and outlines are SVG paths: their fill and stroke attributes.
          expect(colour(drawn!.getAttribute('fill'))).toBe(colour(swatch.style.backgroundColor));
          expect(colour(drawn!.getAttribute('stroke'))).toBe(colour(swatch.style.borderColor));
        } else {
          const marker = drawn!.querySelector<HTMLElement>('.map-marker-swatch')!;
          expect(colour(marker.style.backgroundColor)).toBe(colour(swatch.style.backgroundColor));
          expect(colour(marker.style.borderColor)).toBe(colour(swatch.style.borderColor));
        }
        fills.add(colour(swatch.style.backgroundColor));
        compared++;
      }
      // Within one layer no two classes share a colour, or the legend could not tell them apart.
      expect(fills.size).toBe(layer.classes.length);
    }
    expect(compared).toBe(4 + TEAM_CLASSES.length + 3 + 4 + 3 + 4 + 1 + 3);
  });

  it('labels every feature with its name and state as text, markup in a title included', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">储罐泄漏';
    const moved = team('en_route', { name: '中卫市危化救援队', location: { lat: 37.6, lng: 105.4 } });
    serve(
      mapRoutes({
        [FIRST]: { body: [incident('major', { title: hostile, gradeLabel: '较大事故' })] },
        '/teams': { body: [moved] },
        '/warehouses': { body: [warehouse('中卫市应急物资储备库', [{ belowMinimum: true, nearExpiry: false }])] },
        '/warnings?status=active': {
          body: [
            warning('orange', { hazard: '氯气泄漏' }),
            warning('yellow', { hazard: '大风', area: { description: '海原县全境', polygon: null } }),
          ],
        },
      }),
    );
    const { container } = renderInConsole(<MapScreen session={session} />);
    await waitFor(() => expect(labels('incidents')).toEqual([`${hostile}（较大事故）`]));
    expect(container.querySelector('img')).toBeNull();
    expect(document.querySelector('.leaflet-pane img')).toBeNull();
    await waitFor(() => expect(labels('teams')).toEqual(['中卫市危化救援队（途中）']));
    await waitFor(() => expect(labels('warehouses')).toEqual(['中卫市应急物资储备库（低于储备下限）']));
    await waitFor(() => expect(labels('warnings')).toEqual(['橙色预警：氯气泄漏']));
    expect(labels('outline')).toEqual(['中宁县（示意）']);
    // A warning without a drawn area is listed with its description instead.
    expect(screen.getByTestId('map-warnings-without-area').textContent).toContain('黄色预警：大风：海原县全境');
    // Every layer is served now: none says it has no data.
    expect(MAP_LAYERS.filter((l) => l.pending)).toEqual([]);
    expect(document.querySelector('[data-testid^="map-pending-"]')).toBeNull();
  });

  it('draws shelters with their capacity and free room as text, coloured by how full they are', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">体育场';
    const park = shelter('沙坡头公园', 2000, 1900, {
      incident: { id: uuid(), title: '园区储罐泄漏' },
    });
    serve(
      mapRoutes({
        '/shelters': {
          body: [
            park,
            shelter(hostile, 500, 0),
            // Out of use: not drawn, not counted.
            shelter('停用场所', 100, 0, { active: false }),
          ],
        },
      }),
    );
    const { container } = renderInConsole(<MapScreen session={session} />);
    await waitFor(() =>
      expect(labels('shelters').sort()).toEqual(
        [`${hostile}（可容纳 500 人，尚可容纳 500 人）`, '沙坡头公园（可容纳 2000 人，尚可容纳 100 人）'].sort(),
      ),
    );
    expect(container.querySelector('img')).toBeNull();
    expect(document.querySelector('.leaflet-pane img')).toBeNull();
    expect(screen.getByTestId('map-count-shelters').textContent).toBe('2 个');
    // 95 % full: amber, the legend's 接近满员.
    const swatch = document.querySelector<HTMLElement>('.map-class-shelters-filling .map-marker-swatch')!;
    expect(colour(swatch.style.backgroundColor)).toBe(colour(SHELTER_STYLES.filling.fill));
    expect(screen.getByTestId('legend-shelters-filling').parentElement!.textContent).toBe('接近满员（≥80%）');
    expect(document.querySelector('.map-class-shelters-room')).not.toBeNull();
    fireEvent.click(document.querySelector('.map-class-shelters-filling')!);
    const link = await waitFor(() => {
      const a = document.querySelector<HTMLAnchorElement>('.map-popup-link');
      expect(a).not.toBeNull();
      return a!;
    });
    expect(link.getAttribute('href')).toBe(`/shelters/${park.id}`);
    expect(link.parentElement!.textContent).toContain('现安置 1900 人');
    expect(link.parentElement!.textContent).toContain('园区储罐泄漏');
  });

  it('draws enterprises by name and major hazard sources by grade, with popups linking to their pages', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">化工';
    const chlorine = hazardSource(1, { name: '液氯储罐区' });
    serve(
      mapRoutes({
        '/enterprises': { body: [enterprise(hostile)] },
        '/hazard-sources?major=true': {
          body: [
            hazardSource(4, { name: '汽油罐区' }),
            chlorine,
            // A unit below Σq/Q = 1 is no major hazard source and is not drawn, whatever the server sends.
            hazardSource(null, { name: '小型仓库' }),
          ],
        },
      }),
    );
    const { container } = renderInConsole(<MapScreen session={session} />);
    await waitFor(() => expect(labels('enterprises')).toEqual([hostile]));
    expect(container.querySelector('img')).toBeNull();
    await waitFor(() => expect(labels('hazardSources')).toEqual(['液氯储罐区（一级）', '汽油罐区（四级）']));
    expect(screen.getByTestId('map-count-hazardSources').textContent).toBe('2 个');
    // The grade's colour is the style table's: 一级 red, 四级 blue.
    const swatch = document.querySelector<HTMLElement>('.map-class-hazardSources-1 .map-marker-swatch')!;
    expect(colour(swatch.style.backgroundColor)).toBe(colour(HAZARD_GRADE_STYLES['1'].fill));
    expect(screen.getByTestId('legend-hazardSources-1').parentElement!.textContent).toBe('一级');
    expect(screen.getByTestId('legend-hazardSources-4').parentElement!.textContent).toBe('四级');
    fireEvent.click(markers('hazardSources')[0]!);
    const link = await waitFor(() => {
      const a = document.querySelector<HTMLAnchorElement>('.map-popup-link');
      expect(a).not.toBeNull();
      return a!;
    });
    expect(link.textContent).toBe('查看重大危险源');
    expect(link.getAttribute('href')).toBe(`/hazard-sources/${chlorine.id}`);
    expect(link.parentElement!.textContent).toContain('Σq/Q = 12.5，R = 64.25');
    fireEvent.click(link);
    expect(window.location.pathname).toBe(`/hazard-sources/${chlorine.id}`);
  });

  it('follows the Link header until every open incident is on the map, and asks for drill incidents only when chosen', async () => {
    const page1 = [incident('general'), incident('major')];
    const page2 = [incident('serious')];
    const drill = incident('general', { title: '演练：储罐泄漏', drillId: uuid() });
    const second = `${FIRST}&cursor=abc`;
    const asked = serve(
      mapRoutes({
        [FIRST]: { body: page1, link: second },
        [second]: { body: page2 },
        '/incidents?status=open&limit=500&drill=drill': { body: [drill] },
      }),
    );
    renderInConsole(<MapScreen session={session} />);
    await waitFor(() => expect(markers('incidents')).toHaveLength(3));
    expect(screen.getByTestId('map-count-incidents').textContent).toBe('3 个');
    expect(asked.filter((p) => p.startsWith('/incidents'))).toEqual([FIRST, second]);
    await userEvent.selectOptions(screen.getByTestId('map-drill-filter'), 'drill');
    await waitFor(() => expect(labels('incidents')).toEqual(['【演练】演练：储罐泄漏（一般事故）']));
    expect(asked).toContain('/incidents?status=open&limit=500&drill=drill');
  });

  it('switches layers off and on, and remembers the choice for the same user only', async () => {
    serve(mapRoutes({ '/teams': { body: [team('available')] }, [FIRST]: { body: [incident('general')] } }));
    const first = renderInConsole(<MapScreen session={session} />);
    await waitFor(() => expect(markers('teams')).toHaveLength(1));
    await userEvent.click(screen.getByTestId('map-toggle-teams'));
    await waitFor(() => expect(markers('teams')).toHaveLength(0));
    expect(markers('incidents')).toHaveLength(1);
    // Redrawn, not drawn twice: one label per feature.
    expect(labels('incidents')).toHaveLength(1);
    expect(labels('teams')).toHaveLength(0);
    expect((JSON.parse(localStorage.getItem(prefsKey(session.user.id))!) as { hidden: string[] }).hidden).toEqual([
      'teams',
    ]);
    first.unmount();

    // The same user comes back: teams stay off and are not even asked for.
    const asked = serve(
      mapRoutes({ '/teams': { body: [team('available')] }, [FIRST]: { body: [incident('general')] } }),
    );
    const again = renderInConsole(<MapScreen session={session} />);
    await waitFor(() => expect(markers('incidents')).toHaveLength(1));
    expect((screen.getByTestId('map-toggle-teams') as HTMLInputElement).checked).toBe(false);
    expect(markers('teams')).toHaveLength(0);
    expect(asked).not.toContain('/teams');
    await userEvent.click(screen.getByTestId('map-toggle-teams'));
    await waitFor(() => expect(markers('teams')).toHaveLength(1));
    await userEvent.click(screen.getByTestId('map-toggle-teams'));
    again.unmount();

    // Another user at the same browser gets the default map.
    serve(mapRoutes({ '/teams': { body: [team('available')] } }));
    renderInConsole(<MapScreen session={sessionOf('u-other')} />);
    await waitFor(() => expect(markers('teams')).toHaveLength(1));
    expect((screen.getByTestId('map-toggle-teams') as HTMLInputElement).checked).toBe(true);
  });

  it('moves, adds and removes features as live deltas arrive', async () => {
    const open = incident('general', { title: '仓库起火' });
    const crew = team('available', { name: '沙坡头区消防救援队' });
    const area = warning('red', { hazard: '山洪' });
    serve(
      mapRoutes({ [FIRST]: { body: [open] }, '/teams': { body: [crew] }, '/warnings?status=active': { body: [area] } }),
    );
    renderInConsole(<MapScreen session={session} />);
    await waitFor(() => expect(labels('incidents')).toEqual(['仓库起火（一般事故）']));
    await waitFor(() => expect(markers('warnings')).toHaveLength(1));
    await waitFor(() => expect(markers('teams')).toHaveLength(1));

    act(() => {
      publishLive('incident.changed', { position: '11/11', data: { ...open, grade: 'major', position: '11/11' } });
      publishLive('incident.changed', {
        position: '12/12',
        data: incident('serious', { title: '新接报事故', position: '12/12' }),
      });
      publishLive('team.changed', {
        position: '13/13',
        data: { ...crew, status: 'en_route', location: { lat: 37.6, lng: 105.5 }, position: '13/13' },
      });
    });
    await waitFor(() => expect(labels('incidents').sort()).toEqual(['仓库起火（较大事故）', '新接报事故（重大事故）']));
    await waitFor(() => expect(labels('teams')).toEqual(['沙坡头区消防救援队（途中）']));
    expect(document.querySelector('.map-class-teams-en_route')).not.toBeNull();

    act(() => {
      publishLive('incident.changed', { position: '14/14', data: { ...open, status: 'closed', position: '14/14' } });
      publishLive('warning.changed', { position: '15/15', data: { ...area, status: 'lifted', position: '15/15' } });
      // A drill incident does not join the real map.
      publishLive('incident.changed', {
        position: '16/16',
        data: incident('general', { drillId: uuid(), position: '16/16' }),
      });
    });
    await waitFor(() => expect(labels('incidents')).toEqual(['新接报事故（重大事故）']));
    await waitFor(() => expect(markers('warnings')).toHaveLength(0));
  });

  it('opens a popup with a link to the incident workspace when a marker is clicked', async () => {
    const open = incident('serious', { title: '危化品运输车侧翻' });
    serve(mapRoutes({ [FIRST]: { body: [open] } }));
    renderInConsole(<MapScreen session={session} />);
    await waitFor(() => expect(markers('incidents')).toHaveLength(1));
    fireEvent.click(markers('incidents')[0]!);
    const link = await waitFor(() => {
      const a = document.querySelector<HTMLAnchorElement>('.map-popup-link');
      expect(a).not.toBeNull();
      return a!;
    });
    expect(link.textContent).toBe('打开事故工作台');
    expect(link.getAttribute('href')).toBe(`/incidents/${open.id}`);
    fireEvent.click(link);
    expect(window.location.pathname).toBe(`/incidents/${open.id}`);
  });

  it('labels outlines by name marked schematic, and teams with their status, in both languages', () => {
    const outline = { name: '中宁县', code: '640521', level: 'county' };
    expect(outlineText(outline, translator('zh'), 'zh')).toBe('中宁县（示意）');
    expect(outlineText(outline, translator('en'), 'en')).toBe('中宁县 (schematic)');
    const crew = team('en_route', { name: '中卫市危化救援队' });
    expect(teamText(crew, 'zh')).toBe('中卫市危化救援队（途中）');
    expect(teamText(crew, 'en')).toBe('中卫市危化救援队 (En route)');
  });

  it('says in words when the outlines cannot be loaded, and a layer that cannot be read says so', async () => {
    for (const [lang, text] of [
      ['zh', '辖区轮廓未能加载，地图上仅显示标记'],
      ['en', 'The jurisdiction outlines could not be loaded; the map shows the markers only'],
    ] as const) {
      const routes = mapRoutes({
        '/warnings?status=active': { status: 403, body: { code: 'FORBIDDEN', status: 403, title: 'Forbidden' } },
      });
      delete routes['/jurisdictions.geojson'];
      serve(routes);
      const { unmount } = renderInConsole(<MapScreen session={session} />, { lang });
      await waitFor(() => expect(screen.getByTestId('map-outline-error').textContent).toBe(text));
      await waitFor(() => expect(screen.getByTestId('map-error-warnings')).toBeTruthy());
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(translator(lang)('map.title'));
      unmount();
    }
  });
});
