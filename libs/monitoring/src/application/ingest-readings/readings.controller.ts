import { Body, Controller, Headers, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeviceKeys } from '@app/enterprises';
import { DomainError } from '@app/shared';
import { Public } from '@app/shared/nest';
import type { ReadingsAccepted } from '../../contract';
import { ReadingIngest, type IncomingReading } from './reading-ingest';

/** Readings per request: a gateway batches what it buffered, not a day of it. */
export const MAX_READINGS_PER_REQUEST = 1000;

/**
 * `POST /monitoring/readings`: an enterprise's gateway, authenticated by its device key (`X-Device-Key`), not by a
 * user: public for the user guard, and rate-limited per address in a budget of its own (http/rate-limit.ts). The key
 * decides which enterprise's sensors the readings may name; each reading is accepted or refused on its own (202).
 */
@ApiTags('monitoring')
@Public()
@Controller('monitoring/readings')
export class ReadingsController {
  constructor(
    private readonly keys: DeviceKeys,
    private readonly ingest: ReadingIngest,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiHeader({ name: 'X-Device-Key', required: true, description: '企业网关的设备密钥' })
  @ApiOperation({ summary: '企业网关上报监测读数（设备密钥认证）' })
  async post(@Headers('x-device-key') key: string | undefined, @Body() body: unknown): Promise<ReadingsAccepted> {
    const device = typeof key === 'string' && key.length > 0 && key.length <= 512 ? await this.keys.verify(key) : null;
    if (!device) throw new UnauthorizedException('设备密钥（X-Device-Key）缺失、无效或已吊销');
    const readings = readingsOf(body);
    return this.ingest.ingest(device, readings, 'http');
  }
}

function readingsOf(body: unknown): IncomingReading[] {
  const readings = typeof body === 'object' && body !== null ? (body as { readings?: unknown }).readings : undefined;
  if (!Array.isArray(readings) || readings.length === 0) {
    throw new DomainError(
      'READINGS_MISSING',
      'invalid',
      '请求体须为 { readings: [{ sensorCode, value, at }, …] }，且至少含一条读数',
    );
  }
  if (readings.length > MAX_READINGS_PER_REQUEST) {
    throw new DomainError(
      'READINGS_TOO_MANY',
      'invalid',
      `一次至多上报 ${MAX_READINGS_PER_REQUEST} 条读数，请分批上报`,
    );
  }
  // Each element is checked by the ingest, one by one (a bad one is refused with its index, the rest go on).
  return readings as IncomingReading[];
}
