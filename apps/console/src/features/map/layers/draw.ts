import L from 'leaflet';
import type { EnterpriseView, HazardSourceView } from '@app/enterprises/contract';
import type { IncidentView } from '@app/incidents/contract';
import type { ShelterView } from '@app/shelters/contract';
import type { TeamView } from '@app/teams/contract';
import type { WarehouseView } from '@app/warehouses/contract';
import type { WarningView } from '@app/warnings/contract';
import type { Translate } from '../../../i18n';
import { formatTime } from '../../../time';
import { label } from '../../labels/labels';
import {
  ENTERPRISE_STYLES,
  HAZARD_GRADE_STYLES,
  INCIDENT_STYLES,
  OUTLINE_STYLES,
  SHELTER_STYLES,
  TEAM_STYLES,
  WAREHOUSE_STYLES,
  WARNING_STYLES,
  outlineLevelOf,
  shelterClassOf,
  stockStateOf,
  type FeatureStyle,
} from './styles';
import {
  enterpriseText,
  hazardSourceText,
  incidentText,
  outlineText,
  shelterText,
  teamAtBase,
  teamText,
  textNode,
  warehouseText,
  warningText,
  type Lang,
} from './text';

/**
 * Drawing each layer's features with Leaflet, for the situation map and any other map of the console (the replay
 * draws the same incidents and teams). Every function clears nothing: it adds to the group it is given, which the
 * caller empties and refills when the data change.
 */
export interface DrawContext {
  t: Translate;
  lang: Lang;
  /** Labels shown all the time (true) or when the pointer rests on the feature (false). */
  permanentLabels: boolean;
  /** Follows a popup's link inside the console (without reloading the page). */
  open: (path: string) => void;
  /** The renderer for areas (SVG, so every area is an element the pointer and tests reach). */
  renderer?: L.Renderer;
}

/** The CSS class naming a feature's layer and class, the same the legend's swatch is found by. */
export function featureClass(layer: string, cls: string): string {
  return `map-feature map-class-${layer}-${cls}`;
}

/**
 * A point marker drawn from the style table: a shaped swatch whose colours are set as properties of its element
 * (not an HTML string), the same colours the legend's swatch gets.
 */
class SwatchIcon extends L.DivIcon {
  constructor(
    private readonly style: FeatureStyle,
    className: string,
  ) {
    super({ className: `map-marker map-marker-${style.shape} ${className}`, iconSize: [style.size, style.size] });
  }

  override createIcon(oldIcon?: HTMLElement): HTMLElement {
    const div = super.createIcon(oldIcon);
    const swatch = document.createElement('span');
    swatch.className = 'map-marker-swatch';
    applySwatchStyle(swatch, this.style);
    div.replaceChildren(swatch);
    return div;
  }
}

/** Colours a swatch element from a style (the marker's and the legend's swatches both go through here). */
export function applySwatchStyle(element: HTMLElement, style: FeatureStyle): void {
  element.style.backgroundColor = style.fill;
  element.style.borderColor = style.stroke;
}

/**
 * A label hidden because it would cover a more important one (see `declutterLabels`) still shows while the pointer
 * rests on its feature.
 */
function showLabelOnHover(layer: L.Layer): void {
  layer.on('mouseover', () => layer.getTooltip()?.getElement()?.classList.add('map-label-hover'));
  layer.on('mouseout', () => layer.getTooltip()?.getElement()?.classList.remove('map-label-hover'));
}

/** The order in which labels claim their place: a label overlapping one earlier in this list is hidden. */
const LABEL_PRIORITY = [
  'incidents',
  'hazardSources',
  'teams',
  'shelters',
  'warehouses',
  'enterprises',
  'warnings',
  'outline',
];

/**
 * Hides each permanent label that would overlap one of higher priority (incidents first, outlines last), so that the
 * labels on screen stay readable where features crowd together; zooming in separates them and shows them again.
 */
