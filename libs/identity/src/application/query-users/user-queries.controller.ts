import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet, Paged, type ListPaging } from '@app/shared/nest';
import { UserAccounts } from '../../persistence/user-accounts';
import { toUserView, type UserView } from '../user-account-change';

/** How the list pages (docs/api.md, "Paging every list"). */
const USER_PAGING: ListPaging<UserView> = {
  list: 'users/1',
  order: 'username',
  kinds: ['text', 'uuid'],
  keys: (u) => [u.username, u.id],
  defaultLimit: 1000,
  maxLimit: 1000,
};

@QueryController('users', { tag: 'users' })
export class UserQueriesController {
  constructor(private readonly accounts: UserAccounts) {}

  @Paged(USER_PAGING)
  @QueryGet(undefined, { requires: 'user.manage', summary: '用户列表' })
  async list(@CurrentActor() actor: Actor): Promise<UserView[]> {
    return (await this.accounts.inScope(actor.scope)).map(toUserView);
  }
}
