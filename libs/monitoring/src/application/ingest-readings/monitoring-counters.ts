import { Injectable } from '@nestjs/common';

export type IngestVia = 'http' | 'mqtt';

/** Since this process started, per way in: readings stored, refused, and among the refused the malformed ones. */
export interface MonitoringCounts {
  accepted: Record<IngestVia, number>;
  rejected: Record<IngestVia, number>;
  malformed: Record<IngestVia, number>;
  /** Batches written (each one statement), and the readings in them. */
  batches: number;
  batchedReadings: number;
}

/**
 * Counts of ingestion for /metrics and the bench. Malformed = not a reading at all (no sensor code, a value that is not
 * a finite number, a time that is not an ISO 8601 instant); rejected = every refused one, malformed or not (unknown or
 * retired sensor, time out of the accepted window).
 */
@Injectable()
export class MonitoringCounters {
  private readonly counts: MonitoringCounts = {
    accepted: { http: 0, mqtt: 0 },
    rejected: { http: 0, mqtt: 0 },
    malformed: { http: 0, mqtt: 0 },
    batches: 0,
    batchedReadings: 0,
  };

  accepted(via: IngestVia, n: number): void {
    this.counts.accepted[via] += n;
  }

  rejected(via: IngestVia, n: number, malformed: number): void {
    this.counts.rejected[via] += n;
    this.counts.malformed[via] += malformed;
  }

  batch(readings: number): void {
    this.counts.batches += 1;
    this.counts.batchedReadings += readings;
  }

  snapshot(): MonitoringCounts {
    return structuredClone(this.counts);
  }
}
