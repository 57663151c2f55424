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
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  GRADE_ORDER,
  OFFERED_INCIDENT_CATEGORIES,
  RESPONSE_LEVELS,
  type AccidentGrade,
  type IncidentCategory,
  type ResponseLevel,
} from '@app/incidents';
import { IsKnownJurisdiction } from '@app/shared/nest';
import { SPECIALTIES } from '@app/teams';
import { MATERIAL_CODES } from '@app/warehouses';
import { PLAN_OWNER_KINDS } from '../../domain/governance/plan-governance';
import { PLAN_KINDS, type PlanKind, type PlanOwnerKind } from '../../domain/plan/plan.types';

/** A new plan version names coal and non-coal mines apart; 矿山（未区分） is only read from older versions. */
const CATEGORIES: readonly string[] = OFFERED_INCIDENT_CATEGORIES;
const COUNT = { min: 0, max: 1_000_000 };

export class ActivationCriterionRequest {
  @ApiProperty({ enum: RESPONSE_LEVELS }) @IsIn(RESPONSE_LEVELS) level!: ResponseLevel;
  @ApiPropertyOptional({ enum: GRADE_ORDER }) @IsOptional() @IsIn(GRADE_ORDER) minGrade?: AccidentGrade;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(COUNT.min) @Max(COUNT.max) minDeaths?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(COUNT.min) @Max(COUNT.max) minMissing?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(COUNT.min) @Max(COUNT.max) minSeriousInjuries?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(COUNT.min) @Max(COUNT.max) minTrapped?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) minDirectLossYuan?: number;
}

export class ActivationRequest {
  @ApiProperty({ example: '发生较大及以上生产安全事故，或者超出县级处置能力的' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description!: string;
  @ApiProperty({ type: [ActivationCriterionRequest], description: '每级响应的启动条件，符合其中任一项即满足' })
  @IsArray()
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => ActivationCriterionRequest)
  levels!: ActivationCriterionRequest[];
}

export class PlanTaskRequest {
  @ApiProperty({ example: '划定警戒区，组织疏散周边群众' }) @IsString() @IsNotEmpty() @MaxLength(500) title!: string;
  @ApiProperty({ enum: RESPONSE_LEVELS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(RESPONSE_LEVELS, { each: true })
  responseLevels!: ResponseLevel[];
  @ApiPropertyOptional({ example: 30, description: '任务列入清单后应在多少分钟内完成（演练评估据此计时）' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  withinMinutes?: number;
}

export class WorkingGroupRequest {
  @ApiProperty({ example: '警戒疏散组' }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @ApiProperty({ example: '市公安局' }) @IsString() @IsNotEmpty() @MaxLength(200) leadAgency!: string;
  @ApiProperty({ type: [PlanTaskRequest] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PlanTaskRequest)
  tasks!: PlanTaskRequest[];
}

export class TeamRequirementRequest {
  @ApiProperty({ enum: SPECIALTIES }) @IsIn(SPECIALTIES) specialty!: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(1000) count!: number;
}

export class MaterialRequirementRequest {
  @ApiProperty({ example: '2010102' })
  @IsIn(MATERIAL_CODES, { message: 'materialCode 须为物资目录中的编码（GET /materials）' })
  materialCode!: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(100_000_000) quantity!: number;
}

export class RequirementsRequest {
  @ApiProperty({ type: [TeamRequirementRequest] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TeamRequirementRequest)
  teams!: TeamRequirementRequest[];
  @ApiProperty({ type: [MaterialRequirementRequest] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => MaterialRequirementRequest)
  materials!: MaterialRequirementRequest[];
}

/** `POST /plans` and `PUT /plans/{id}` (a new version): the whole plan. */
export class PlanContentRequest {
  @ApiProperty({ example: '中卫市危险化学品事故应急预案' }) @IsString() @IsNotEmpty() @MaxLength(300) title!: string;
  @ApiProperty({ enum: Object.keys(PLAN_KINDS) }) @IsIn(Object.keys(PLAN_KINDS)) kind!: PlanKind;
  @ApiProperty({ example: '640500' }) @IsKnownJurisdiction() jurisdiction!: string;
  @ApiProperty({ enum: CATEGORIES, isArray: true, description: '适用的事故类别；综合预案可为空（适用全部）' })
  @IsArray()
  @ArrayMaxSize(CATEGORIES.length)
  @ArrayUnique()
  @IsIn(CATEGORIES, { each: true })
  categories!: IncidentCategory[];
  @ApiProperty({ type: ActivationRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => ActivationRequest)
  activation!: ActivationRequest;
  @ApiProperty({ type: [WorkingGroupRequest] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => WorkingGroupRequest)
  groups!: WorkingGroupRequest[];
  @ApiProperty({ type: RequirementsRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => RequirementsRequest)
  requirements!: RequirementsRequest;
  @ApiPropertyOptional({
    enum: Object.keys(PLAN_OWNER_KINDS),
    description:
      '预案编制主体：government 人民政府及其部门（默认）/ high_risk_unit 高危行业生产经营单位 / unit 其他生产经营单位；决定演练频次',
  })
  @IsOptional()
  @IsIn(Object.keys(PLAN_OWNER_KINDS), { message: 'ownerKind 须为 government、high_risk_unit 或 unit' })
  ownerKind?: PlanOwnerKind;
}

/** Copies only the declared fields into plain objects: what is stored is exactly what was validated. */
export function toPlanContent(r: PlanContentRequest) {
  const optional = <K extends keyof ActivationCriterionRequest>(c: ActivationCriterionRequest, k: K) =>
    c[k] === undefined ? {} : { [k]: c[k] };
  return {
    title: r.title,
    kind: r.kind,
    jurisdiction: r.jurisdiction,
    categories: [...r.categories],
    activation: {
      description: r.activation.description,
      levels: r.activation.levels.map((c) => ({
        level: c.level,
        ...optional(c, 'minGrade'),
        ...optional(c, 'minDeaths'),
        ...optional(c, 'minMissing'),
        ...optional(c, 'minSeriousInjuries'),
        ...optional(c, 'minTrapped'),
        ...optional(c, 'minDirectLossYuan'),
      })),
    },
    groups: r.groups.map((g) => ({
      name: g.name,
      leadAgency: g.leadAgency,
      tasks: g.tasks.map((t) => ({
        title: t.title,
        responseLevels: [...t.responseLevels],
        ...(t.withinMinutes !== undefined ? { withinMinutes: t.withinMinutes } : {}),
      })),
    })),
    requirements: {
      teams: r.requirements.teams.map((t) => ({ specialty: t.specialty, count: t.count })),
      materials: r.requirements.materials.map((m) => ({ materialCode: m.materialCode, quantity: m.quantity })),
    },
    ...(r.ownerKind !== undefined ? { ownerKind: r.ownerKind } : {}),
  };
}
