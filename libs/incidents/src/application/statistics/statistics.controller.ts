import { Query, Res } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet } from '@app/shared/nest';
import { IncidentStatisticsQueries } from '../../read-models/incident-statistics/incident-statistics.queries';
import { toCsv } from './statistics-csv';
import { StatisticsRequest } from './statistics.request';

@QueryController('statistics', { tag: 'statistics' })
export class StatisticsController {
  constructor(private readonly queries: IncidentStatisticsQueries) {}

  @QueryGet(undefined, {
    requires: 'statistics.read',
    summary: '事故统计：起数、死亡、受伤、直接经济损失，按时段、辖区或行业分组（不含演练），可导出 CSV',
  })
  @ApiProduces('application/json', 'text/csv')
  async statistics(
    @Query() query: StatisticsRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const statistics = await this.queries.statistics(query, actor);
    if (query.format === 'csv') {
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="statistics.csv"');
      // A byte-order mark so spreadsheet programs read the Chinese headers as UTF-8.
      return `\ufeff${toCsv([...statistics.rows, { ...statistics.totals, label: '合计' }])}`;
    }
    return statistics;
  }
}
