// Over 300 lines on purpose: every incident event shapes the one board row; kept together so the row's rules read in one place.
import type { EntityManager } from 'typeorm';
import { formatPosition } from '@app/event-store';
import { EventRegistry, type LiveDelta, type Recorded } from '@app/event-sourcing';
import { LIVE, RowBatch, type ApplyContext, type Projection } from '@app/event-sourcing/projections';
import type { JurisdictionRegistry } from '@app/shared';
import { incidentEvents, type IncidentEvent } from '../../domain/incident/incident.events';
import type { IncidentCategory } from '../../domain/incident/incident.types';
import {
  applyDeadlineFact,
  DEADLINE_PROFILES,
  isNearMiss,
  NATIONAL_PROFILE,
  type DeadlineFact,
  type DeadlineProfile,
  type Obligation,
  type ReportLevel,
} from '../../domain/incident/reporting-deadlines';
import {
  IncidentBoardRow,
  type ActivePlanView,
  type AllocationView,
  type AssignedTeamView,
  type ChecklistTaskView,
} from './incident-board.entity';
import { toIncidentView } from './incident.views';

/** The incident board: one row per incident, updated by every incident event. */
export class IncidentBoardProjection implements Projection {
  readonly name = 'incident-board';
  // Warehouse events too: the board shows each incident's allocations (a read-model join; the warehouse owns them).
  readonly filter = { kind: 'category', categories: ['incident', 'warehouse'] } as const;
  readonly events = boardEvents;

  constructor(private readonly jurisdictions: JurisdictionRegistry) {}

  async apply(
    events: readonly Recorded<BoardEvent>[],
    manager: EntityManager,
    context: ApplyContext = LIVE,
  ): Promise<LiveDelta[]> {
    const batch = await new RowBatch<IncidentBoardRow, string>(manager, IncidentBoardRow, 'id').preload(
      events.map(boardIncidentIdOf),
    );
    // Compliance lines change only with the incident's own events; allocations (often many at once) leave them be.
    const obligationsTouched = new Set<string>();
    for (const recorded of events) {
      const id = boardIncidentIdOf(recorded);
      if (id === undefined) continue; // warehouse events that concern no incident
      const next = applyBoardEvent(await batch.current(id), recorded, this.profileOf);
      if (!next) continue;
      batch.set(id, next, formatPosition(recorded.position));
      if (!isAllocationEvent(recorded)) obligationsTouched.add(id);
    }
    const rows = batch.rows();
    if (rows.length > 0) {
      await batch.write();
      await writeCompliance(
        manager,
        rows.filter((row) => obligationsTouched.has(row.id)),
      );
    }
    if (!context.live) return [];
    return batch.entries().map(({ row, note: position }) => ({
      name: 'incident.changed' as const,
      position,
      scope: { jurisdiction: row.jurisdiction, incidentId: row.id, ...(row.drillId ? { drillId: row.drillId } : {}) },
      data: toIncidentView(row, this.jurisdictions),
    }));
  }

  private readonly profileOf = deadlineProfileLookup(this.jurisdictions);

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate incident_board, deadline_compliance');
  }
}

/** Which incident's board row a recorded event (incident or warehouse allocation event) changes, if any. */
export function boardIncidentIdOf(recorded: { data: unknown }): string | undefined {
  const id = (recorded.data as { incidentId?: unknown } | null)?.incidentId;
  return typeof id === 'string' ? id : undefined;
}

/** What the board needs of a jurisdiction to derive obligations: its profile and the level of its own authority. */
export interface ReportingSetting {
  profile: DeadlineProfile;
  /** The level the 接报 reaches: a city's own bureau is 设区的市级; counties, towns and parks report through a county-level authority. */
  receivingLevel: ReportLevel;
}

/** The reporting profile of each jurisdiction (docs/domain.md rule 4), as the board applies it. */
export function deadlineProfileLookup(jurisdictions: JurisdictionRegistry): (jurisdiction: string) => ReportingSetting {
  return (jurisdiction) => {
    const j = jurisdictions.get(jurisdiction);
    return {
      profile: DEADLINE_PROFILES[j?.deadlineProfile ?? 'national'] ?? NATIONAL_PROFILE,
      receivingLevel: j?.level === 'city' ? 'city' : 'county',
    };
  };
}

/**
 * The board row after one recorded event: an incident event, or a warehouse allocation event of the incident. Pure —
 * `row` (the row before, or null) is left as it was and a new row is returned (null: the event changes no row). The
 * board projection and replay (`GET /incidents/{id}/state?at=`, `replay.event`) both fold events through it, so a
 * replayed state is exactly what the board showed.
 */
