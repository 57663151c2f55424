import { Inject, Injectable } from '@nestjs/common';
import { AlarmQueries, alarmIdOf, type AlarmView } from '@app/alarms';
import { PlanRegisterQueries } from '@app/plans';
import { DEFAULT_TIME_ZONE, JURISDICTIONS, OutsideJurisdictionError, inScope, type Actor } from '@app/shared';
import type { JurisdictionRegistry } from '@app/shared';
import { SPECIALTY_LABELS, TeamAvailabilityQueries } from '@app/teams';
import type { IncidentIntakeDraft, MonitoringAlarmContext } from '../../contract';
import {
  AlarmNotMonitoringError,
  MonitoringAlarmSubjectGoneError,
  incidentCategoryOf,
  intakeDraftOf,
  matchingPlansOf,
  nearbyTeamsOf,
  type AlarmChain,
  type AlarmCondition,
} from '../../domain/alarm-to-incident';
import { bandSourceKey, offlineSourceKey } from '../monitoring-alarms';
import { AlarmSubjects } from './alarm-subjects';

/**
 * From a monitoring alarm to an incident intake. Both answers are reads: the context shows the duty officer what the
 * alarm is about, the draft fills the intake form. Neither files an incident nor changes the alarm; a person submits
 * the intake (POST /incidents) and acknowledges the alarm, each as its own act (docs/monitoring.md, "从告警到事故").
 */
@Injectable()
export class AlarmToIncidentHandler {
  constructor(
    private readonly alarms: AlarmQueries,
    private readonly subjects: AlarmSubjects,
    private readonly plans: PlanRegisterQueries,
    private readonly teams: TeamAvailabilityQueries,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async context(alarmId: string, actor: Actor): Promise<MonitoringAlarmContext> {
    const chain = await this.chainOf(alarmId, actor);
    const { sensor, hazardSource, enterprise } = chain;
    const category = incidentCategoryOf(enterprise.industry);
    const [plans, teams] = await Promise.all([
      this.plans.list({ category }, actor),
      this.teams.list({ scope: actor.scope }),
    ]);
    return {
      alarmId,
      sensor,
      enterprise: {
        id: enterprise.id,
        name: enterprise.name,
        creditCode: enterprise.creditCode,
        address: enterprise.address,
        location: enterprise.location,
        principal: enterprise.contacts.principal,
      },
      hazardSource: {
        id: hazardSource.id,
        name: hazardSource.name,
        grade: hazardSource.grade,
        gradeLabel: hazardSource.gradeLabel,
        substances: hazardSource.substances,
      },
      nearbyTeams: nearbyTeamsOf(hazardSource.location, teams, SPECIALTY_LABELS),
      matchingPlans: matchingPlansOf(
        plans.map((p) => ({
          id: p.id,
          title: p.title,
          kind: p.kind,
          kindLabel: p.kindLabel,
          jurisdiction: p.jurisdiction,
          categories: p.categories,
          inForce: p.inForceVersion !== null && p.status !== 'retired',
        })),
        category,
        this.jurisdictions.lineage(hazardSource.jurisdiction),
      ),
    };
  }

  /**
   * The intake form's first values. The actor must be able to report where the hazard source is (the alarm being in
   * its scope already says so; checked again because the draft's jurisdiction is the hazard source's).
   */
  async draft(alarmId: string, actor: Actor): Promise<IncidentIntakeDraft> {
    const chain = await this.chainOf(alarmId, actor);
    if (!inScope(actor, chain.hazardSource.jurisdiction))
      throw new OutsideJurisdictionError(chain.hazardSource.jurisdiction);
    const zone = this.jurisdictions.get(chain.hazardSource.jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
    return intakeDraftOf(chain, zone);
  }

  /** The alarm (404 outside the actor's scope: existence does not leak), its sensor, hazard source and enterprise. */
  private async chainOf(alarmId: string, actor: Actor): Promise<AlarmChain> {
    const alarm: AlarmView = await this.alarms.get(alarmId, actor.scope);
    if (alarm.kind !== 'monitoring' || alarm.subject.type !== 'sensor')
      throw new AlarmNotMonitoringError(alarm.kindLabel, alarm.kind);
    const sensor = await this.subjects.sensor(alarm.subject.id);
    if (!sensor) throw new MonitoringAlarmSubjectGoneError('传感器', 'sensor');
    const hazardSource = await this.subjects.hazardSource(sensor.hazardSourceId);
    if (!hazardSource) throw new MonitoringAlarmSubjectGoneError('重大危险源', 'hazard_source');
    const enterprise = await this.subjects.enterprise(hazardSource.enterpriseId);
    if (!enterprise) throw new MonitoringAlarmSubjectGoneError('企业', 'enterprise');
    const condition = conditionOfAlarm(alarm.id, sensor.id);
    return {
      alarm: { id: alarm.id, raisedAt: alarm.raisedAt },
      ...(condition ? { condition } : {}),
      sensor,
      hazardSource,
      enterprise,
    };
  }
}

const RAISED_FOR: Exclude<AlarmCondition, 'normal'>[] = ['high_high', 'high', 'low', 'low_low', 'offline'];

/**
 * What the alarm was raised for: each band and going offline is an alarm of its own, its id derived from the cause's
 * source key, so the id tells which (the sensor may have moved to another band since).
 */
function conditionOfAlarm(alarmId: string, sensorId: string): AlarmCondition | undefined {
  return RAISED_FOR.find(
    (c) => alarmIdOf(c === 'offline' ? offlineSourceKey(sensorId) : bandSourceKey(sensorId, c)) === alarmId,
  );
}
