import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_TIME_ZONE, JURISDICTIONS, toZonedIso, type JurisdictionRegistry } from '@app/shared';
import type { IncidentCategory, IncidentStatus, NearbyIncidentView } from '../../contract';
import { INCIDENT_CATEGORIES } from '../../domain/incident/incident.types';

export interface NearbySearch {
  lat: number;
  lng: number;
  radiusM: number;
  since: Date;
  /** Incidents at exactly this address count whatever their distance (the same gazetteer entry). */
  address?: string;
  jurisdiction?: string;
  /** Absent: real incidents only; a drill's id: that drill's incidents. */
  drillId?: string;
  scope: readonly string[];
}

/** Metres per degree of latitude (and of longitude at the equator) on a sphere of the mean Earth radius. */
const METRES_PER_DEGREE = 111_195;
const EARTH_RADIUS_M = 6_371_000;

interface NearbyRow {
  id: string;
  title: string;
  category: string;
  status: string;
  jurisdiction: string;
  address: string;
  distance_m: number;
  same_address: boolean;
  occurred_at: Date;
  reported_at: Date;
}

/**
 * Incidents received near a point since a time: intake's "possibly the same incident". It reads the board's table
 * with a query of its own (a bounding box first, then the great-circle distance) so that the list query stays as it is.
 */
@Injectable()
export class NearbyIncidentsQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async near(search: NearbySearch): Promise<NearbyIncidentView[]> {
    const asked = search.jurisdiction ? this.jurisdictions.descendants(search.jurisdiction) : search.scope;
    const codes = asked.filter((code) => search.scope.includes(code));
    if (codes.length === 0) return [];
    const dLat = search.radiusM / METRES_PER_DEGREE;
    // Longitude degrees shrink towards the poles; near them the box simply spans every longitude.
    const cos = Math.cos((search.lat * Math.PI) / 180);
    const dLng = cos > 0.01 ? search.radiusM / (METRES_PER_DEGREE * cos) : 180;
    const address = search.address?.trim() || null;
    const rows: NearbyRow[] = await this.dataSource.query(
      `select * from (
         select i.id, i.title, i.category, i.status, i.jurisdiction, i.occurred_at, i.reported_at,
                i.location->>'address' as address,
                ($9::text is not null and i.location->>'address' = $9) as same_address,
                2 * $10::float8 * asin(sqrt(
                  power(sin(radians((i.location->>'lat')::float8 - $1) / 2), 2) +
                  cos(radians($1)) * cos(radians((i.location->>'lat')::float8)) *
                  power(sin(radians((i.location->>'lng')::float8 - $2) / 2), 2)
                )) as distance_m
           from incident_board i
          where i.jurisdiction = any($5)
            and i.reported_at >= $6
            and i.drill_id is not distinct from $7::uuid
            and (
              ((i.location->>'lat')::float8 between $1 - $3 and $1 + $3
                and (i.location->>'lng')::float8 between $2 - $4 and $2 + $4)
              or ($9::text is not null and i.location->>'address' = $9)
            )
       ) near
       where near.distance_m <= $8 or near.same_address
       order by near.distance_m asc, near.reported_at desc
       limit 20`,
      [
        search.lat,
        search.lng,
        dLat,
        dLng,
        codes,
        search.since,
        search.drillId ?? null,
        search.radiusM,
        address,
        EARTH_RADIUS_M,
      ],
    );
    return rows.map((row) => {
      const zone = this.jurisdictions.get(row.jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
      return {
        id: row.id,
        title: row.title,
        category: row.category as IncidentCategory,
        categoryLabel: INCIDENT_CATEGORIES[row.category as IncidentCategory] ?? row.category,
        status: row.status as IncidentStatus,
        jurisdiction: row.jurisdiction,
        jurisdictionName: this.jurisdictions.get(row.jurisdiction)?.name ?? row.jurisdiction,
        address: row.address,
        distanceM: Math.round(Number(row.distance_m)),
        sameAddress: row.same_address,
        occurredAt: toZonedIso(row.occurred_at, zone),
        receivedAt: toZonedIso(row.reported_at, zone),
      };
    });
  }
}
