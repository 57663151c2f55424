import { spec } from '@app/event-sourcing/testing';
import type { ExpertCommand, RegisterExpert } from './expert.commands';
import { expertDecider } from './expert.decider';
import {
  ExpertAlreadyRegisteredError,
  ExpertFieldError,
  ExpertNotFoundError,
  ExpertWithdrawnError,
} from './expert.errors';
import type { ExpertEvent } from './expert.events';
import { EXPERT_LIMITS } from './expert.types';

const now = new Date('2026-12-07T01:00:00Z');
const expertId = '3c1d7e2a-5b6f-4a8e-9d0c-1e2f3a4b5c6d';

const register: RegisterExpert = {
  type: 'RegisterExpert',
  expertId,
  name: '张三（演示专家）',
  specialties: ['hazardous_chemicals', 'environment', 'hazardous_chemicals'],
  title: '正高级工程师',
  organization: '某化工设计研究院',
  phone: '13995500000',
  jurisdiction: '640500',
  now,
};

const registered: ExpertEvent = {
  type: 'ExpertRegistered',
  data: {
    expertId,
    jurisdiction: '640500',
    name: '张三（演示专家）',
    specialties: ['hazardous_chemicals', 'environment'],
    title: '正高级工程师',
    organization: '某化工设计研究院',
    phone: '13995500000',
    registeredAt: now.toISOString(),
  },
};
const withdrawn: ExpertEvent = {
  type: 'ExpertWithdrawn',
  data: { expertId, reason: null, withdrawnAt: now.toISOString() },
};
const update = (changes: Extract<ExpertCommand, { type: 'UpdateExpert' }>['changes']): ExpertCommand => ({
  type: 'UpdateExpert',
  changes,
  now,
});
const withdraw = (reason: string | null = null): ExpertCommand => ({ type: 'WithdrawExpert', reason, now });

const expert = spec(expertDecider);

describe('an expert not yet in the library', () => {
  it('enters it with each specialty once', () => {
    const { state } = expert.when(register).then([registered]);
    expect(state).toMatchObject({ status: 'active', jurisdiction: '640500' });
  });

  it('is refused with blank or oversized text, no specialty, too many or an unknown one', () => {
    const bad: Partial<RegisterExpert>[] = [
      { name: '  ' },
      { name: 'x'.repeat(EXPERT_LIMITS.name + 1) },
      { title: '' },
      { organization: 'x'.repeat(EXPERT_LIMITS.organization + 1) },
      { phone: '' },
      { specialties: [] },
      { specialties: ['astrology' as never] },
      {
        specialties: ['fire', 'gas', 'power', 'flood', 'geology', 'medical', 'structural', 'environment', 'metallurgy'],
      },
    ];
    for (const change of bad) expert.when({ ...register, ...change }).thenThrows(ExpertFieldError, 'VALIDATION_FAILED');
  });

  it('cannot be changed or withdrawn (404)', () => {
    expert.when(update({ title: '高级工程师' })).thenThrows(ExpertNotFoundError, 'EXPERT_NOT_FOUND');
    expert.when(withdraw()).thenThrows(ExpertNotFoundError, 'EXPERT_NOT_FOUND');
  });
});

describe('an expert in the library', () => {
  const given = expert.given([registered]);

  it('is not registered twice', () => {
    given.when(register).thenThrows(ExpertAlreadyRegisteredError, 'EXPERT_ALREADY_REGISTERED');
  });

  it('records only the fields that really change; a change to nothing appends nothing', () => {
    given.when(update({ title: '正高级工程师', phone: '0955-7000000' })).then([
      {
        type: 'ExpertProfileUpdated',
        data: { expertId, changes: { phone: '0955-7000000' }, updatedAt: now.toISOString() },
      },
    ]);
    given.when(update({ title: '正高级工程师', specialties: ['environment', 'hazardous_chemicals'] })).then([
      {
        type: 'ExpertProfileUpdated',
        data: {
          expertId,
          changes: { specialties: ['environment', 'hazardous_chemicals'] },
          updatedAt: now.toISOString(),
        },
      },
    ]);
    given.when(update({ name: '张三（演示专家）' })).thenNothing();
    given.when(update({ specialties: [] })).thenThrows(ExpertFieldError, 'VALIDATION_FAILED');
  });

  it('withdraws with a reason of bounded length', () => {
    const { state } = given
      .when(withdraw('退休'))
      .then([{ type: 'ExpertWithdrawn', data: { expertId, reason: '退休', withdrawnAt: now.toISOString() } }]);
    expect(state.status).toBe('withdrawn');
    given.when(withdraw('x'.repeat(EXPERT_LIMITS.reason + 1))).thenThrows(ExpertFieldError, 'VALIDATION_FAILED');
  });
});

describe('a withdrawn expert', () => {
  const given = expert.given([registered, withdrawn]);

  it('is neither changed nor withdrawn again (409 EXPERT_WITHDRAWN)', () => {
    given.when(update({ title: '高级工程师' })).thenThrows(ExpertWithdrawnError, 'EXPERT_WITHDRAWN');
    given.when(withdraw()).thenThrows(ExpertWithdrawnError, 'EXPERT_WITHDRAWN');
    given.when(register).thenThrows(ExpertAlreadyRegisteredError, 'EXPERT_ALREADY_REGISTERED');
  });
});
