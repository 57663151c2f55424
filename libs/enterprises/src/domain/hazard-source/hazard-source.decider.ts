import { defineDecider, unknownCase } from '@app/event-sourcing/events';
import { assessHazardSource, type SubstanceInput } from '../gb18218/assess-hazard-source';
import type { HazardSourceCommand, RegisterHazardSource, ReviseHazardSource } from './hazard-source.commands';
import {
  HazardSourceAlreadyRegisteredError,
  HazardSourceNotFoundError,
  HazardSourceRetiredError,
} from './hazard-source.errors';
import { hazardSourceEvents, type DeclaredSubstance, type HazardSourceEvent } from './hazard-source.events';
import { evolveHazardSource, initialHazardSourceState, type HazardSourceState } from './hazard-source.state';

type Existing = Exclude<HazardSourceState, { status: 'none' }>;

/**
 * Every change that can move the identification (substances, quantities, exposed population) is assessed again
 * here, and the assessment goes into the event: the stream is the unit's identification history. A declaration the
 * standard refuses (unknown substance without category, a Q or β against the standard) is refused before anything
 * is stored.
 */
export function decideHazardSource(command: HazardSourceCommand, state: HazardSourceState): HazardSourceEvent[] {
  const at = command.now.toISOString();
  if (command.type === 'RegisterHazardSource') return register(command, state, at);
  if (state.status === 'none') throw new HazardSourceNotFoundError();
  if (state.status === 'retired') throw new HazardSourceRetiredError(state.retiredAt ?? at);
  switch (command.type) {
    case 'ReviseHazardSource':
      return revise(command, state, at);
    case 'RetireHazardSource':
      return [
        { type: 'HazardSourceRetired', data: { hazardSourceId: state.hazardSourceId, reason: command.reason, at } },
      ];
    default:
      return unknownCase(command);
  }
}

function register(command: RegisterHazardSource, state: HazardSourceState, at: string): HazardSourceEvent[] {
  if (state.status !== 'none') throw new HazardSourceAlreadyRegisteredError();
  const substances = command.substances.map(declared);
  const assessment = assessHazardSource({
    unitKind: command.unitKind,
    exposedPopulation: command.exposedPopulation,
    substances,
  });
  return [
    {
      type: 'HazardSourceRegistered',
      data: {
        hazardSourceId: command.hazardSourceId,
        enterpriseId: command.enterpriseId,
        enterpriseName: command.enterpriseName,
        jurisdiction: command.jurisdiction,
        name: command.name.trim(),
        unitKind: command.unitKind,
        location: { lat: command.location.lat, lng: command.location.lng },
        exposedPopulation: command.exposedPopulation,
        substances,
        assessment,
        registeredAt: at,
      },
    },
  ];
}

function revise(command: ReviseHazardSource, state: Existing, at: string): HazardSourceEvent[] {
  const events: HazardSourceEvent[] = [];
  const id = state.hazardSourceId;
  const name = command.name?.trim();
  if (name !== undefined && name !== state.name) {
    events.push({ type: 'HazardSourceRenamed', data: { hazardSourceId: id, name, previousName: state.name, at } });
  }
  // The population first, then the substances: each event's assessment is that of the unit after it.
  let population = state.exposedPopulation;
  if (command.exposedPopulation !== undefined && command.exposedPopulation !== state.exposedPopulation) {
    population = command.exposedPopulation;
    const assessment = assessHazardSource({
      unitKind: state.unitKind,
      exposedPopulation: population,
      substances: state.substances,
    });
    events.push({
      type: 'HazardExposedPopulationChanged',
      data: { hazardSourceId: id, exposedPopulation: population, previous: state.exposedPopulation, assessment, at },
    });
  }
  if (command.substances !== undefined) {
    const substances = command.substances.map(declared);
    if (JSON.stringify(substances) !== JSON.stringify(state.substances)) {
      const assessment = assessHazardSource({ unitKind: state.unitKind, exposedPopulation: population, substances });
      events.push({ type: 'HazardSubstancesChanged', data: { hazardSourceId: id, substances, assessment, at } });
    }
  }
  return events;
}

/** The declaration as stored: every field present (null when not given), names and numbers trimmed. */
function declared(input: SubstanceInput): DeclaredSubstance {
  return {
    casNo: input.casNo?.trim() || null,
    name: input.name.trim(),
    category: input.category ?? null,
    tableEntry: input.tableEntry ?? null,
    quantityTonnes: input.quantityTonnes,
    criticalQuantityTonnes: input.criticalQuantityTonnes ?? null,
    beta: input.beta ?? null,
  };
}

export const hazardSourceDecider = defineDecider<HazardSourceCommand, HazardSourceEvent, HazardSourceState>({
  events: hazardSourceEvents,
  initialState: initialHazardSourceState,
  evolve: evolveHazardSource,
  decide: decideHazardSource,
  notFound: () => new HazardSourceNotFoundError(),
  scopeOf: (state) => (state.status === 'none' ? {} : { jurisdiction: state.jurisdiction }),
});
