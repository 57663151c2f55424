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
import { DeadlineComplianceQueries, incidentEvents, ListIncidentsQuery, type IncidentView } from '@app/incidents';
import { DrillNotFoundError, JURISDICTIONS, type Actor, type JurisdictionRegistry } from '@app/shared';
import {
  evaluationDecider,
  evaluationEvents,
  evaluationStream,
  type EvaluationState,
} from '../../domain/evaluation/evaluation';
import { measureIncident, type MeasuredIncident } from '../../domain/evaluation/measure';
import { summarizeScores } from '../../domain/evaluation/rubric';

/** A drill has at most a few dozen incidents; this bounds the read of them all. */
const MAX_DRILL_INCIDENTS = 10_000;

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

/**
 * Reads a drill's evaluation from the event store: the drill's own events, every drill incident's events (measured
 * times, checklist, supply shortfalls), the deadline compliance of its obligations, and the evaluators' sheets.
 */
@Injectable()
export class DrillEvaluationReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    private readonly queries: QueryBus,
    private readonly compliance: DeadlineComplianceQueries,
  ) {}

  async drill(drillId: string, actor: Actor): Promise<DrillFacts> {
    const events = drillEvents.readAll(await this.read(`drill-${drillId}`));
    const planned = events.find((e) => e.type === 'DrillPlanned');
    if (!planned) throw new DrillNotFoundError();
    const d = planned.data;
    if (!actor.scope.includes(d.jurisdiction)) throw new DrillNotFoundError();
    const started = events.find((e) => e.type === 'DrillStarted');
    const ended = events.find((e) => e.type === 'DrillEnded');
    return {
      drillId,
      title: d.title,
      form: d.form,
      scope: d.scope,
      jurisdiction: d.jurisdiction,
      planId: d.planId ?? null,
      planVersion: d.planVersion ?? null,
      startedAt: started?.data.startedAt ?? null,
      endedAt: ended?.data.endedAt ?? null,
    };
  }

  async state(drillId: string): Promise<EvaluationState> {
    const events = await this.read(evaluationStream(drillId));
    return fold(evaluationDecider, evaluationEvents.readAll(events));
  }

  async evaluate(drillId: string, actor: Actor) {
    const drill = await this.drill(drillId, actor);
    const incidents = await this.drillIncidents(drill);
    const measured: MeasuredIncident[] = [];
    for (const { id } of incidents) {
      // Through the incident registry: old shapes upcast, types this release does not know left out.
      const m = measureIncident(id, incidentEvents.readAll(await this.read(`incident-${id}`)));
      if (m) measured.push(m);
    }
    // In the order they were reported (接报, to the millisecond, as the board's reported_at holds it).
    measured.sort((a, b) => Date.parse(a.reportedAt) - Date.parse(b.reportedAt));
    const evaluation = await this.state(drillId);
    return {
      drill,
      durationSeconds:
        drill.startedAt && drill.endedAt
          ? Math.round((Date.parse(drill.endedAt) - Date.parse(drill.startedAt)) / 1000)
          : null,
      incidents: measured,
      overall: {
        // The drill's first incident sets the pace the evaluation reports; each incident's own figures follow.
        reportToFirstDispatchSeconds: firstNonNull(measured.map((m) => m.reportToFirstDispatchSeconds)),
        reportToFirstArrivalSeconds: firstNonNull(measured.map((m) => m.reportToFirstArrivalSeconds)),
        reportToResponseLevelSeconds: firstNonNull(measured.map((m) => m.reportToResponseLevelSeconds)),
        reportToPlanActivationSeconds: firstNonNull(measured.map((m) => m.reportToPlanActivationSeconds)),
      },
      deadlines: await this.deadlines(drill, actor),
      rubric: evaluation.rubric,
      scores: summarizeScores(evaluation.rubric, evaluation.sheets),
      sheets: evaluation.sheets,
      findings: evaluation.findings,
    };
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

const firstNonNull = (values: readonly (number | null)[]): number | null => values.find((v) => v !== null) ?? null;

export type DrillEvaluation = Awaited<ReturnType<DrillEvaluationReader['evaluate']>>;
