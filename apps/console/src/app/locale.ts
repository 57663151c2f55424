// The console's language and display zone (kept in time.ts, which imports nothing; see there why).
export {
  activeLang,
  activeTimeZone,
  DEFAULT_TIME_ZONE,
  onTimeZoneChange,
  setActiveLang,
  setActiveTimeZone,
  type LocaleLang,
} from '../time';
