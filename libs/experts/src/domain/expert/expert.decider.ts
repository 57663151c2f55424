import { defineDecider, unknownCase } from '@app/event-sourcing/events';
import type { ExpertCommand, RegisterExpert, UpdateExpert, WithdrawExpert } from './expert.commands';
import {
  ExpertAlreadyRegisteredError,
  ExpertFieldError,
  ExpertNotFoundError,
  ExpertWithdrawnError,
} from './expert.errors';
import { expertEvents, type ExpertEvent, type ExpertProfile } from './expert.events';
import { evolveExpert, initialExpertState, type ExpertState } from './expert.state';
import { EXPERT_LIMITS, EXPERT_SPECIALTIES } from './expert.types';

type Registered = Exclude<ExpertState, { status: 'none' }>;

export function decideExpert(command: ExpertCommand, state: ExpertState): ExpertEvent[] {
  if (command.type === 'RegisterExpert') return register(command, state);
  if (state.status === 'none') throw new ExpertNotFoundError();
  if (state.status === 'withdrawn') throw new ExpertWithdrawnError();
  switch (command.type) {
    case 'UpdateExpert':
      return update(command, state);
    case 'WithdrawExpert':
      return withdraw(command, state);
    default:
      return unknownCase(command);
  }
}

function register(command: RegisterExpert, state: ExpertState): ExpertEvent[] {
  if (state.status !== 'none') throw new ExpertAlreadyRegisteredError();
  const profile: ExpertProfile = {
    name: command.name,
    specialties: unique(command.specialties),
    title: command.title,
    organization: command.organization,
    phone: command.phone,
  };
  assertProfile(profile);
  return [
    {
      type: 'ExpertRegistered',
      data: {
        expertId: command.expertId,
        jurisdiction: command.jurisdiction,
        ...profile,
        registeredAt: command.now.toISOString(),
      },
    },
  ];
}

/** Only what really changes goes into the event; a change to nothing appends nothing. */
function update(command: UpdateExpert, state: Registered): ExpertEvent[] {
  const proposed: Partial<ExpertProfile> = {
    ...command.changes,
    ...(command.changes.specialties ? { specialties: unique(command.changes.specialties) } : {}),
  };
  assertProfile(proposed);
  const changes = Object.fromEntries(
    Object.entries(proposed).filter(
      ([key, value]) =>
        value !== undefined && JSON.stringify(value) !== JSON.stringify(state[key as keyof ExpertProfile]),
    ),
  ) as Partial<ExpertProfile>;
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'ExpertProfileUpdated',
      data: { expertId: state.expertId, changes, updatedAt: command.now.toISOString() },
    },
  ];
}

function withdraw(command: WithdrawExpert, state: Registered): ExpertEvent[] {
  if (command.reason !== null && command.reason.length > EXPERT_LIMITS.reason) {
    throw new ExpertFieldError('reason', `最多 ${EXPERT_LIMITS.reason} 个字符`);
  }
  return [
    {
      type: 'ExpertWithdrawn',
      data: { expertId: state.expertId, reason: command.reason, withdrawnAt: command.now.toISOString() },
    },
  ];
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

function assertProfile(profile: Partial<ExpertProfile>): void {
  if (profile.name !== undefined) assertText('name', profile.name, EXPERT_LIMITS.name);
  if (profile.title !== undefined) assertText('title', profile.title, EXPERT_LIMITS.title);
  if (profile.organization !== undefined) assertText('organization', profile.organization, EXPERT_LIMITS.organization);
  if (profile.phone !== undefined) assertText('phone', profile.phone, EXPERT_LIMITS.phone);
  if (profile.specialties !== undefined) {
    if (profile.specialties.length === 0) throw new ExpertFieldError('specialties', '至少填写一个专业领域');
    if (profile.specialties.length > EXPERT_LIMITS.specialties)
      throw new ExpertFieldError('specialties', `最多 ${EXPERT_LIMITS.specialties} 个专业领域`);
    if (profile.specialties.some((s) => !EXPERT_SPECIALTIES.includes(s)))
      throw new ExpertFieldError('specialties', '未知的专业领域');
  }
}

function assertText(path: string, value: string, max: number): void {
  if (value.trim().length === 0) throw new ExpertFieldError(path, '不能为空');
  if (value.length > max) throw new ExpertFieldError(path, `最多 ${max} 个字符`);
}

export const expertDecider = defineDecider<ExpertCommand, ExpertEvent, ExpertState>({
  events: expertEvents,
  initialState: initialExpertState,
  evolve: evolveExpert,
  decide: decideExpert,
  notFound: () => new ExpertNotFoundError(),
  scopeOf: (state) => (state.status === 'none' ? {} : { jurisdiction: state.jurisdiction }),
});
