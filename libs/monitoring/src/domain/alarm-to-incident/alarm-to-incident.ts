import { rankTeams, SPECIALTIES_BY_CATEGORY, type Point } from '@app/dispatch/domain';
import type { EnterpriseIndustry, EnterpriseView, HazardSourceView } from '@app/enterprises/contract';
import type { IncidentCategory } from '@app/incidents/contract';
import type { Specialty, TeamKind } from '@app/teams/contract';
import type { IncidentIntakeDraft, MonitoringAlarmContext, SensorBand, SensorView } from '../../contract';

/**
 * From a monitoring alarm to an incident intake (从告警到事故接报): what the duty officer is shown to judge the alarm and
 * the first values of the intake form. Pure: the application layer reads the registers and hands the facts in. Nothing
 * here files an incident; a person reviews the draft and submits it (docs/monitoring.md, "从告警到事故").
 */

/**
 * The incident category an accident at a unit of this industry is filed under. Coal mines (煤矿) and non-coal mines
 * (非煤矿山) are categories of their own, as the statistics and targets count them apart (docs/adr/0016); 冶金 is one of the 工贸 industries; fireworks (烟花爆竹) are explosives, supervised and counted with hazardous
 * chemicals, and the category list has no line of their own.
 */
export const INDUSTRY_INCIDENT_CATEGORY: Readonly<Record<EnterpriseIndustry, IncidentCategory>> = {
  hazardous_chemicals: 'hazardous_chemicals',
  coal_mine: 'coal_mine',
  non_coal_mine: 'non_coal_mine',
  fireworks: 'hazardous_chemicals',
  metallurgy: 'industry_trade',
  industry_trade: 'industry_trade',
  construction: 'construction',
  gas: 'gas',
  other: 'other',
};

export function incidentCategoryOf(industry: EnterpriseIndustry): IncidentCategory {
  return INDUSTRY_INCIDENT_CATEGORY[industry] ?? 'other';
}

/** What the alarm is about: a band crossed (the sensor's band now), or a sensor gone silent. */
export type AlarmCondition = Exclude<SensorBand, 'normal'> | 'offline' | 'normal';

const CONDITION_LABELS: Readonly<Record<AlarmCondition, string>> = {
  high_high: '高高报',
  high: '高报',
  low: '低报',
  low_low: '低低报',
  offline: '离线',
  normal: '告警',
};

const THRESHOLD_OF: Readonly<Partial<Record<AlarmCondition, keyof SensorView['thresholds']>>> = {
  high_high: 'highHigh',
  high: 'high',
  low: 'low',
  low_low: 'lowLow',
};

/**
 * The condition the draft describes: the band the last reading put the sensor in; a silent sensor is offline; a
 * sensor back inside its thresholds is described as such (the alarm may still be open until the deadband is passed).
 */
export function alarmConditionOf(sensor: Pick<SensorView, 'band' | 'online' | 'offlineSince'>): AlarmCondition {
  if (sensor.band !== 'normal') return sensor.band;
  if (!sensor.online && sensor.offlineSince !== null) return 'offline';
  return 'normal';
}

function conditionOf(chain: AlarmChain): AlarmCondition {
  return chain.condition ?? alarmConditionOf(chain.sensor);
}

/** The alarm as the draft needs it. */
export interface AlarmFacts {
  id: string;
  raisedAt: string;
}

export interface AlarmChain {
  alarm: AlarmFacts;
  /**
   * The condition the alarm was raised for, when known (each band and going offline is an alarm of its own); without
   * it, the sensor's condition now.
   */
  condition?: AlarmCondition;
  sensor: SensorView;
  hazardSource: HazardSourceView;
  enterprise: EnterpriseView;
}

/** The intake form's title field holds at most this many characters. */
export const DRAFT_TITLE_MAX = 200;

/** 「<企业>·<重大危险源> <传感器> 高高报」: who, where, what — the duty officer edits it if the call says more. */
export function draftTitleOf(chain: AlarmChain): string {
  const condition = CONDITION_LABELS[conditionOf(chain)];
  const title = `${chain.enterprise.name}·${chain.hazardSource.name} ${chain.sensor.name} ${condition}`;
  return title.length > DRAFT_TITLE_MAX ? `${title.slice(0, DRAFT_TITLE_MAX - 1)}…` : title;
}

