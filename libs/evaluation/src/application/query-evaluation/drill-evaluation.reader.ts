import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  EVENT_STORE,
  StreamNotFoundError,
  type EventStore,
  type RecordedEvent,
  readWholeStream,
} from '@app/event-store';
import { fold } from '@app/event-sourcing';
import { drillEvents } from '@app/drills';
import { UserNames } from '@app/identity';
import {
  DeadlineComplianceQueries,
  incidentEvents,
  INCIDENT_CATEGORIES,
  ListIncidentsQuery,
  RESPONSE_LEVEL_LABELS,
  type IncidentView,
} from '@app/incidents';
import { PlanRegisterQueries } from '@app/plans';
import {
  DEFAULT_TIME_ZONE,
  DrillNotFoundError,
  isRole,
  JURISDICTIONS,
  ROLE_LABELS,
  type Actor,
  type JurisdictionRegistry,
} from '@app/shared';
import { materialByCode } from '@app/warehouses/domain';
import type { DrillEvaluationNames, DrillEvaluationView, IncidentWordsView, ParticipantView } from '../../contract';
import { concludeEvaluation } from '../../domain/evaluation/conclusion';
import {
  evaluationDecider,
  evaluationEvents,
  evaluationStream,
  type EvaluationState,
} from '../../domain/evaluation/evaluation';
import { measureIncident, type MeasuredIncident } from '../../domain/evaluation/measure';
import { summarizeScores } from '../../domain/evaluation/rubric';
import { describeScenario, type InjectFacts } from '../../domain/report/scenario-words';

/** A drill has at most a few dozen incidents; this bounds the read of them all. */
const MAX_DRILL_INCIDENTS = 10_000;

