import { PartialType } from '@nestjs/swagger';
import { AtLeastOneOf } from '@app/shared/nest';
import { HazardSourceChangeableFields } from '../register-hazard-source/register-hazard-source.request';

/** 变更: name, exposed population or the whole list of substances (the list replaces the one registered). */
@AtLeastOneOf(['name', 'exposedPopulation', 'substances'])
export class ReviseHazardSourceRequest extends PartialType(HazardSourceChangeableFields) {}
