import type { EnterpriseView, HazardSourceView } from '@app/enterprises/contract';
import type { IncidentView } from '@app/incidents/contract';
import type { ShelterView } from '@app/shelters/contract';
import type { TeamView } from '@app/teams/contract';
import type { WarehouseView } from '@app/warehouses/contract';
import type { WarningView } from '@app/warnings/contract';
import type { Translate } from '../../../i18n';
import { label } from '../../labels/labels';
import { stockStateOf } from './styles';

/**
 * The words on the map's features, in the console's language. Names and titles are typed by people: they are only
 * ever put on screen as text (see `textNode`), so markup in a title shows as the characters typed.
 */
export type Lang = 'zh' | 'en';

/** `name（detail）` in Chinese, `name (detail)` in English. */
function withDetail(name: string, detail: string, lang: Lang): string {
  return lang === 'en' ? `${name} (${detail})` : `${name}（${detail}）`;
}

/** An outline's label: the jurisdiction's name, marked as schematic; its code is never shown. */
export function outlineText(properties: { name?: string } | null | undefined, t: Translate, lang: Lang): string {
  return withDetail(properties?.name ?? '', t('map.schematic'), lang);
}

/** An incident's label: its title and grade; a drill incident says so first. */
export function incidentText(
  incident: Pick<IncidentView, 'title' | 'grade' | 'gradeLabel' | 'drillId'>,
  t: Translate,
  lang: Lang,
): string {
  const title = incident.drillId ? `${t('map.drillMark')}${incident.title}` : incident.title;
  return withDetail(title, label('grade', incident.grade, incident.gradeLabel, lang), lang);
}

/** A team's label: its name and status. */
export function teamText(team: Pick<TeamView, 'name' | 'status' | 'statusLabel'>, lang: Lang): string {
  return withDetail(team.name, label('teamStatus', team.status, team.statusLabel, lang), lang);
}

/** Whether a team is drawn where it last reported from, or at its base (no report carried a position yet). */
export function teamAtBase(team: Pick<TeamView, 'base' | 'location'>): boolean {
  return team.location.lat === team.base.lat && team.location.lng === team.base.lng;
}

/** A warehouse's label: its name and the state of its stock as a whole. */
export function warehouseText(warehouse: Pick<WarehouseView, 'name' | 'stock'>, t: Translate, lang: Lang): string {
  return withDetail(warehouse.name, t(`map.stock.${stockStateOf(warehouse.stock)}`), lang);
}

/** A warning area's label: its level and hazard. */
export function warningText(warning: Pick<WarningView, 'level' | 'levelLabel' | 'hazard'>, lang: Lang): string {
  const level = label('warningLevel', warning.level, warning.levelLabel, lang);
  return lang === 'en' ? `${level}: ${warning.hazard}` : `${level}：${warning.hazard}`;
}

/** An enterprise's label: its name as registered. */
export function enterpriseText(enterprise: Pick<EnterpriseView, 'name'>): string {
  return enterprise.name;
}

/** A major hazard source's label: its name and grade (一级 … 四级). */
export function hazardSourceText(source: Pick<HazardSourceView, 'name' | 'grade'>, t: Translate, lang: Lang): string {
  return source.grade === null ? source.name : withDetail(source.name, t(`map.hazardGrade.${source.grade}`), lang);
}

/**
 * Leaflet treats a string given to a tooltip or popup as HTML. Every label goes in as a DOM node whose text is set as
 * text instead.
 */
export function textNode(text: string, className?: string): HTMLElement {
  const node = document.createElement('span');
  if (className) node.className = className;
  node.textContent = text;
  return node;
}

/** A shelter's label: its name, its capacity and the room left, so the watch reads where people can still go. */
export function shelterText(
  shelter: Pick<ShelterView, 'name' | 'capacity' | 'freeCapacity'>,
  t: Translate,
  lang: Lang,
): string {
  return withDetail(
    shelter.name,
    t('shelters.map.room', { capacity: shelter.capacity, free: shelter.freeCapacity }),
    lang,
  );
}
