import type { EnterpriseView, HazardSourceView } from '@app/enterprises/contract';
import type { SensorView } from '../../contract';

/**
 * Where a monitoring alarm's chain (sensor → hazard source → enterprise) is read from: the sensor register of this
 * context and the registers of the enterprises context. A port, so the intake draft is built the same way whichever
 * module provides the registers; `null` when the register does not hold it (any more).
 */
export abstract class AlarmSubjects {
  abstract sensor(id: string): Promise<SensorView | null>;
  abstract hazardSource(id: string): Promise<HazardSourceView | null>;
  abstract enterprise(id: string): Promise<EnterpriseView | null>;
}