export function applyBoardEvent(
  row: IncidentBoardRow | null,
  event: Recorded<BoardEvent>,
  settingOf: (jurisdiction: string) => ReportingSetting,
): IncidentBoardRow | null {
  const before = row ? Object.assign(new IncidentBoardRow(), row) : null;
  // Read the deadline facts before the row changes: a casualty change compares with the figures before it.
  const jurisdiction = isAllocationEvent(event)
    ? undefined
    : event.type === 'IncidentReported'
      ? event.data.jurisdiction
      : row?.jurisdiction;
  const setting = jurisdiction === undefined ? undefined : settingOf(jurisdiction);
  const facts = isAllocationEvent(event) || !setting ? [] : deadlineFactsOf(event, row, setting);
  const next = isAllocationEvent(event) ? applyAllocation(before, event) : applyToRow(before, event);
  if (next && setting) {
    if (event.type === 'IncidentReported' || event.type === 'SituationUpdated')
      next.nearMiss = setting.profile.nearMiss !== null && isNearMiss(next.casualties, setting.profile.nearMiss);
    for (const fact of facts) next.deadlines = applyDeadlineFact(next.deadlines as Obligation[], fact, setting.profile);
  }
  return next;
}

/** The compliance rows of these incidents, replaced by their obligations as they now stand (same transaction). */
async function writeCompliance(manager: EntityManager, rows: readonly IncidentBoardRow[]): Promise<void> {
  if (rows.length === 0) return;
  await manager.query('delete from deadline_compliance where incident_id = any($1::uuid[])', [rows.map((r) => r.id)]);
  const lines = rows.flatMap((row) =>
    (row.deadlines as Obligation[]).map((o) => [
      row.id,
      o.id,
      row.title,
      row.category,
      row.jurisdiction,
      row.drillId,
      row.status,
      o.kind,
      o.level,
      o.basis,
      o.dueAt,
      o.status,
      o.reportedAt,
      o.reportedBy,
      o.responsible,
      o.party,
    ]),
  );
  const columns = [
    'incident_id',
    'obligation_id',
    'title',
    'category',
    'jurisdiction',
    'drill_id',
    'incident_status',
    'kind',
    'level',
    'basis',
    'due_at',
    'status',
    'reported_at',
    'reported_by',
    'responsible',
    'party',
  ];
  // PostgreSQL takes at most 65,535 parameters per statement: a replayed batch may hold thousands of obligations.
  for (let start = 0; start < lines.length; start += 1000) {
    const chunk = lines.slice(start, start + 1000);
    const values = chunk
      .map((line, i) => `(${line.map((_, j) => `$${i * columns.length + j + 1}`).join(', ')})`)
      .join(', ');
    await manager.query(`insert into deadline_compliance (${columns.join(', ')}) values ${values}`, chunk.flat());
  }
}

/** Figures whose change owes a 补报 (条例493 第十三条 speaks of 伤亡人数). */
const CASUALTY_FIGURES = ['deaths', 'missing', 'seriousInjuries', 'minorInjuries'] as const;

/** The reporting facts (docs/domain.md rules 3–6) an incident event states, in order. */
function deadlineFactsOf(
  event: IncidentEvent,
  row: IncidentBoardRow | null,
  setting: ReportingSetting,
): DeadlineFact[] {
  const { profile, receivingLevel } = setting;
  switch (event.type) {
    case 'IncidentReported': {
      const d = event.data;
      return [
        {
          type: 'reported',
          receivedAt: d.receivedAt,
          receivingLevel,
          grade: d.grade,
          nearMiss: profile.nearMiss !== null && isNearMiss(d.casualties, profile.nearMiss),
          unitLearnedAt: d.unitLearnedAt ?? null,
          unitReportedAt: d.unitReportedAt ?? null,
        },
      ];
    }
    case 'AccidentGradeChanged':
      return event.data.rose ? [{ type: 'gradeRose', to: event.data.to, at: event.data.changedAt }] : [];
    case 'SituationUpdated': {
      // A change after the statistical window is recorded but owes nothing (条例493 第十三条).
      if (!row || event.data.outsideWindow) return [];
      const facts: DeadlineFact[] = [];
      const after = event.data.casualties;
      if (CASUALTY_FIGURES.some((k) => after[k] !== row.casualties[k]))
        facts.push({
          type: 'casualtiesChanged',
          at: event.data.updatedAt,
          occurredAt: row.occurredAt.toISOString(),
          category: row.category as IncidentCategory,
          receivingLevel,
        });
      if (profile.nearMiss && !row.nearMiss && isNearMiss(after, profile.nearMiss))
        facts.push({ type: 'nearMissReached', at: event.data.updatedAt, grade: row.grade });
      return facts;
    }
    case 'ReportPassedUp': {
      const d = event.data;
      return [
        {
          type: 'passedUp',
          level: d.toLevel,
          at: d.reportedAt,
          by: d.reportedBy,
          channel: d.channel,
          obligationId: d.obligationId ?? null,
          recipient: d.recipient ?? null,
          grade: row?.grade ?? 'general',
          ended: row?.status === 'closed',
        },
      ];
    }
    case 'PartyNotified': {
      const d = event.data;
      return [
        {
          type: 'notified',
          party: d.party,
          at: d.notifiedAt,
          by: d.notifiedBy,
          channel: d.channel,
          recipient: d.recipient,
        },
      ];
    }
    case 'ObligationWrittenOff': {
      const d = event.data;
      return [
        { type: 'writtenOff', obligationId: d.obligationId, reason: d.reason, by: d.writtenOffBy, at: d.writtenOffAt },
      ];
    }
    case 'IncidentClosed':
      return [{ type: 'responseEnded', at: event.data.closedAt, grade: row?.grade ?? 'general', receivingLevel }];
    default:
      return [];
  }
}

