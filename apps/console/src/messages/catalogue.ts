import { en as coreEn } from './en';
import { zh as coreZh } from './zh';
// Each feature keeps its own messages beside its code (features/*/messages.ts); one line here per feature.
import * as alarms from '../features/alarms/messages';
import * as dutyDesk from '../features/duty-desk/messages';
import * as board from '../features/board/messages';
import * as incident from '../features/incident/messages';
import * as intake from '../features/intake/messages';
import * as live from '../features/live/messages';
import * as errors from '../features/errors/messages';
import * as labels from '../features/labels/messages';
import * as map from '../features/map/messages';
import * as warnings from '../features/warnings/messages';
import * as statistics from '../features/statistics/messages';
import * as compliance from '../features/compliance/messages';
import * as drills from '../features/drills/messages';
import * as replay from '../features/replay/messages';
import * as plans from '../features/plans/messages';
import * as drillEvaluation from '../features/drills/evaluation-messages';
import * as enterprises from '../features/enterprises/messages';
import * as monitoring from '../features/monitoring/messages';
import * as alarmIntake from '../features/alarm-intake/messages';
import * as targets from '../features/targets/messages';
import * as hiddenHazards from '../features/hidden-hazards/messages';
import * as experts from '../features/experts/messages';
import * as shelters from '../features/shelters/messages';

/** Every message key of the console, Chinese first: the type every other language's dictionary follows. */
export const zh = {
  ...coreZh,
  ...alarms.zh,
  ...dutyDesk.zh,
  ...board.zh,
  ...incident.zh,
  ...intake.zh,
  ...live.zh,
  ...errors.zh,
  ...labels.zh,
  ...map.zh,
  ...warnings.zh,
  ...statistics.zh,
  ...compliance.zh,
  ...drills.zh,
  ...replay.zh,
  ...plans.zh,
  ...drillEvaluation.zh,
  ...enterprises.zh,
  ...monitoring.zh,
  ...alarmIntake.zh,
  ...targets.zh,
  ...hiddenHazards.zh,
  ...experts.zh,
  ...shelters.zh,
};

export type MessageKey = keyof typeof zh;

export const en: Record<MessageKey, string> = {
  ...coreEn,
  ...alarms.en,
  ...dutyDesk.en,
  ...board.en,
  ...incident.en,
  ...intake.en,
  ...live.en,
  ...errors.en,
  ...labels.en,
  ...map.en,
  ...warnings.en,
  ...statistics.en,
  ...compliance.en,
  ...drills.en,
  ...replay.en,
  ...plans.en,
  ...drillEvaluation.en,
  ...enterprises.en,
  ...monitoring.en,
  ...alarmIntake.en,
  ...targets.en,
  ...hiddenHazards.en,
  ...experts.en,
  ...shelters.en,
};
