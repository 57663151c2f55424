import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { JurisdictionRegistry } from '@app/shared';

/** The read-model tables this context owns (readings are plain time-series tables, written in batches, not here). */
export const monitoringEntities: (new () => object)[] = [];

/**
 * 在线监测: sensors on major hazard sources, readings in over MQTT and HTTP as a time series, threshold and offline
 * alarms pushed into the alarm centre, the online rate (docs/monitoring.md).
 */
@Module({
  imports: [TypeOrmModule.forFeature(monitoringEntities), CqrsModule],
  controllers: [],
  providers: [],
  exports: [],
})
export class MonitoringModule {}

export function monitoringProjections(_jurisdictions: JurisdictionRegistry) {
  return [];
}