/** The two warehouse events the board reads (their shape is the warehouse context's public event contract). */
type AllocationEvent =
  | {
      type: 'StockAllocated';
      data: {
        warehouseId: string;
        allocationId: string;
        incidentId: string;
        items: { materialCode: string; quantity: number }[];
        allocatedAt: string;
      };
    }
  | { type: 'AllocationStatusChanged'; data: { allocationId: string; incidentId: string; status: string; at: string } };

/**
 * Declared here rather than taken from the warehouses context, which depends on this one; a new version of these two
 * events must be declared here as well (docs/adr/0010).
 */
const allocationEvents = EventRegistry.of<AllocationEvent>({ StockAllocated: {}, AllocationStatusChanged: {} });

type BoardEvent = IncidentEvent | AllocationEvent;

/** The events the board applies (and replay folds through it): every incident event and the two allocation events. */
export const boardEvents = EventRegistry.union(incidentEvents, allocationEvents);

const isAllocationEvent = (event: Recorded<BoardEvent>): event is Recorded<AllocationEvent> =>
  event.type === 'StockAllocated' || event.type === 'AllocationStatusChanged';

/** Allocations change the board row but not the incident's revision (If-Match stays the incident's own). */
function applyAllocation(row: IncidentBoardRow | null, event: Recorded<AllocationEvent>): IncidentBoardRow | null {
  if (!row) return null;
  const allocations = row.allocations as AllocationView[];
  const position = formatPosition(event.position);
  if (event.type === 'StockAllocated') {
    const d = event.data;
    const entry: AllocationView = {
      allocationId: d.allocationId,
      warehouseId: d.warehouseId,
      items: d.items,
      status: 'reserved',
      allocatedAt: d.allocatedAt,
      updatedAt: d.allocatedAt,
    };
    return Object.assign(row, {
      allocations: [...allocations.filter((a) => a.allocationId !== d.allocationId), entry],
      position,
    });
  }
  const d = event.data;
  return Object.assign(row, {
    allocations: allocations.map((a) =>
      a.allocationId === d.allocationId ? { ...a, status: d.status, updatedAt: d.at } : a,
    ),
    position,
  });
}

