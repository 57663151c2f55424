import { PartialType } from '@nestjs/swagger';
import { AtLeastOneOf } from '@app/shared/nest';
import { ShelterProfileFields } from '../register-shelter/register-shelter.request';

/** 变更避难场所信息: any field but the jurisdiction; the capacity never below the people sheltered now. */
@AtLeastOneOf(['name', 'kind', 'capacity', 'location', 'facilities', 'address'] as const)
export class UpdateShelterRequest extends PartialType(ShelterProfileFields) {}