export function declutterLabels(container: HTMLElement): void {
  const kept: DOMRect[] = [];
  for (const layer of LABEL_PRIORITY) {
    for (const label of container.querySelectorAll<HTMLElement>(`.leaflet-tooltip.map-label-${layer}`)) {
      label.classList.remove('map-label-crowded');
      // A label of a feature just removed fades out (opacity 0) before it leaves: it claims no place.
      if (label.style.opacity === '0') continue;
      const box = label.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const overlaps = kept.some(
        (k) => box.left < k.right && k.left < box.right && box.top < k.bottom && k.top < box.bottom,
      );
      if (overlaps) label.classList.add('map-label-crowded');
      else kept.push(box);
    }
  }
}

/** A popup's content: a heading, a few lines and a link to the feature's page in the console, all as text. */
export function popupNode(
  heading: string,
  lines: readonly string[],
  link: { text: string; path: string },
  open: (path: string) => void,
): HTMLElement {
  const box = document.createElement('div');
  box.className = 'map-popup';
  const title = document.createElement('strong');
  title.textContent = heading;
  box.append(title);
  for (const line of lines) {
    const p = document.createElement('div');
    p.textContent = line;
    box.append(p);
  }
  const a = document.createElement('a');
  a.setAttribute('href', link.path);
  a.className = 'map-popup-link';
  a.textContent = link.text;
  a.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    open(link.path);
  });
  box.append(a);
  return box;
}

function pointMarker(
  group: L.LayerGroup,
  at: { lat: number; lng: number },
  style: FeatureStyle,
  layer: string,
  cls: string,
  text: string,
  popup: HTMLElement,
  ctx: DrawContext,
  id: string,
): L.Marker {
  const marker = L.marker([at.lat, at.lng], {
    icon: new SwatchIcon(style, featureClass(layer, cls)),
    keyboard: true,
    title: text,
    riseOnHover: true,
  });
  marker.on('add', () => marker.getElement()?.setAttribute('data-feature-id', id));
  marker
    .bindTooltip(textNode(text), {
      permanent: ctx.permanentLabels,
      direction: 'right',
      offset: [style.size / 2, 0],
      className: `map-label map-label-${layer}`,
    })
    .bindPopup(popup)
    .addTo(group);
  showLabelOnHover(marker);
  return marker;
}

/** 特别重大 > 重大 > 较大 > 一般: a lower number claims its label's place first. */
const GRADE_RANK: Record<string, number> = { especially_serious: 0, serious: 1, major: 2, general: 3 };

/**
 * The incidents in the order their labels claim a place on a crowded map: the graver grade first, then open before
 * closed, then the newer. Labels are decluttered in the order they are drawn, so the graver incident's name stays
 * readable where a lesser one sits beside it.
 */
export function incidentsByLabelPriority<T extends Pick<IncidentView, 'grade' | 'status' | 'occurredAt'>>(
  incidents: readonly T[],
): T[] {
  const rank = (i: T) => GRADE_RANK[i.grade] ?? Object.keys(GRADE_RANK).length;
  return [...incidents].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      Number(b.status === 'open') - Number(a.status === 'open') ||
      Date.parse(b.occurredAt) - Date.parse(a.occurredAt),
  );
}

export function drawIncidents(group: L.LayerGroup, incidents: readonly IncidentView[], ctx: DrawContext): void {
  for (const incident of incidentsByLabelPriority(incidents)) {
    const style = INCIDENT_STYLES[incident.grade] ?? INCIDENT_STYLES.general;
    const text = incidentText(incident, ctx.t, ctx.lang);
    const lines = [
      label('category', incident.category, incident.categoryLabel, ctx.lang),
      incident.location.address,
      formatTime(incident.occurredAt),
    ];
    const path = `/incidents/${incident.id}`;
    pointMarker(
      group,
      incident.location,
      style,
      'incidents',
      incident.grade,
      text,
      popupNode(text, lines, { text: ctx.t('map.open.incident'), path }, ctx.open),
      ctx,
      incident.id,
    );
  }
}

