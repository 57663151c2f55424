import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, StreamNotFoundError, type EventStore, type RecordedEvent, readWholeStream } from '@app/event-store';
import { fold } from '@app/event-sourcing';
import { drillEvents } from '@app/drills';
import { incidentEvents } from '@app/incidents';
import { CLOCK, DrillNotFoundError, type Actor, type Clock } from '@app/shared';
import { evaluationDecider, evaluationEvents, evaluationStream, type EvaluationState } from '../domain/evaluation';
import { measureIncident, type MeasuredIncident } from '../domain/measure';
import { summarizeScores } from '../domain/rubric';

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
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
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
    const incidents: { id: string }[] = await this.dataSource.query(`select id from incident_board where drill_id = $1 order by reported_at`, [drillId]);
    const measured: MeasuredIncident[] = [];
    for (const { id } of incidents) {
      // Through the incident registry: old shapes upcast, types this release does not know left out.
      const m = measureIncident(id, incidentEvents.readAll(await this.read(`incident-${id}`)));
      if (m) measured.push(m);
    }
    const evaluation = await this.state(drillId);
    return {
      drill,
      durationSeconds: drill.startedAt && drill.endedAt ? Math.round((Date.parse(drill.endedAt) - Date.parse(drill.startedAt)) / 1000) : null,
      incidents: measured,
      overall: {
        // The drill's first incident sets the pace the evaluation reports; each incident's own figures follow.
        reportToFirstDispatchSeconds: firstNonNull(measured.map((m) => m.reportToFirstDispatchSeconds)),
        reportToFirstArrivalSeconds: firstNonNull(measured.map((m) => m.reportToFirstArrivalSeconds)),
        reportToResponseLevelSeconds: firstNonNull(measured.map((m) => m.reportToResponseLevelSeconds)),
        reportToPlanActivationSeconds: firstNonNull(measured.map((m) => m.reportToPlanActivationSeconds)),
      },
      deadlines: await this.deadlines(drillId),
      rubric: evaluation.rubric,
      scores: summarizeScores(evaluation.rubric, evaluation.sheets),
      sheets: evaluation.sheets,
      findings: evaluation.findings,
    };
  }

  private async deadlines(drillId: string) {
    const rows: { status: string; due_at: Date; incident_status: string }[] = await this.dataSource.query(
      `select status, due_at, incident_status from deadline_compliance where drill_id = $1`,
      [drillId],
    );
    const now = this.clock.now().getTime();
    const of = (r: (typeof rows)[number]) => (r.status !== 'pending' ? r.status : r.due_at.getTime() < now || r.incident_status === 'closed' ? 'missed' : 'pending');
    const count = (s: string) => rows.filter((r) => of(r) === s).length;
    return { total: rows.length, met: count('met'), late: count('late'), missed: count('missed'), pending: count('pending') };
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
