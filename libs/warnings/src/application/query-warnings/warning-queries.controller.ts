import { Controller, Get, Header, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DataSource, In } from 'typeorm';
import { CLOCK, JURISDICTIONS, type Actor, type Clock, type JurisdictionRegistry } from '@app/shared';
import { CurrentActor, Requires, uuidParam } from '@app/shared/nest';
import { toCapAlert } from '../../domain/cap/cap-alert';
import { WarningNotFoundError } from '../../domain/warning.errors';
import { WarningBoardRow } from '../../read-models/warning-board.entity';
import { toCapSource, toWarningView, type WarningView } from '../../read-models/warning.views';
import { CAP_CONTENT_TYPE, renderCapXml } from '../cap/cap-xml';
import { ListWarningsRequest } from './list-warnings.request';

const LIST_LIMIT = 500;

@ApiTags('warnings')
@Controller('warnings')
export class WarningQueriesController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Requires('warning.read')
  @ApiOperation({ summary: '预警列表（本辖区及下级辖区；不带 drillId 时不含演练预警）' })
  async list(@Query() query: ListWarningsRequest, @CurrentActor() actor: Actor): Promise<WarningView[]> {
    const now = this.clock.now();
    const asked = query.jurisdiction ? this.jurisdictions.descendants(query.jurisdiction) : actor.scope;
    const qb = this.dataSource
      .getRepository(WarningBoardRow)
      .createQueryBuilder('w')
      .where({ jurisdiction: In(asked.filter((c) => actor.scope.includes(c))) })
      .orderBy('w.issued_at', 'DESC')
      .take(LIST_LIMIT);
    // Drill data never mixes into the real board.
    if (query.drillId) qb.andWhere('w.drill_id = :drillId', { drillId: query.drillId });
    else qb.andWhere('w.drill_id is null');
    if (query.level) qb.andWhere('w.level = :level', { level: query.level });
    if (query.status === 'lifted') qb.andWhere(`w.status = 'lifted'`);
    if (query.status === 'active') qb.andWhere(`w.status = 'active' and w.expires > :now`, { now });
    if (query.status === 'expired') qb.andWhere(`w.status = 'active' and w.expires <= :now`, { now });
    return (await qb.getMany()).map((row) => toWarningView(row, this.jurisdictions, now));
  }

  @Get(':id')
  @Requires('warning.read')
  @ApiOperation({ summary: '预警详情，含发布、调整、解除记录' })
  async get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<WarningView> {
    return toWarningView(await this.visible(id, actor), this.jurisdictions, this.clock.now());
  }

  /** The latest message of the warning as OASIS CAP 1.2: Alert, then Update after 调整, Cancel after 解除. */
  @Get(':id/cap')
  @Requires('warning.read')
  @Header('content-type', CAP_CONTENT_TYPE)
  @ApiProduces('application/cap+xml')
  @ApiOperation({ summary: '预警的 CAP 1.2 XML（OASIS Common Alerting Protocol）；演练为 status=Exercise' })
  async cap(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<string> {
    return renderCapXml(toCapAlert(toCapSource(await this.visible(id, actor), this.jurisdictions)));
  }

  /** Outside the actor's jurisdictions is answered as not found, so existence does not leak. */
  private async visible(id: string, actor: Actor): Promise<WarningBoardRow> {
    const row = await this.dataSource.getRepository(WarningBoardRow).findOneBy({ id, jurisdiction: In([...actor.scope]) });
    if (!row) throw new WarningNotFoundError();
    return row;
  }
}
