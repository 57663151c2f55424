import type { EnterpriseEvent, EnterpriseProfile } from './enterprise.events';

export interface DeviceKeyState {
  keyId: string;
  revoked: boolean;
}

export type EnterpriseState =
  | { status: 'none' }
  | (EnterpriseProfile & {
      status: 'registered';
      enterpriseId: string;
      creditCode: string;
      jurisdiction: string;
      keys: DeviceKeyState[];
    });

export const initialEnterpriseState: EnterpriseState = { status: 'none' };

export function evolveEnterprise(state: EnterpriseState, event: EnterpriseEvent): EnterpriseState {
  switch (event.type) {
    case 'EnterpriseRegistered': {
      const { registeredAt: _at, ...registered } = event.data;
      return { ...registered, status: 'registered', keys: [] };
    }
    case 'EnterpriseProfileUpdated':
      return state.status === 'none' ? state : { ...state, ...event.data.changes };
    case 'DeviceKeyIssued':
      return state.status === 'none'
        ? state
        : { ...state, keys: [...state.keys, { keyId: event.data.keyId, revoked: false }] };
    case 'DeviceKeyRevoked':
      return state.status === 'none'
        ? state
        : {
            ...state,
            keys: state.keys.map((k) => (k.keyId === event.data.keyId ? { ...k, revoked: true } : k)),
          };
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
}
