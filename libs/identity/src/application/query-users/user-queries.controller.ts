import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/shared';
import { CurrentActor, Requires } from '@app/shared/nest';
import { UserAccounts } from '../../persistence/user-accounts';
import { toUserView, type UserView } from '../user-account-change';

@ApiTags('users')
@Controller('users')
export class UserQueriesController {
  constructor(private readonly accounts: UserAccounts) {}

  @Get()
  @Requires('user.manage')
  @ApiOperation({ summary: '用户列表' })
  async list(@CurrentActor() actor: Actor): Promise<UserView[]> {
    return (await this.accounts.inScope(actor.scope)).map(toUserView);
  }
}
