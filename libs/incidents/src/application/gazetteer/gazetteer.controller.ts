import { Query } from '@nestjs/common';
import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet } from '@app/shared/nest';
import type { GazetteerEntryView } from '../../contract';
import { GazetteerQueries } from '../../read-models/gazetteer/gazetteer.queries';
import { SearchGazetteerRequest } from './search-gazetteer.request';

@QueryController('gazetteer', { tag: 'incidents' })
export class GazetteerController {
  constructor(private readonly gazetteer: GazetteerQueries) {}

  @QueryGet(undefined, {
    requires: 'incident.read',
    summary: '地名库检索（乡镇/街道、园区、企业、地点；本辖区及下级辖区；位置为示意）',
  })
  search(@Query() query: SearchGazetteerRequest, @CurrentActor() actor: Actor): Promise<GazetteerEntryView[]> {
    return this.gazetteer.search({ ...query, limit: query.limit ?? 20, scope: actor.scope });
  }
}
