import { Param } from '@nestjs/common';
import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet, uuidParam } from '@app/shared/nest';
import { PlanSuggestionsHandler } from './plan-suggestions.handler';
import type { PlanSuggestionsView } from '../../read-models/plan-suggestions/plan-suggestion.queries';

@QueryController('incidents/:id', { tag: 'plans' })
export class PlanSuggestionsController {
  constructor(private readonly handler: PlanSuggestionsHandler) {}

  @QueryGet('plan-suggestions', {
    requires: 'incident.read',
    summary: '预案启动建议：事故符合哪些已发布预案的启动条件（由指挥长确认后启动）',
  })
  suggestions(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<PlanSuggestionsView> {
    return this.handler.handle(id, actor);
  }
}
