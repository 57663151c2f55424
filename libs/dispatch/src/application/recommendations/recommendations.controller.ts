import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/shared';
import { CurrentActor, Requires, uuidParam } from '@app/shared/nest';
import { RecommendationsReader, type Recommendations } from './recommendations.reader';

@ApiTags('dispatch')
@Controller('incidents/:id/recommendations')
export class RecommendationsController {
  constructor(private readonly recommendations: RecommendationsReader) {}

  @Get()
  @Requires('incident.read')
  @ApiOperation({ summary: '调派建议：按专长匹配、距离与到达时间排序的队伍，及能满足物资需求的储备库' })
  recommend(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<Recommendations> {
    return this.recommendations.recommend(id, actor);
  }
}
