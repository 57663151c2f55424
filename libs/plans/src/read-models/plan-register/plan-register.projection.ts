import type { EntityManager } from 'typeorm';
import { formatPosition } from '@app/event-store';
import type { LiveDelta, Recorded } from '@app/event-sourcing';
import type { Projection } from '@app/event-sourcing/projections';
import { planEvents, type PlanEvent } from '../../domain/plan/plan.events';
import { PlanRow, PlanVersionRow } from './plan-register.entities';

/** The plan register and its versions. Plans change rarely; each event is applied row by row. */
export class PlanRegisterProjection implements Projection {
  readonly name = 'plan-register';
  readonly filter = { kind: 'category', categories: ['plan'] } as const;
  readonly events = planEvents;

  async apply(events: readonly Recorded<PlanEvent>[], manager: EntityManager): Promise<LiveDelta[]> {
    const plans = manager.getRepository(PlanRow);
    const versions = manager.getRepository(PlanVersionRow);
    for (const event of events) {
      const common = { revision: Number(event.revision), position: formatPosition(event.position) };
      const id = event.data.planId;
      switch (event.type) {
        case 'PlanDrafted':
        case 'PlanRevised': {
          const d = event.data;
          const at = new Date(event.type === 'PlanDrafted' ? event.data.draftedAt : event.data.revisedAt);
          const by = event.type === 'PlanDrafted' ? event.data.draftedBy : event.data.revisedBy;
          const existing = await plans.findOneBy({ id });
          await plans.save(
            Object.assign(existing ?? new PlanRow(), {
              id,
              title: d.content.title,
              kind: d.content.kind,
              jurisdiction: d.content.jurisdiction,
              categories: d.content.categories,
              status: 'draft',
              latestVersion: d.version,
              inForceVersion: existing?.inForceVersion ?? null,
              inForceContent: existing?.inForceContent ?? null,
              content: d.content,
              openFindings: [],
              review: null,
              publishedAt: existing?.publishedAt ?? null,
              firstPublishedAt: existing?.firstPublishedAt ?? null,
              inForceFiling: existing?.inForceFiling ?? null,
              lastEvaluation: existing?.lastEvaluation ?? null,
              updatedAt: at,
              ...common,
            }),
          );
          const addressedFindings = event.type === 'PlanRevised' ? (event.data.addressedFindings ?? []) : [];
          await versions.save(
            Object.assign(new PlanVersionRow(), {
              planId: id,
              version: d.version,
              jurisdiction: d.content.jurisdiction,
              content: d.content,
              status: 'draft',
              createdBy: by,
              createdAt: at,
              publishedAt: null,
              filing: null,
              review: null,
              addressedFindings,
            }),
          );
          break;
        }
        case 'PlanReviewed': {
          const d = event.data;
          const row = await plans.findOneByOrFail({ id });
          const passed = d.review.conclusion !== 'failed';
          await versions.update(
            { planId: id, version: d.version },
            { review: d.review, status: passed ? 'reviewed' : 'draft' },
          );
          if (row.latestVersion === d.version)
            await plans.update(
              { id },
              {
                review: d.review,
                status: passed ? 'reviewed' : 'draft',
                updatedAt: new Date(d.review.recordedAt),
                ...common,
              },
            );
          else await plans.update({ id }, common);
          break;
        }
        case 'PlanEvaluated':
          await plans.update(
            { id },
            {
              lastEvaluation: event.data.evaluation,
              updatedAt: new Date(event.data.evaluation.recordedAt),
              ...common,
            },
          );
          break;
        case 'PlanPublished': {
          const d = event.data;
          const row = await plans.findOneByOrFail({ id });
          const published = await versions.findOneByOrFail({ planId: id, version: d.version });
          if (row.inForceVersion !== null)
            await versions.update({ planId: id, version: row.inForceVersion }, { status: 'superseded' });
          await versions.update(
            { planId: id, version: d.version },
            { status: 'published', publishedAt: new Date(d.publishedAt) },
          );
          await plans.update(
            { id },
            {
              status: 'published',
              inForceVersion: d.version,
              inForceContent: published.content,
              publishedAt: new Date(d.publishedAt),
              firstPublishedAt: row.firstPublishedAt ?? new Date(d.publishedAt),
              // A new version in force is filed again (预案办法 第二十六条).
              inForceFiling: null,
              updatedAt: new Date(d.publishedAt),
              ...common,
            },
          );
          break;
        }
        case 'PlanFiled': {
          const d = event.data;
          const row = await plans.findOneByOrFail({ id });
          await versions.update({ planId: id, version: d.version }, { status: 'filed', filing: d.filing });
          await plans.update(
            { id },
            {
              status: row.latestVersion === d.version ? 'filed' : row.status,
              inForceFiling: row.inForceVersion === d.version ? d.filing : row.inForceFiling,
              updatedAt: new Date(d.recordedAt),
              ...common,
            },
          );
          break;
        }
        case 'PlanRetired':
          await plans.update(
            { id },
            {
              status: 'retired',
              inForceVersion: null,
              inForceContent: null,
              updatedAt: new Date(event.data.retiredAt),
              ...common,
            },
          );
          break;
        case 'PlanFindingRecorded': {
          const row = await plans.findOneByOrFail({ id });
          await plans.update({ id }, { openFindings: [...row.openFindings, event.data.finding], ...common });
          break;
        }
        default:
          break;
      }
    }
    return [];
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate plans, plan_versions');
  }
}
