import { defineDecider, unknownCase } from '@app/event-sourcing/events';
import type { SensorThresholds } from '../../contract';
import type { SensorCommand } from './sensor.commands';
import {
  DeadbandInvalidError,
  DeadbandTooWideError,
  SensorCodeTakenError,
  SensorNotFoundError,
  SensorRetiredError,
  ThresholdsDisorderedError,
  ThresholdsMissingError,
  ThresholdsNotFiniteError,
} from './sensor.errors';
import { sensorEvents, type SensorEvent } from './sensor.events';
import { evolveSensor, initialSensorState, type SensorState } from './sensor.state';
import {
  hasThreshold,
  narrowestThresholdGap,
  nonFiniteThresholds,
  thresholdDisorder,
  type AlarmTuning,
} from './sensor.types';

/**
 * A sensor's id is derived from its enterprise and code (application layer), so a second registration of the same
 * code lands on the same stream and is refused here — also when two arrive at once (the loser re-decides).
 */
export function decideSensor(command: SensorCommand, state: SensorState): SensorEvent[] {
  const at = command.now.toISOString();
  if (command.type === 'RegisterSensor') {
    if (state.status !== 'none') throw new SensorCodeTakenError(command.code);
    assertThresholds(command.thresholds);
    assertTuning(command.tuning, command.thresholds);
    const { type: _t, now: _n, ...d } = command;
    return [{ type: 'SensorRegistered', data: { ...d, registeredAt: at } }];
  }
  if (state.status === 'none') throw new SensorNotFoundError();
  if (state.status === 'retired') {
    if (command.type === 'RetireSensor') return [];
    throw new SensorRetiredError();
  }
  switch (command.type) {
    case 'ChangeThresholds': {
      assertThresholds(command.thresholds);
      const tuning: AlarmTuning = { ...state.tuning, ...command.tuning };
      assertTuning(tuning, command.thresholds);
      if (sameThresholds(state.thresholds, command.thresholds) && sameTuning(state.tuning, tuning)) return [];
      return [
        {
          type: 'SensorThresholdsChanged',
          data: {
            sensorId: state.sensorId,
            previous: state.thresholds,
            thresholds: command.thresholds,
            tuning,
            changedAt: at,
          },
        },
      ];
    }
    case 'RetireSensor':
      return [{ type: 'SensorRetired', data: { sensorId: state.sensorId, reason: command.reason, retiredAt: at } }];
    default:
      return unknownCase(command);
  }
}

function assertThresholds(thresholds: SensorThresholds): void {
  if (!hasThreshold(thresholds)) throw new ThresholdsMissingError();
  const notFinite = nonFiniteThresholds(thresholds);
  if (notFinite.length > 0) throw new ThresholdsNotFiniteError(notFinite);
  const disorder = thresholdDisorder(thresholds);
  if (disorder.length > 0) throw new ThresholdsDisorderedError(disorder);
}

function assertTuning(tuning: Partial<AlarmTuning>, thresholds: SensorThresholds): void {
  if (tuning.deadband !== undefined && tuning.deadband !== null) {
    if (!Number.isFinite(tuning.deadband) || tuning.deadband < 0) throw new DeadbandInvalidError();
    const gap = narrowestThresholdGap(thresholds);
    if (gap && tuning.deadband >= gap.size) throw new DeadbandTooWideError(tuning.deadband, gap.words);
  }
}

function sameThresholds(a: SensorThresholds, b: SensorThresholds): boolean {
  return a.high === b.high && a.highHigh === b.highHigh && a.low === b.low && a.lowLow === b.lowLow;
}

function sameTuning(a: AlarmTuning, b: AlarmTuning): boolean {
  return (
    a.deadband === b.deadband && a.debounceReadings === b.debounceReadings && a.debounceSeconds === b.debounceSeconds
  );
}

export const sensorDecider = defineDecider<SensorCommand, SensorEvent, SensorState>({
  events: sensorEvents,
  initialState: initialSensorState,
  evolve: evolveSensor,
  decide: decideSensor,
  notFound: () => new SensorNotFoundError(),
  scopeOf: (state) => (state.status === 'none' ? {} : { jurisdiction: state.jurisdiction }),
});
