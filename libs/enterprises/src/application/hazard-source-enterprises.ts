import type { GeoPoint } from '../contract';

/** What registering a unit needs to know of its enterprise (from the enterprise register). */
export interface EnterpriseOfHazardSource {
  id: string;
  name: string;
  jurisdiction: string;
  location: GeoPoint;
}

/** The enterprise register as the hazard source use cases ask it (bound to EnterpriseRegister in the module). */
export abstract class HazardSourceEnterprises {
  abstract find(id: string): Promise<EnterpriseOfHazardSource | null>;
}
