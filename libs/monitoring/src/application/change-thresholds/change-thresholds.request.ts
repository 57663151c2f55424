import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { AlarmTuningRequest, ThresholdsRequest } from '../thresholds.request';

/** The whole set of thresholds (an absent one is removed), and the tuning fields to change (absent: kept). */
export class ChangeThresholdsRequest extends AlarmTuningRequest {
  @ApiProperty({ type: ThresholdsRequest })
  @IsDefined({ message: '须给出完整的报警阈值（thresholds）；未给出的阈值将被取消' })
  @ValidateNested()
  @Type(() => ThresholdsRequest)
  thresholds!: ThresholdsRequest;
}
