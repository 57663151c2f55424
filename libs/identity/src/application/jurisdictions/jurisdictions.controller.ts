import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { JURISDICTIONS, type JurisdictionNode, type JurisdictionRegistry } from '@app/shared';
import { Requires } from '@app/shared/nest';

/** Administrative divisions are public knowledge: every signed-in user gets the whole tree to pick from. */
@ApiTags('jurisdictions')
@Controller('jurisdictions')
export class JurisdictionsController {
  constructor(@Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry) {}

  @Get()
  @Requires('jurisdiction.read')
  @ApiOperation({ summary: '辖区代码树（市 → 县区 → 乡镇；园区属市）' })
  tree(): JurisdictionNode[] {
    return this.jurisdictions.tree();
  }
}