const FORMS: Readonly<Record<string, string>> = { tabletop: '桌面演练', live: '实战演练' };
const SCOPES: Readonly<Record<string, string>> = { single: '单项演练', comprehensive: '综合演练' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the drills context records about a drill (its public event contract on `drill-<id>`). */
export interface DrillFacts {
  drillId: string;
  title: string;
  form: string;
  scope: string;
  jurisdiction: string;
  planId: string | null;
  planVersion: number | null;
  startedAt: string | null;
  endedAt: string | null;
}

/** The drill's facts with what its stream holds beyond them: units, script, injects, and who acted on it. */
interface DrillRecord {
  facts: DrillFacts;
  participants: string[];
  injects: InjectFacts[];
  events: readonly RecordedEvent[];
}

/**
 * Reads a drill's evaluation from the event store: the drill's own events, every drill incident's events (measured
 * times, checklist, supply shortfalls), the deadline compliance of its obligations, and the evaluators' sheets; with
 * the names the screen and the report print (jurisdiction, organiser, plan, people, teams, materials).
 */
@Injectable()
export class DrillEvaluationReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    private readonly queries: QueryBus,
    private readonly compliance: DeadlineComplianceQueries,
    private readonly plans: PlanRegisterQueries,
    private readonly users: UserNames,
  ) {}

  async drill(drillId: string, actor: Actor): Promise<DrillFacts> {
    return (await this.record(drillId, actor)).facts;
  }

  private async record(drillId: string, actor: Actor): Promise<DrillRecord> {
    const raw = await this.read(`drill-${drillId}`);
    const events = drillEvents.readAll(raw);
    const planned = events.find((e) => e.type === 'DrillPlanned');
    if (!planned) throw new DrillNotFoundError();
    const d = planned.data;
    if (!actor.scope.includes(d.jurisdiction)) throw new DrillNotFoundError();
    const started = events.find((e) => e.type === 'DrillStarted');
    const ended = events.find((e) => e.type === 'DrillEnded');
    const startedAt = started?.data.startedAt ?? null;
    // 演练情景: once the drill has started, what was actually given (scripted or not) at its offset from the start;
    // before that, the script as planned.
    const injects: InjectFacts[] = startedAt
      ? events.flatMap((e) =>
          e.type === 'InjectExecuted'
            ? [
                {
                  atSecond: Math.max(0, Math.round((Date.parse(e.data.executedAt) - Date.parse(startedAt)) / 1000)),
                  kind: e.data.kind,
                  payload: e.data.payload,
                },
              ]
            : [],
        )
      : (d.scenario?.injects ?? []).map((i) => ({ ...i }));
    return {
      facts: {
        drillId,
        title: d.title,
        form: d.form,
        scope: d.scope,
        jurisdiction: d.jurisdiction,
        planId: d.planId ?? null,
        planVersion: d.planVersion ?? null,
        startedAt,
        endedAt: ended?.data.endedAt ?? null,
      },
      participants: d.participants ?? [],
      injects,
      events: raw,
    };
  }

  async state(drillId: string): Promise<EvaluationState> {
    const events = await this.read(evaluationStream(drillId));
    return fold(evaluationDecider, evaluationEvents.readAll(events));
  }

  async evaluate(drillId: string, actor: Actor): Promise<DrillEvaluationView> {
    const record = await this.record(drillId, actor);
    const drill = record.facts;
    const incidents = await this.drillIncidents(drill);
    const measured: MeasuredIncident[] = [];
    const words: IncidentWordsView[] = [];
    const actedOn: RecordedEvent[] = [...record.events];
    for (const { id } of incidents) {
      const raw = await this.read(`incident-${id}`);
      actedOn.push(...raw);
      // Through the incident registry: old shapes upcast, types this release does not know left out.
      const known = incidentEvents.readAll(raw);
      const m = measureIncident(id, known);
      if (!m) continue;
      measured.push(m);
      words.push(incidentWords(id, known, m));
    }
    // In the order they were reported (接报, to the millisecond, as the board's reported_at holds it).
    measured.sort((a, b) => Date.parse(a.reportedAt) - Date.parse(b.reportedAt));
    const evaluationRaw = await this.read(evaluationStream(drillId));
    const evaluation = fold(evaluationDecider, evaluationEvents.readAll(evaluationRaw));
    const scores = summarizeScores(evaluation.rubric, evaluation.sheets);

    // People are named as the identity context knows them now; the sign-in name when the account is gone.
    const actorIds = [...actedOn, ...evaluationRaw].map((e) => e.metadata.actorId);
    const people = await this.users.people(actorIds);
    const nameOf = (username: string, raw: readonly RecordedEvent[]) => {
      const by = raw.find((e) => e.metadata.actorName === username && UUID.test(e.metadata.actorId));
      return (by && people.get(by.metadata.actorId)?.displayName) || username;
    };
    const status = drill.endedAt ? 'ended' : drill.startedAt ? 'running' : 'planned';
    return {
      drill,
      status,
      names: await this.names(record, words, actedOn, people, actor),
      durationSeconds:
        drill.startedAt && drill.endedAt
          ? Math.round((Date.parse(drill.endedAt) - Date.parse(drill.startedAt)) / 1000)
          : null,
      incidents: measured,
      incidentWords: words,
      scenario: describeScenario(record.injects),
      overall: {
        // The drill's first incident sets the pace the evaluation reports; each incident's own figures follow.
        reportToFirstDispatchSeconds: firstNonNull(measured.map((m) => m.reportToFirstDispatchSeconds)),
        reportToFirstArrivalSeconds: firstNonNull(measured.map((m) => m.reportToFirstArrivalSeconds)),
        reportToResponseLevelSeconds: firstNonNull(measured.map((m) => m.reportToResponseLevelSeconds)),
        reportToPlanActivationSeconds: firstNonNull(measured.map((m) => m.reportToPlanActivationSeconds)),
      },
      deadlines: await this.deadlines(drill, actor),
      rubric: [...evaluation.rubric],
      scores,
      sheets: evaluation.sheets.map((s) => ({ ...s, evaluatorName: nameOf(s.evaluator, evaluationRaw) })),
      findings: await Promise.all(
        evaluation.findings.map(async (f) => ({
          ...f,
          planTitle: f.planId ? await this.planTitle(f.planId, null, actor) : null,
          recordedByName: nameOf(f.recordedBy, evaluationRaw),
        })),
      ),
      conclusion: concludeEvaluation({
        ended: status === 'ended',
        overallPercent: scores.overallPercent,
        unscored: scores.byAspect.filter((a) => a.mean === null).map((a) => a.label.replace(/（.*$/, '')),
      }),
      evaluatorsConclusion: evaluation.conclusion
        ? { ...evaluation.conclusion, recordedByName: nameOf(evaluation.conclusion.recordedBy, evaluationRaw) }
        : null,
    };
  }

  private async names(
    record: DrillRecord,
    words: readonly IncidentWordsView[],
    actedOn: readonly RecordedEvent[],
    people: ReadonlyMap<string, { displayName: string; jurisdiction: string }>,
    actor: Actor,
  ): Promise<DrillEvaluationNames> {
    const d = record.facts;
    const where = this.jurisdictions.get(d.jurisdiction);
    // Each person once, with every role they acted in (the roles their events carried).
    const byPerson = new Map<string, ParticipantView>();
    for (const e of actedOn) {
      const person = people.get(e.metadata.actorId);
      if (!person) continue;
      const entry = byPerson.get(e.metadata.actorId) ?? {
        name: person.displayName,
        unit: this.organiserOf(person.jurisdiction),
        roles: [],
      };
      const roles = Array.isArray(e.metadata.actorRoles) ? (e.metadata.actorRoles as unknown[]) : [];
      for (const role of roles)
        if (isRole(role) && !entry.roles.includes(ROLE_LABELS[role])) entry.roles.push(ROLE_LABELS[role]);
      byPerson.set(e.metadata.actorId, entry);
    }
    return {
      title: d.title,
      formLabel: FORMS[d.form] ?? d.form,
      scopeLabel: SCOPES[d.scope] ?? d.scope,
      jurisdictionName: this.fullName(d.jurisdiction),
      organiser: this.organiserOf(d.jurisdiction),
      planTitle: d.planId ? await this.planTitle(d.planId, d.planVersion, actor) : null,
      units: record.participants,
      people: [...byPerson.values()],
      teams: [...new Set(words.flatMap((w) => w.teams))],
      timeZone: where?.timeZone ?? DEFAULT_TIME_ZONE,
    };
  }

  /** 中卫市中宁县: the jurisdiction with the ones above it, as a document names a place. */
  private fullName(code: string): string {
    const names = this.jurisdictions
      .lineage(code)
      .map((c) => this.jurisdictions.get(c)!.name)
      .reverse();
    return names.length > 0 ? names.join('') : '（辖区未登记）';
  }

  /** The body that organises work in a jurisdiction: the bureau of a city or county, the committee of a park. */
  private organiserOf(code: string): string {
    const j = this.jurisdictions.get(code);
    if (!j) return '（单位未登记）';
    const name = this.fullName(code);
    if (j.level === 'park') return `${name}管理委员会`;
    if (j.level === 'town') return `${name}人民政府`;
    return `${name}应急管理局`;
  }

  /** The plan's title as the pinned version has it (the current one when that version is not readable). */
  private async planTitle(planId: string, version: number | null, actor: Actor): Promise<string | null> {
    try {
      if (version !== null) return (await this.plans.version(planId, String(version), actor)).title;
    } catch {
      // Falls through to the plan as it stands: a version the actor cannot read still has a name to print.
    }
    return (await this.plans.find(planId))?.title ?? null;
  }

  /**
   * The drill's incidents. Drill data lies in the drill's jurisdiction or below, so they are all found there (the actor
   * may see the drill, hence its evaluation with every incident of it).
   */
  private drillIncidents(drill: DrillFacts): Promise<IncidentView[]> {
    const scope = this.jurisdictions.descendants(drill.jurisdiction);
    return this.queries.execute(new ListIncidentsQuery({ drillId: drill.drillId, scope, limit: MAX_DRILL_INCIDENTS }));
  }

  /** The drill's reporting obligations as the compliance read model counts them (met, late, missed, pending). */
  private async deadlines(drill: DrillFacts, actor: Actor) {
    const { summary } = await this.compliance.compliance(
      { drillId: drill.drillId, jurisdiction: drill.jurisdiction },
      actor,
      // Only the totals are read here: no obligation line.
      0,
    );
    return {
      total: summary.total,
      met: summary.met,
      late: summary.late,
      missed: summary.missed,
      pending: summary.pending,
    };
  }

  private async read(stream: string): Promise<RecordedEvent[]> {
    try {
      return await readWholeStream(this.store, stream);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }
}

