import { IsKnownJurisdiction } from '@app/shared/nest';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SPECIALTIES, TEAM_KINDS, type Specialty, type TeamKind } from '../../domain/team/team.types';

export class GeoPointRequest {
  @ApiProperty({ example: 37.53 }) @IsLatitude({ message: 'lat 须为 -90 到 90 之间的纬度' }) lat!: number;
  @ApiProperty({ example: 105.15 }) @IsLongitude({ message: 'lng 须为 -180 到 180 之间的经度' }) lng!: number;
}

export class TeamBaseRequest extends GeoPointRequest {
  @ApiProperty({ example: '中卫工业园区纬三路' }) @IsString() @IsNotEmpty() @MaxLength(300) address!: string;
}

export class TeamContactRequest {
  @ApiProperty({ example: '李强' }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @ApiProperty({ example: '0955-1234567' }) @IsString() @IsNotEmpty() @MaxLength(50) phone!: string;
}

/** Fields a profile update may change; the jurisdiction of a team is fixed at registration. */
export class TeamProfileFields {
  @ApiProperty({ example: '中卫市危化品专业救援队' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ enum: TEAM_KINDS }) @IsIn(TEAM_KINDS) kind!: TeamKind;
  @ApiProperty({ enum: SPECIALTIES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SPECIALTIES.length)
  @ArrayUnique()
  @IsIn(SPECIALTIES, { each: true })
  specialties!: Specialty[];
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(10_000) headcount!: number;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  equipment?: string[];
  @ApiProperty({ type: TeamBaseRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => TeamBaseRequest)
  base!: TeamBaseRequest;
  @ApiProperty({ type: TeamContactRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => TeamContactRequest)
  contact!: TeamContactRequest;
}

export class RegisterTeamRequest extends TeamProfileFields {
  @ApiProperty({ example: '640571' })
  @IsKnownJurisdiction()
  jurisdiction!: string;
}
