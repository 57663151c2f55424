import { ApiProperty } from '@nestjs/swagger';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  validate,
} from 'class-validator';
import { ReportIncidentRequest } from '@app/incidents';
import { flattenValidationErrors, RequestValidationError, type FieldError } from '@app/shared/nest';
import { INJECT_KINDS, type InjectKind, type ScriptedInject } from '../../domain/drill/drill.types';

const MAX_PEOPLE = 1_000_000;
/** A drill lasts hours, at most a few days: an inject is due within a week of the start. */
const MAX_AT_SECOND = 7 * 24 * 3600;

export class InjectRequest {
  @ApiProperty({ description: '开始后第几秒执行', example: 300 })
  @IsInt()
  @Min(0)
  @Max(MAX_AT_SECOND)
  atSecond!: number;
  @ApiProperty({ enum: Object.keys(INJECT_KINDS) }) @IsIn(Object.keys(INJECT_KINDS)) kind!: string;
  @ApiProperty({
    description:
      '按 kind 校验：report_incident 同接报请求（不含 drillId）；update_situation { incidentRef | incidentId, casualties?, directLossYuan?, description? }；message { text }',
  })
  @IsObject()
  payload!: Record<string, unknown>;
}

// ---- inject payloads, validated by kind ----

class DrillCasualtiesPayload {
  @IsOptional() @IsInt() @Min(0) @Max(MAX_PEOPLE) deaths?: number;
  @IsOptional() @IsInt() @Min(0) @Max(MAX_PEOPLE) missing?: number;
  @IsOptional() @IsInt() @Min(0) @Max(MAX_PEOPLE) seriousInjuries?: number;
  @IsOptional() @IsInt() @Min(0) @Max(MAX_PEOPLE) minorInjuries?: number;
  @IsOptional() @IsInt() @Min(0) @Max(MAX_PEOPLE) trapped?: number;
}

export class UpdateSituationPayload {
  @IsOptional() @IsInt() @Min(0) @Max(199) incidentRef?: number;
  @IsOptional() @IsUUID() incidentId?: string;
  @IsOptional() @ValidateNested() @Type(() => DrillCasualtiesPayload) casualties?: DrillCasualtiesPayload;
  @IsOptional() @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) directLossYuan?: number;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(10_000) description?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(10_000) measures?: string;
}

export class MessagePayload {
  @IsDefined() @IsString() @IsNotEmpty() @MaxLength(2000) text!: string;
}

const PAYLOAD_CLASSES: Record<InjectKind, new () => object> = {
  report_incident: ReportIncidentRequest,
  update_situation: UpdateSituationPayload,
  message: MessagePayload,
};

/** Validates one payload for its kind; returns the field errors under `path`. */
export async function payloadErrors(
  kind: InjectKind,
  payload: Record<string, unknown>,
  path: string,
): Promise<FieldError[]> {
  // Nested arrays (`injects: [[]]`) get past the DTO's ValidateNested as empty instances: refuse them here rather than
  // hand class-validator an undefined class (which throws, a 500).
  const payloadClass = Object.prototype.hasOwnProperty.call(PAYLOAD_CLASSES, kind) ? PAYLOAD_CLASSES[kind] : undefined;
  if (!payloadClass)
    return [
      {
        path: path.replace(/\.payload$/, '.kind'),
        message: `kind 须为 ${Object.keys(PAYLOAD_CLASSES).join('、')} 之一`,
      },
    ];
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    return [{ path, message: 'payload 须为对象' }];
  const instance = plainToInstance(payloadClass, payload);
  const errors = flattenValidationErrors(
    await validate(instance, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      stopAtFirstError: true,
      validationError: { target: false, value: true },
    }),
    path,
  );
  if (kind === 'report_incident' && 'drillId' in payload)
    errors.push({ path: `${path}.drillId`, message: 'drillId 由演练自动填写，不可在注入中指定' });
  if (kind === 'update_situation') {
    const p = payload as UpdateSituationPayload;
    if ((p.incidentRef === undefined) === (p.incidentId === undefined))
      errors.push({ path, message: 'incidentRef 与 incidentId 须且只须填写一项' });
    if (
      p.casualties === undefined &&
      p.directLossYuan === undefined &&
      p.description === undefined &&
      p.measures === undefined
    ) {
      errors.push({ path, message: '续报至少填写 casualties、directLossYuan、description、measures 之一' });
    }
  }
  return errors;
}

/** Every scripted inject's payload; an `incidentRef` must point at an earlier `report_incident` of the same script. */
export async function assertValidScript(injects: readonly InjectRequest[], path: string): Promise<ScriptedInject[]> {
  const errors: FieldError[] = [];
  for (const [index, inject] of injects.entries()) {
    const at = `${path}.${index}.payload`;
    if (typeof inject !== 'object' || inject === null || Array.isArray(inject)) {
      errors.push({ path: `${path}.${index}`, message: '注入须为 { atSecond, kind, payload } 对象' });
      continue;
    }
    errors.push(...(await payloadErrors(inject.kind as InjectKind, inject.payload, at)));
    const ref = (inject.payload as Record<string, unknown> | undefined)?.incidentRef;
    if (inject.kind === 'update_situation' && typeof ref === 'number') {
      const target = injects[ref];
      if (
        !target ||
        target.kind !== 'report_incident' ||
        target.atSecond > inject.atSecond ||
        (target.atSecond === inject.atSecond && ref > index)
      ) {
        errors.push({
          path: `${at}.incidentRef`,
          message: 'incidentRef 须指向本脚本中更早执行的 report_incident 注入',
        });
      }
    }
  }
  if (errors.length > 0) throw new RequestValidationError(errors);
  return injects.map((i) => ({ atSecond: i.atSecond, kind: i.kind as InjectKind, payload: i.payload }));
}

export async function assertValidPayload(kind: InjectKind, payload: Record<string, unknown>): Promise<void> {
  const errors = await payloadErrors(kind, payload, 'payload');
  if (errors.length > 0) throw new RequestValidationError(errors);
}