function applyToRow(row: IncidentBoardRow | null, event: Recorded<IncidentEvent>): IncidentBoardRow | null {
  const common = { revision: Number(event.revision), position: formatPosition(event.position) };
  if (event.type === 'IncidentReported') {
    const d = event.data;
    return Object.assign(new IncidentBoardRow(), {
      id: d.incidentId,
      title: d.title,
      category: d.category,
      status: 'open',
      grade: d.grade,
      responseLevel: null,
      jurisdiction: d.jurisdiction,
      enterprise: d.enterprise,
      enterpriseId: d.enterpriseId ?? null,
      occurredAt: new Date(d.occurredAt),
      reportedAt: new Date(d.receivedAt),
      receivedAtReason: d.receivedAtReason ?? null,
      unitLearnedAt: d.unitLearnedAt ? new Date(d.unitLearnedAt) : null,
      unitReportedAt: d.unitReportedAt ? new Date(d.unitReportedAt) : null,
      nearMiss: false,
      casualtiesAfterWindow: null,
      updatedAt: new Date(d.receivedAt),
      closedAt: null,
      location: d.location,
      reporter: d.reporter,
      casualties: d.casualties,
      directLossYuan: d.directLossYuan,
      description: d.description,
      measures: d.measures ?? null,
      summary: null,
      drillId: d.drillId,
      deadlines: [],
      assignedTeams: [],
      allocations: [],
      tasks: [],
      activePlans: [],
      ...common,
    });
  }
  // An update for an incident whose report this read model never saw would be a bug upstream; skip, don't crash.
  if (!row) return null;
  switch (event.type) {
    case 'SituationUpdated':
      // After the statistical window the casualty figures are kept apart: shown, but neither graded nor counted.
      return Object.assign(row, {
        ...(event.data.outsideWindow
          ? { casualtiesAfterWindow: event.data.casualties }
          : { casualties: event.data.casualties }),
        directLossYuan: event.data.directLossYuan,
        measures: event.data.measures ?? row.measures,
        description: event.data.description ?? row.description,
        updatedAt: new Date(event.data.updatedAt),
        ...common,
      });
    case 'AccidentGradeChanged':
      return Object.assign(row, { grade: event.data.to, updatedAt: new Date(event.data.changedAt), ...common });
    case 'IncidentClosed':
      return Object.assign(row, {
        status: 'closed',
        summary: event.data.summary,
        closedAt: new Date(event.data.closedAt),
        updatedAt: new Date(event.data.closedAt),
        ...common,
      });
    case 'ResponseLevelSet':
      return Object.assign(row, {
        responseLevel: event.data.level,
        updatedAt: new Date(event.data.decidedAt),
        ...common,
      });
    case 'TeamAssigned': {
      const d = event.data;
      const others = (row.assignedTeams as AssignedTeamView[]).filter((t) => t.teamId !== d.teamId);
      const team: AssignedTeamView = {
        teamId: d.teamId,
        name: d.teamName,
        task: d.task,
        status: 'dispatched',
        dispatchedAt: d.dispatchedAt,
        arrivedAt: null,
        releasedAt: null,
        ...(d.simulated ? { simulated: true } : {}),
      };
      return Object.assign(row, { assignedTeams: [...others, team], updatedAt: new Date(d.dispatchedAt), ...common });
    }
    case 'AssignedTeamStatusChanged': {
      const d = event.data;
      const teams = (row.assignedTeams as AssignedTeamView[]).map((t) =>
        t.teamId !== d.teamId
          ? t
          : {
              ...t,
              status: d.status,
              arrivedAt: d.status === 'on_scene' ? (t.arrivedAt ?? d.at) : t.arrivedAt,
              releasedAt: d.status === 'returning' ? d.at : t.releasedAt,
            },
      );
      return Object.assign(row, { assignedTeams: teams, updatedAt: new Date(d.at), ...common });
    }
    case 'PlanActivated': {
      const d = event.data;
      const plan: ActivePlanView = {
        planId: d.plan.planId,
        version: d.plan.version,
        title: d.plan.title,
        level: d.level,
        activatedBy: d.activatedBy,
        activatedAt: d.activatedAt,
        requirements: { teams: [...d.plan.requirements.teams], materials: [...d.plan.requirements.materials] },
      };
      const others = (row.activePlans as ActivePlanView[]).filter((p) => p.planId !== d.plan.planId);
      return Object.assign(row, { activePlans: [...others, plan], updatedAt: new Date(d.activatedAt), ...common });
    }
    case 'ChecklistTasksAdded': {
      const d = event.data;
      const existing = row.tasks as ChecklistTaskView[];
      const known = new Set(existing.map((t) => t.taskId));
      const added: ChecklistTaskView[] = d.tasks
        .filter((t) => !known.has(t.taskId))
        .map((t) => ({ ...t, status: 'open', addedAt: d.addedAt, completedAt: null, completedBy: null, note: null }));
      return Object.assign(row, { tasks: [...existing, ...added], updatedAt: new Date(d.addedAt), ...common });
    }
    case 'DrillAllocationRecorded': {
      const d = event.data;
      const entry: AllocationView = {
        allocationId: d.allocationId,
        warehouseId: d.warehouseId,
        items: d.items,
        status: 'simulated',
        allocatedAt: d.allocatedAt,
        updatedAt: d.allocatedAt,
        simulated: true,
      };
      return Object.assign(row, {
        allocations: [...(row.allocations as AllocationView[]), entry],
        updatedAt: new Date(d.allocatedAt),
        ...common,
      });
    }
    case 'ChecklistTaskCompleted': {
      const d = event.data;
      const tasks = (row.tasks as ChecklistTaskView[]).map((t) =>
        t.taskId === d.taskId
          ? { ...t, status: 'done' as const, completedAt: d.completedAt, completedBy: d.completedBy, note: d.note }
          : t,
      );
      return Object.assign(row, { tasks, updatedAt: new Date(d.completedAt), ...common });
    }
    default:
      return Object.assign(row, common);
  }
}
