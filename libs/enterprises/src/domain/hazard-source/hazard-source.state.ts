import type { HazardSourceEvent, DeclaredSubstance } from './hazard-source.events';

export type HazardSourceState =
  | { status: 'none' }
  | {
      status: 'active' | 'retired';
      hazardSourceId: string;
      jurisdiction: string;
      name: string;
      unitKind: 'production' | 'storage';
      exposedPopulation: number;
      substances: DeclaredSubstance[];
      retiredAt: string | null;
    };

export const initialHazardSourceState: HazardSourceState = { status: 'none' };

export function evolveHazardSource(state: HazardSourceState, event: HazardSourceEvent): HazardSourceState {
  if (event.type === 'HazardSourceRegistered') {
    const d = event.data;
    return {
      status: 'active',
      hazardSourceId: d.hazardSourceId,
      jurisdiction: d.jurisdiction,
      name: d.name,
      unitKind: d.unitKind,
      exposedPopulation: d.exposedPopulation,
      substances: d.substances,
      retiredAt: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'HazardSourceRenamed':
      return { ...state, name: event.data.name };
    case 'HazardSubstancesChanged':
      return { ...state, substances: event.data.substances };
    case 'HazardExposedPopulationChanged':
      return { ...state, exposedPopulation: event.data.exposedPopulation };
    case 'HazardSourceRetired':
      return { ...state, status: 'retired', retiredAt: event.data.at };
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
}
