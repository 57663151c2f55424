import { useCallback, useState } from 'react';
import type { MapLayerId } from './layers/registry';

/**
 * What each user last chose on the map (which layers, real or drill incidents, labels always shown), kept in this
 * browser under the user's id, so two officers sharing a desk each get their own map back.
 */
export type DrillFilter = 'real' | 'drill';

export interface MapPrefs {
  hidden: MapLayerId[];
  drill: DrillFilter;
  permanentLabels: boolean;
}

export const DEFAULT_PREFS: MapPrefs = { hidden: [], drill: 'real', permanentLabels: true };

export function prefsKey(userId: string): string {
  return `console.map.${userId}`;
}

/** The stored choices, or the defaults for anything missing or unreadable (a stored value is never trusted blindly). */
export function readPrefs(userId: string): MapPrefs {
  try {
    const raw = localStorage.getItem(prefsKey(userId));
    const stored = raw ? (JSON.parse(raw) as Partial<MapPrefs>) : {};
    return {
      hidden: Array.isArray(stored.hidden) ? stored.hidden.filter((h): h is MapLayerId => typeof h === 'string') : [],
      drill: stored.drill === 'drill' ? 'drill' : 'real',
      permanentLabels: typeof stored.permanentLabels === 'boolean' ? stored.permanentLabels : true,
    };
  } catch {
    return DEFAULT_PREFS;
  }
}

export function useMapPrefs(userId: string): [MapPrefs, (change: Partial<MapPrefs>) => void] {
  const [prefs, setPrefs] = useState(() => readPrefs(userId));
  const update = useCallback(
    (change: Partial<MapPrefs>) =>
      setPrefs((current) => {
        const next = { ...current, ...change };
        try {
          localStorage.setItem(prefsKey(userId), JSON.stringify(next));
        } catch {
          // A full or disabled storage only costs remembering the choice; the map itself follows it anyway.
        }
        return next;
      }),
    [userId],
  );
  return [prefs, update];
}