export function drawTeams(group: L.LayerGroup, teams: readonly TeamView[], ctx: DrawContext): void {
  for (const team of teams) {
    const style = TEAM_STYLES[team.status] ?? TEAM_STYLES.available;
    const text = teamText(team, ctx.lang);
    const where = teamAtBase(team) ? ctx.t('map.location.base') : ctx.t('map.location.reported');
    const lines = [label('teamKind', team.kind, team.kindLabel, ctx.lang), where, team.jurisdictionName];
    pointMarker(
      group,
      team.location,
      style,
      'teams',
      team.status,
      text,
      popupNode(text, lines, { text: ctx.t('map.open.team'), path: '/teams' }, ctx.open),
      ctx,
      team.id,
    );
  }
}

export function drawWarehouses(group: L.LayerGroup, warehouses: readonly WarehouseView[], ctx: DrawContext): void {
  for (const warehouse of warehouses) {
    const state = stockStateOf(warehouse.stock);
    const text = warehouseText(warehouse, ctx.t, ctx.lang);
    const concerns = warehouse.stock
      .filter((l) => l.belowMinimum || l.nearExpiry)
      .map((l) => {
        const name = label('material', l.materialCode, l.materialName, ctx.lang);
        const why = l.belowMinimum ? ctx.t('map.stock.below_minimum') : ctx.t('map.stock.expiring');
        return ctx.lang === 'en' ? `${name}: ${why}` : `${name}：${why}`;
      });
    const lines = [
      label('warehouseLevel', warehouse.level, warehouse.levelLabel, ctx.lang),
      warehouse.location.address,
      ...concerns,
    ];
    pointMarker(
      group,
      warehouse.location,
      WAREHOUSE_STYLES[state],
      'warehouses',
      state,
      text,
      popupNode(text, lines, { text: ctx.t('map.open.warehouse'), path: '/stock' }, ctx.open),
      ctx,
      warehouse.id,
    );
  }
}

export function drawEnterprises(group: L.LayerGroup, enterprises: readonly EnterpriseView[], ctx: DrawContext): void {
  for (const enterprise of enterprises) {
    const text = enterpriseText(enterprise);
    const lines = [enterprise.industryLabel, enterprise.address, enterprise.jurisdictionName];
    const path = `/enterprises/${enterprise.id}`;
    pointMarker(
      group,
      enterprise.location,
      ENTERPRISE_STYLES.registered,
      'enterprises',
      'registered',
      text,
      popupNode(text, lines, { text: ctx.t('map.open.enterprise'), path }, ctx.open),
      ctx,
      enterprise.id,
    );
  }
}

/**
 * Emergency shelters by how full they are; the label says the capacity and the room left, the popup also the kind,
 * the people sheltered now and the incident they belong to. A shelter taken out of use is not drawn.
 */
export function drawShelters(group: L.LayerGroup, shelters: readonly ShelterView[], ctx: DrawContext): void {
  for (const shelter of shelters) {
    if (!shelter.active) continue;
    const cls = shelterClassOf(shelter);
    const text = shelterText(shelter, ctx.t, ctx.lang);
    const lines = [
      ctx.t(`shelters.kind.${shelter.kind}`),
      ctx.t('shelters.map.occupants', { n: shelter.occupants }),
      ...(shelter.incident ? [shelter.incident.title] : []),
      shelter.address,
    ];
    const path = `/shelters/${shelter.id}`;
    pointMarker(
      group,
      shelter.location,
      SHELTER_STYLES[cls],
      'shelters',
      cls,
      text,
      popupNode(text, lines, { text: ctx.t('shelters.map.open'), path }, ctx.open),
      ctx,
      shelter.id,
    );
  }
}

