import { act } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { IncidentView } from '@app/incidents/contract';
import type { ReplayActorView, ReplayEventData, ReplayView } from '@app/replay/contract';
import { StoreContext, type StoreValue } from '../../store';
import { initialState } from '../../store-reducer';
import type { Session } from '../../ui-types';
import { IDS, NAMES, SAMPLE_EVENTS } from './replay-fixtures';

/** Shared by the replay screens' component tests: the fake socket, a session, states, events and a store. */

export interface FakeSocket {
  handlers: Map<string, (payload: unknown) => void>;
  subscribed: { name: string; body: unknown }[];
}

/** Delivers one `replay.event` to the screen, as the server's room would. */
export function deliver(socket: FakeSocket, data: ReplayEventData) {
  act(() => socket.handlers.get('replay.event')!({ position: null, data }));
}

export const coordinator: Session = {
  accessToken: 't',
  expiresAt: '2099-01-01T00:00:00Z',
  user: {
    id: 'u1',
    username: 'coord',
    displayName: '演练组织者',
    roles: ['drill_coordinator'],
    jurisdiction: '640500',
  },
};

export function replayView(over: Partial<ReplayView> = {}): ReplayView {
  return {
    replayId: 'r1',
    incidentId: null,
    drillId: null,
    status: 'running',
    speed: 20,
    at: '2026-12-06T01:00:00Z',
    from: '2026-12-06T01:00:00Z',
    to: '2026-12-06T03:00:00Z',
    emitted: 0,
    total: 6,
    position: null,
    startedBy: 'u1',
    startedAt: '2026-12-06T05:00:00Z',
    ...over,
  };
}

export function incidentState(over: Partial<IncidentView> = {}): IncidentView {
  return {
    id: IDS.incident,
    title: NAMES.incident,
    category: 'hazardous_chemicals',
    status: 'open',
    grade: 'general',
    responseLevel: null,
    location: { address: '中卫市沙坡头区工业园', lat: 37.5, lng: 105.2 },
    casualties: { deaths: 1, missing: 0, seriousInjuries: 2, minorInjuries: 3, trapped: 0 },
    drillId: IDS.drill,
    assignedTeams: [],
    allocations: [],
    updatedAt: '2026-12-06T01:05:00Z',
    revision: 1,
    position: '1/1',
    ...over,
  } as unknown as IncidentView;
}

const person = (name: string): ReplayActorView => ({ name, kind: 'person', via: null });

export function replayEvent(
  index: number,
  type: keyof typeof SAMPLE_EVENTS,
  {
    recordedAt = '2026-12-06T01:30:00Z',
    actor = person('张指挥'),
    state = null,
    data = SAMPLE_EVENTS[type],
    seek,
    total = 6,
  }: {
    recordedAt?: string;
    actor?: ReplayActorView | null;
    state?: IncidentView | null;
    data?: unknown;
    seek?: true;
    total?: number;
  } = {},
): ReplayEventData {
  return {
    replayId: 'r1',
    index,
    total,
    incidentId: state?.id ?? null,
    ...(seek ? { seek } : {}),
    event: { type, streamName: 's', revision: index, data, recordedAt },
    actor,
    state,
  };
}

/** A store holding the team and the warehouse the samples name by id. */
export function withStore(children: ReactNode) {
  const value: StoreValue = {
    state: {
      ...initialState,
      teams: {
        [IDS.team]: { id: IDS.team, name: NAMES.team, base: { address: '沙坡头区', lat: 37.45, lng: 105.1 } },
      } as unknown as StoreValue['state']['teams'],
      warehouses: {
        [IDS.warehouse]: {
          id: IDS.warehouse,
          name: NAMES.warehouse,
          location: { address: '中卫市', lat: 37.52, lng: 105.19 },
          stock: [],
        },
      } as unknown as StoreValue['state']['warehouses'],
    },
    dispatch: () => undefined,
    focusIncident: () => undefined,
    refetchAll: () => Promise.resolve(true),
    refetchIncident: () => Promise.resolve(),
    whenLiveReaches: () => Promise.resolve(),
  };
  return <StoreContext.Provider value={value}>{children}</StoreContext.Provider>;
}

export { socket } from './socket-fake';