/** A number as people write it: no trailing zeros, no exponent for the magnitudes sensors report. */
function figure(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** A local time as an official text writes it (2026年12月6日 21时07分), in the jurisdiction's zone. */
export function localTimeText(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}年${Number(part('month'))}月${Number(part('day'))}日 ${part('hour')}时${part('minute')}分`;
}

/**
 * The description: the sensor, its reading with the unit, the threshold crossed, the hazard source's grade and
 * substances — what a caller from the plant would be asked first. Names and local times only, never ids.
 */
export function draftDescriptionOf(chain: AlarmChain, timeZone: string): string {
  const { sensor, hazardSource, enterprise, alarm } = chain;
  const condition = conditionOf(chain);
  const unit = sensor.unit;
  const lines: string[] = [];
  const raised = localTimeText(alarm.raisedAt, timeZone);
  lines.push(
    `${raised}，在线监测告警：${enterprise.name}（统一社会信用代码 ${enterprise.creditCode}）${hazardSource.name}` +
      `的${sensor.name}（位号 ${sensor.code}）${CONDITION_LABELS[condition]}。`,
  );
  const thresholdKey = THRESHOLD_OF[condition];
  const threshold = thresholdKey ? sensor.thresholds[thresholdKey] : null;
  const last =
    sensor.lastValue === null
      ? '尚无读数'
      : `最近读数 ${figure(sensor.lastValue)}${unit}` +
        (sensor.lastReadingAt ? `（${localTimeText(sensor.lastReadingAt, timeZone)}）` : '');
  if (thresholdKey && threshold !== null) {
    const direction = condition === 'high' || condition === 'high_high' ? '超过' : '低于';
    lines.push(`${last}，${direction}${CONDITION_LABELS[condition]}阈值 ${figure(threshold)}${unit}。`);
  } else if (condition === 'offline') {
    lines.push(
      `传感器自 ${localTimeText(sensor.offlineSince ?? alarm.raisedAt, timeZone)} 起未上报数据（离线）；${last}。`,
    );
  } else {
    lines.push(`${last}。`);
  }
  const grade = hazardSource.gradeLabel
    ? `${hazardSource.gradeLabel}重大危险源`
    : hazardSource.isMajor
      ? '重大危险源'
      : '危险源（未构成重大危险源）';
  lines.push(`${hazardSource.name}为${grade}（${hazardSource.unitKindLabel}）。`);
  if (hazardSource.substances.length > 0) {
    const substances = hazardSource.substances
      .map((s) => `${s.name} ${figure(s.quantityTonnes)} 吨${s.casNo ? `（CAS ${s.casNo}）` : ''}`)
      .join('、');
    lines.push(`涉及危险化学品：${substances}。`);
  }
  lines.push(`企业地址：${enterprise.address}；主要负责人 ${enterprise.contacts.principal.name}。`);
  return lines.join('\n');
}

/** The intake form's first values (POST /alarms/{id}/open-incident). */
export function intakeDraftOf(chain: AlarmChain, timeZone: string): IncidentIntakeDraft {
  const { alarm, hazardSource, enterprise } = chain;
  return {
    alarmId: alarm.id,
    title: draftTitleOf(chain),
    category: incidentCategoryOf(enterprise.industry),
    jurisdiction: hazardSource.jurisdiction,
    enterpriseId: enterprise.id,
    enterprise: enterprise.name,
    // The hazard source's own position (the plant may span kilometres); the address is the enterprise's.
    location: { lat: hazardSource.location.lat, lng: hazardSource.location.lng, address: enterprise.address },
    occurredAt: alarm.raisedAt,
    description: draftDescriptionOf(chain, timeZone),
  };
}

/** A plan as the matching needs it: the register's row of the plan, and whether a version is in force. */
export interface PlanCandidate {
  id: string;
  title: string;
  kind: 'comprehensive' | 'special' | 'onsite';
  kindLabel: string;
  jurisdiction: string;
  categories: readonly string[];
  inForce: boolean;
}

const KIND_ORDER: Readonly<Record<PlanCandidate['kind'], number>> = { special: 0, comprehensive: 1, onsite: 2 };

/**
 * The plans that would answer an incident of this category at this place: in force, of the enterprise's jurisdiction
 * or one above it (`lineage`, nearest first), special plans naming the category before comprehensive plans that cover
 * it (one naming no category covers all). Plans name no enterprise, so a unit's onsite plan cannot be told from
 * another unit's: onsite plans are left out rather than guessed.
 */
export function matchingPlansOf(
  plans: readonly PlanCandidate[],
  category: IncidentCategory,
  lineage: readonly string[],
): MonitoringAlarmContext['matchingPlans'] {
  const depth = (p: PlanCandidate) => lineage.indexOf(p.jurisdiction);
  return plans
    .filter((p) => p.inForce && depth(p) >= 0)
    .filter(
      (p) =>
        (p.kind === 'special' && p.categories.includes(category)) ||
        (p.kind === 'comprehensive' && (p.categories.length === 0 || p.categories.includes(category))),
    )
    .sort(
      (a, b) =>
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || depth(a) - depth(b) || a.title.localeCompare(b.title, 'zh-CN'),
    )
    .map((p) => ({ id: p.id, name: p.title, kindLabel: p.kindLabel }));
}

/** A team as the board shows it. */
export interface TeamAtHand {
  id: string;
  name: string;
  kind: TeamKind;
  specialties: readonly Specialty[];
  specialtyLabels: readonly string[];
  status: string;
  statusLabel: string;
  location: Point;
}

/** How many teams the context lists: the first calls, not the whole board. */
export const NEARBY_TEAMS_MAX = 5;

/**
 * The teams to think of first: a major hazard source is a hazardous-chemicals site whatever the unit's industry
 * (GB 18218 identifies hazardous chemicals), so teams bringing those specialties come first, then by how soon they
 * could be there (dispatch's own ranking). Teams out of service cannot be sent and are left out.
 */
export function nearbyTeamsOf(
  scene: Point,
  teams: readonly TeamAtHand[],
  specialtyLabels: Readonly<Record<string, string>>,
  max: number = NEARBY_TEAMS_MAX,
): MonitoringAlarmContext['nearbyTeams'] {
  const usable = teams.filter((t) => t.status !== 'out_of_service');
  const byId = new Map(usable.map((t) => [t.id, t]));
  return rankTeams(scene, SPECIALTIES_BY_CATEGORY.hazardous_chemicals, specialtyLabels, usable)
    .slice(0, max)
    .map((r) => {
      const team = byId.get(r.teamId)!;
      return {
        id: r.teamId,
        name: r.name,
        specialtyLabels: [...team.specialtyLabels],
        statusLabel: team.statusLabel,
        distanceKm: r.distanceKm,
      };
    });
}