/**
 * Major hazard sources by grade, the graver first so that their labels keep their place where sources crowd (an
 * industrial park). A unit below the threshold (no grade) is not a major hazard source and is not drawn.
 */
export function drawHazardSources(group: L.LayerGroup, sources: readonly HazardSourceView[], ctx: DrawContext): void {
  const graded = sources.filter((s) => s.isMajor && s.grade !== null).sort((a, b) => a.grade! - b.grade!);
  for (const source of graded) {
    const cls = `${source.grade!}` as const;
    const text = hazardSourceText(source, ctx.t, ctx.lang);
    const lines = [
      source.enterpriseName,
      ctx.t('map.hazard.figures', { sum: formatFigure(source.sumRatio), r: formatFigure(source.r) }),
    ];
    const path = `/hazard-sources/${source.id}`;
    pointMarker(
      group,
      source.location,
      HAZARD_GRADE_STYLES[cls],
      'hazardSources',
      cls,
      text,
      popupNode(text, lines, { text: ctx.t('map.open.hazardSource'), path }, ctx.open),
      ctx,
      source.id,
    );
  }
}

/** Σq/Q and R as the registers print them: at most two decimals. */
function formatFigure(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Warnings whose area has a polygon are drawn as translucent areas; the others are listed by their description. */
export function drawWarnings(group: L.LayerGroup, warnings: readonly WarningView[], ctx: DrawContext): void {
  for (const warning of warnings) {
    const polygon = warning.area.polygon;
    if (!polygon || polygon.length < 3) continue;
    const style = WARNING_STYLES[warning.level] ?? WARNING_STYLES.blue;
    const text = warningText(warning, ctx.lang);
    const lines = [
      warning.area.description,
      warning.message,
      ctx.t('map.expires', { at: formatTime(warning.expires) }),
    ];
    const area = L.polygon(
      polygon.map((p) => [p.lat, p.lng] as [number, number]),
      {
        renderer: ctx.renderer,
        className: featureClass('warnings', warning.level),
        color: style.stroke,
        fillColor: style.fill,
        fillOpacity: 0.28,
        weight: 2,
      },
    );
    area
      .bindTooltip(textNode(text), {
        permanent: ctx.permanentLabels,
        direction: 'center',
        className: 'map-label map-label-warnings',
      })
      .bindPopup(popupNode(text, lines, { text: ctx.t('map.open.warning'), path: '/warnings' }, ctx.open))
      .addTo(group);
    showLabelOnHover(area);
  }
}

/** The schematic outlines, each labelled with its name marked 示意. */
export function drawOutlines(
  group: L.LayerGroup,
  geo: GeoJSON.FeatureCollection,
  ctx: Pick<DrawContext, 't' | 'lang'>,
  /** A map pane below the overlay pane, so that warnings' areas drawn earlier or later stay on top of the outlines. */
  pane?: string,
): L.GeoJSON {
  const layer = L.geoJSON<{ level?: string; name?: string }>(geo, {
    ...(pane ? { pane } : {}),
    style: (f) => {
      const level = outlineLevelOf(f?.properties?.level);
      const style = OUTLINE_STYLES[level];
      return {
        className: featureClass('outlines', level),
        color: style.stroke,
        fillColor: style.fill,
        weight: level === 'city' ? 3 : 1.5,
        dashArray: '6 4',
        fillOpacity: level === 'city' ? 0.02 : 0.05,
      };
    },
    onEachFeature: (f, l) => {
      // The city's outline surrounds all others and parks sit where incidents and teams crowd: their names show on
      // hover; counties keep theirs on the map.
      const permanent = outlineLevelOf(f.properties?.level) === 'county';
      l.bindTooltip(textNode(outlineText(f.properties, ctx.t, ctx.lang)), {
        permanent,
        sticky: !permanent,
        direction: 'center',
        className: 'map-label map-label-outline',
      });
    },
  });
  layer.addTo(group);
  return layer;
}
