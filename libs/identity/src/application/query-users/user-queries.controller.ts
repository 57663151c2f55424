import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet } from '@app/shared/nest';
import { UserAccounts } from '../../persistence/user-accounts';
import { toUserView, type UserView } from '../user-account-change';

@QueryController('users', { tag: 'users' })
export class UserQueriesController {
  constructor(private readonly accounts: UserAccounts) {}

  @QueryGet(undefined, { requires: 'user.manage', summary: '用户列表' })
  async list(@CurrentActor() actor: Actor): Promise<UserView[]> {
    return (await this.accounts.inScope(actor.scope)).map(toUserView);
  }
}