/** A drill incident in words: kind, place, the level decided last, the teams sent, the materials it lacked. */
function incidentWords(
  incidentId: string,
  events: readonly { type: string; data: unknown }[],
  measured: MeasuredIncident,
): IncidentWordsView {
  const reported = events.find((e) => e.type === 'IncidentReported')?.data as
    { category?: string; location?: { address?: string } } | undefined;
  const levels = events.filter((e) => e.type === 'ResponseLevelSet').map((e) => (e.data as { level: string }).level);
  const level = levels[levels.length - 1];
  const teams = events
    .filter((e) => e.type === 'TeamAssigned')
    .map((e) => (e.data as { teamName?: string }).teamName)
    .filter((name): name is string => typeof name === 'string' && name.length > 0);
  const materials: IncidentWordsView['materials'] = {};
  for (const s of measured.shortfalls) {
    const m = materialByCode(s.materialCode);
    if (m) materials[s.materialCode] = { name: m.name, unit: m.unit };
  }
  return {
    incidentId,
    categoryLabel: INCIDENT_CATEGORIES[reported?.category as keyof typeof INCIDENT_CATEGORIES] ?? '其他',
    place: reported?.location?.address ?? '',
    responseLevelLabel: level ? (RESPONSE_LEVEL_LABELS[level as keyof typeof RESPONSE_LEVEL_LABELS] ?? null) : null,
    teams: [...new Set(teams)],
    materials,
  };
}

const firstNonNull = (values: readonly (number | null)[]): number | null => values.find((v) => v !== null) ?? null;

export type DrillEvaluation = DrillEvaluationView;
