import { Get, Header, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { Actor } from '@app/shared';
import {
  CurrentActor,
  ListPage,
  pageKeysOf,
  QueryController,
  QueryGet,
  Requires,
  uuidParam,
  Paged,
  type ListPaging,
  type PageRequest,
} from '@app/shared/nest';
import { WarningBoardQueries } from '../../read-models/warning-board/warning-board.queries';
import type { WarningView } from '../../read-models/warning-board/warning.views';
import { CAP_CONTENT_TYPE, renderCapXml } from '../cap/cap-xml';
import { ListWarningsRequest } from './list-warnings.request';

// Warnings in force first, then the graver level, then the newest (warning-board.queries.ts).
const WARNING_LEVEL_RANK: Record<string, number> = { red: 0, orange: 1, yellow: 2, blue: 3 };

/** How the list pages (docs/api.md, "Paging every list"). */
const WARNING_PAGING: ListPaging<WarningView> = {
  list: 'warnings/1',
  order: 'in-force-level-issued',
  kinds: ['bigint', 'bigint', 'bigint', 'uuid'],
  keys: (w) =>
    pageKeysOf(w) ?? [
      w.status === 'active' ? '0' : '1',
      String(WARNING_LEVEL_RANK[w.level] ?? 3),
      String(-Date.parse(w.issuedAt)),
      w.id,
    ],
  defaultLimit: 500,
  maxLimit: 1000,
};

@QueryController('warnings', { tag: 'warnings' })
export class WarningQueriesController {
  constructor(private readonly board: WarningBoardQueries) {}

  @Paged(WARNING_PAGING)
  @QueryGet(undefined, {
    requires: 'warning.read',
    summary: '预警列表（本辖区及下级辖区；不带 drillId 时不含演练预警）',
  })
  list(
    @Query() query: ListWarningsRequest,
    @CurrentActor() actor: Actor,
    @ListPage() page: PageRequest,
  ): Promise<WarningView[]> {
    return this.board.list({ ...query, scope: actor.scope }, page);
  }

  @QueryGet(':id', { requires: 'warning.read', summary: '预警详情，含发布、调整、解除记录' })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<WarningView> {
    return this.board.get(id, actor.scope);
  }

  /** The latest message of the warning as OASIS CAP 1.2: Alert, then Update after 调整, Cancel after 解除. */
  @Get(':id/cap')
  @Requires('warning.read')
  @Header('content-type', CAP_CONTENT_TYPE)
  @ApiProduces('application/cap+xml')
  @ApiOperation({ summary: '预警的 CAP 1.2 XML（OASIS Common Alerting Protocol）；演练为 status=Exercise' })
  async cap(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<string> {
    return renderCapXml(await this.board.capAlert(id, actor.scope));
  }
}
