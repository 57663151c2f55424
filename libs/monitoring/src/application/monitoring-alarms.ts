import { Inject, Injectable, Logger } from '@nestjs/common';
import { AlarmCentre, type AlarmSourceActor } from '@app/alarms';
import { HazardSourceRegister } from '@app/enterprises';
import { JURISDICTIONS, type JurisdictionRegistry } from '@app/shared';
import type { SensorBand, SensorThresholds } from '../contract';
import { SENSOR_BAND_LABELS } from '../domain/sensor/sensor.types';
import { alarmActionsOf, severityOfBand } from '../domain/threshold/threshold-evaluator';

/** The monitoring context's own actor on the alarms it pushes. */
export const MONITORING_ACTOR: AlarmSourceActor = { id: 'system:monitoring', name: '在线监测' };

/** What an alarm names about its sensor. */
export interface AlarmedSensor {
  id: string;
  code: string;
  name: string;
  unit: string;
  hazardSourceId: string;
  jurisdiction: string;
  thresholds: SensorThresholds;
}

type Band = Exclude<SensorBand, 'normal'>;
type AlarmResolution = Parameters<AlarmCentre['resolve']>[2];

export const bandSourceKey = (sensorId: string, band: Band) => `monitoring:${sensorId}:${band}`;
export const offlineSourceKey = (sensorId: string) => `monitoring:${sensorId}:offline`;
const BANDS: Band[] = ['high', 'high_high', 'low', 'low_low'];

const THRESHOLD_OF: Record<Band, keyof SensorThresholds> = {
  high: 'high',
  high_high: 'highHigh',
  low: 'low',
  low_low: 'lowLow',
};

/**
 * Turns changes of band and of presence into the alarm centre's pushed alarms (kind `monitoring`, subject the sensor,
 * source key `monitoring:<sensor>:<band|offline>`). Titles name the enterprise, the hazard source, the sensor and the
 * value with its unit, so that the alarm reads on its own on a duty officer's screen.
 */
@Injectable()
export class MonitoringAlarms {
  private readonly logger = new Logger('MonitoringAlarms');
  private readonly names = new Map<string, { at: number; enterprise: string; hazardSource: string }>();

  constructor(
    private readonly centre: AlarmCentre,
    private readonly hazardSources: HazardSourceRegister,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async bandChanged(sensor: AlarmedSensor, from: SensorBand, to: SensorBand, value: number, at: Date): Promise<void> {
    const actions = alarmActionsOf(from, to);
    for (const band of actions.raise) {
      const where = await this.where(sensor);
      const threshold = sensor.thresholds[THRESHOLD_OF[band as Band]];
      const label = SENSOR_BAND_LABELS[band];
      await this.centre.raise(
        {
          kind: 'monitoring',
          sourceKey: bandSourceKey(sensor.id, band as Band),
          severity: severityOfBand(band as Band),
          jurisdiction: sensor.jurisdiction,
          title: `${label}：${where} ${sensor.name}（${sensor.code}）${formatValue(value)} ${sensor.unit}`,
          message:
            `${where} ${sensor.name}（${sensor.code}）读数 ${formatValue(value)} ${sensor.unit}` +
            (threshold === null ? '' : `，${label}阈值 ${formatValue(threshold)} ${sensor.unit}`) +
            `，${this.time(at, sensor)} 起。请核实现场情况。`,
          subject: { type: 'sensor', id: sensor.id },
          dueAt: null,
        },
        MONITORING_ACTOR,
        at,
      );
    }
    for (const band of actions.resolve) {
      await this.centre.resolve(
        bandSourceKey(sensor.id, band as Band),
        sensor.jurisdiction,
        'reading_normal',
        MONITORING_ACTOR,
        at,
      );
    }
  }

  async wentOffline(sensor: AlarmedSensor, silentSince: Date | null, at: Date): Promise<void> {
    const where = await this.where(sensor);
    await this.centre.raise(
      {
        kind: 'monitoring',
        sourceKey: offlineSourceKey(sensor.id),
        severity: 'major',
        jurisdiction: sensor.jurisdiction,
        title: `传感器离线：${where} ${sensor.name}（${sensor.code}）`,
        message: silentSince
          ? `${where} ${sensor.name}（${sensor.code}）自 ${this.time(silentSince, sensor)} 起未上报数据，已超过规定上报周期。请联系企业核查网关与传感器。`
          : `${where} ${sensor.name}（${sensor.code}）登记后一直未上报数据。请联系企业核查网关与传感器接入。`,
        subject: { type: 'sensor', id: sensor.id },
        dueAt: null,
      },
      MONITORING_ACTOR,
      at,
    );
  }

  async cameOnline(sensor: AlarmedSensor, at: Date): Promise<void> {
    await this.centre.resolve(offlineSourceKey(sensor.id), sensor.jurisdiction, 'sensor_online', MONITORING_ACTOR, at);
  }

  /** Ends one alarm by its source key (the sensor watch's reconciliation). */
  end(sourceKey: string, jurisdiction: string, reason: AlarmResolution, at: Date): Promise<boolean> {
    return this.centre.resolve(sourceKey, jurisdiction, reason, MONITORING_ACTOR, at);
  }

  /** A retired sensor: every alarm it may have open ends. */
  async removed(sensor: Pick<AlarmedSensor, 'id' | 'jurisdiction'>, at: Date): Promise<void> {
    for (const key of [...BANDS.map((b) => bandSourceKey(sensor.id, b)), offlineSourceKey(sensor.id)]) {
      await this.centre.resolve(key, sensor.jurisdiction, 'sensor_removed', MONITORING_ACTOR, at);
    }
  }

  /** Local time of the sensor's jurisdiction, as a duty officer reads it. */
  private time(at: Date, sensor: AlarmedSensor): string {
    const timeZone = this.jurisdictions.get(sensor.jurisdiction)?.timeZone ?? 'Asia/Shanghai';
    return new Intl.DateTimeFormat('zh-CN', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
    }).format(at);
  }

  /** "企业名 危险源名", cached for a minute; ids when the register cannot be read (the alarm must still go out). */
  private async where(sensor: AlarmedSensor): Promise<string> {
    const cached = this.names.get(sensor.hazardSourceId);
    if (cached && Date.now() - cached.at < 60_000) return `${cached.enterprise} ${cached.hazardSource}`;
    try {
      const source = await this.hazardSources.find(sensor.hazardSourceId);
      if (source) {
        this.names.set(sensor.hazardSourceId, {
          at: Date.now(),
          enterprise: source.enterpriseName,
          hazardSource: source.name,
        });
        return `${source.enterpriseName} ${source.name}`;
      }
    } catch (error) {
      this.logger.warn(`hazard source ${sensor.hazardSourceId} not read: ${String(error)}`);
    }
    return '重大危险源';
  }
}

/** Up to three decimals, no trailing zeros: 9.5, 0.125, 25. */
export function formatValue(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
