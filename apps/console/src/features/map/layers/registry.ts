import type { Translate } from '../../../i18n';
import { label } from '../../labels/labels';
import {
  ENTERPRISE_CLASSES,
  ENTERPRISE_STYLES,
  HAZARD_GRADE_CLASSES,
  HAZARD_GRADE_STYLES,
  INCIDENT_CLASSES,
  INCIDENT_STYLES,
  OUTLINE_CLASSES,
  OUTLINE_STYLES,
  SHELTER_CLASSES,
  SHELTER_STYLES,
  TEAM_CLASSES,
  TEAM_STYLES,
  WAREHOUSE_CLASSES,
  WAREHOUSE_STYLES,
  WARNING_CLASSES,
  WARNING_STYLES,
  type FeatureStyle,
} from './styles';
import type { Lang } from './text';

/**
 * The situation map's layers, in the order the panel lists them. A layer names its legend classes from the style
 * table its features are drawn with. A layer whose data has no endpoint yet is declared `pending`: the panel lists it as
 * "暂无数据" and nothing is drawn or invented for it. A context that gains such an endpoint adds its styles, a draw
 * function and a data hook, and drops `pending`.
 */
export type MapLayerId =
  'outlines' | 'incidents' | 'teams' | 'warehouses' | 'warnings' | 'enterprises' | 'hazardSources' | 'shelters';

export interface LegendClass {
  /** The class's code (a grade, a team status, a stock state, a warning level, an outline level). */
  code: string;
  style: FeatureStyle;
  /** The class's name in the console's language. */
  name: (t: Translate, lang: Lang) => string;
}

export interface MapLayerDefinition {
  id: MapLayerId;
  title: `map.layer.${MapLayerId}`;
  classes: readonly LegendClass[];
  /** No endpoint serves this layer's data yet. */
  pending?: true;
}

function classes<C extends string>(
  codes: readonly C[],
  styles: Record<C, FeatureStyle>,
  name: (code: C, t: Translate, lang: Lang) => string,
): LegendClass[] {
  return codes.map((code) => ({ code, style: styles[code], name: (t, lang) => name(code, t, lang) }));
}

export const MAP_LAYERS: readonly MapLayerDefinition[] = [
  {
    id: 'incidents',
    title: 'map.layer.incidents',
    classes: classes(INCIDENT_CLASSES, INCIDENT_STYLES, (c, _t, lang) => label('grade', c, null, lang)),
  },
  {
    id: 'teams',
    title: 'map.layer.teams',
    classes: classes(TEAM_CLASSES, TEAM_STYLES, (c, _t, lang) => label('teamStatus', c, null, lang)),
  },
  {
    id: 'warehouses',
    title: 'map.layer.warehouses',
    classes: classes(WAREHOUSE_CLASSES, WAREHOUSE_STYLES, (c, t) => t(`map.stock.${c}`)),
  },
  {
    id: 'warnings',
    title: 'map.layer.warnings',
    classes: classes(WARNING_CLASSES, WARNING_STYLES, (c, _t, lang) => label('warningLevel', c, null, lang)),
  },
  {
    id: 'outlines',
    title: 'map.layer.outlines',
    classes: classes(OUTLINE_CLASSES, OUTLINE_STYLES, (c, _t, lang) => label('jurisdictionLevel', c, null, lang)),
  },
  {
    id: 'hazardSources',
    title: 'map.layer.hazardSources',
    classes: classes(HAZARD_GRADE_CLASSES, HAZARD_GRADE_STYLES, (c, t) => t(`map.hazardGrade.${c}`)),
  },
  {
    id: 'enterprises',
    title: 'map.layer.enterprises',
    classes: classes(ENTERPRISE_CLASSES, ENTERPRISE_STYLES, (_c, t) => t('map.enterprise.registered')),
  },
  {
    id: 'shelters',
    title: 'map.layer.shelters',
    classes: classes(SHELTER_CLASSES, SHELTER_STYLES, (c, t) => t(`shelters.map.class.${c}`)),
  },
];
