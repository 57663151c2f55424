import { PartialType } from '@nestjs/swagger';
import { AtLeastOneOf } from '@app/shared/nest';
import { ExpertProfileFields } from '../register-expert/register-expert.request';

/** 变更专家信息: any profile field; the jurisdiction that keeps the entry is fixed. */
@AtLeastOneOf(['name', 'specialties', 'title', 'organization', 'phone'] as const)
export class UpdateExpertRequest extends PartialType(ExpertProfileFields) {}
