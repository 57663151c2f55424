import { PartialType } from '@nestjs/swagger';
import { TeamProfileFields } from '../register-team/register-team.request';

/** Any profile field may change; the jurisdiction is fixed at registration (a team moves by re-registering). */
export class UpdateTeamRequest extends PartialType(TeamProfileFields) {}
