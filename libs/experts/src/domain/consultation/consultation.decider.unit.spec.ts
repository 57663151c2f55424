import { spec } from '@app/event-sourcing/testing';
import { ExpertWithdrawnError } from '../expert/expert.errors';
import { EXPERT_LIMITS } from '../expert/expert.types';
import type { AnswerConsultation, InviteExpert } from './consultation.commands';
import { consultationDecider } from './consultation.decider';
import {
  ConsultationAcceptedError,
  ConsultationDeclinedError,
  ConsultationFieldError,
  ConsultationIncidentClosedError,
  ConsultationNotFoundError,
  ConsultationPendingError,
} from './consultation.errors';
import type { ConsultationEvent } from './consultation.events';

const now = new Date('2026-12-07T01:00:00Z');
const consultationId = '0f6b2c1e-7d3a-5e4b-8c9d-1a2b3c4d5e6f';
const incidentId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const expertId = '3c1d7e2a-5b6f-4a8e-9d0c-1e2f3a4b5c6d';

const invite: InviteExpert = {
  type: 'InviteExpert',
  consultationId,
  incidentId,
  incidentJurisdiction: '640571',
  incidentOpen: true,
  drillId: null,
  expert: { expertId, name: '张三', specialtyLabels: ['危险化学品'], active: true },
  mode: 'remote',
  topic: '堵漏方案',
  now,
};
const invited: ConsultationEvent = {
  type: 'ExpertInvited',
  data: {
    consultationId,
    incidentId,
    expertId,
    expertName: '张三',
    specialtyLabels: ['危险化学品'],
    jurisdiction: '640571',
    drillId: null,
    mode: 'remote',
    topic: '堵漏方案',
    invitedAt: now.toISOString(),
  },
};
const answerData = (note: string | null = null) => ({
  consultationId,
  incidentId,
  expertId,
  expertName: '张三',
  note,
  answeredAt: now.toISOString(),
});
const accepted: ConsultationEvent = { type: 'ConsultationAccepted', data: answerData() };
const declined: ConsultationEvent = { type: 'ConsultationDeclined', data: answerData() };
const answer = (verb: 'accept' | 'decline', overrides: Partial<AnswerConsultation> = {}): AnswerConsultation => ({
  type: 'AnswerConsultation',
  answer: verb,
  note: null,
  incidentOpen: true,
  now,
  ...overrides,
});

const consultation = spec(consultationDecider);

describe('an expert not invited to the incident', () => {
  it('is invited on a topic, on site or remote, marked with the incident’s drill when it is one', () => {
    const { state } = consultation.when(invite).then([invited]);
    expect(state).toMatchObject({ status: 'invited', jurisdiction: '640571' });
    const drill = consultation.when({ ...invite, drillId: 'drill-1', mode: 'on_site' }).decided();
    expect(drill.events[0]!.data).toMatchObject({ drillId: 'drill-1', mode: 'on_site' });
  });

  it('is not invited once the response has ended, when withdrawn, or without a topic or known mode', () => {
    consultation
      .when({ ...invite, incidentOpen: false })
      .thenThrows(ConsultationIncidentClosedError, 'INCIDENT_CLOSED');
    consultation
      .when({ ...invite, expert: { ...invite.expert, active: false } })
      .thenThrows(ExpertWithdrawnError, 'EXPERT_WITHDRAWN');
    consultation.when({ ...invite, topic: '  ' }).thenThrows(ConsultationFieldError, 'VALIDATION_FAILED');
    consultation
      .when({ ...invite, topic: 'x'.repeat(EXPERT_LIMITS.topic + 1) })
      .thenThrows(ConsultationFieldError, 'VALIDATION_FAILED');
    consultation.when({ ...invite, mode: 'pigeon' as never }).thenThrows(ConsultationFieldError, 'VALIDATION_FAILED');
  });

  it('cannot accept or decline what was never asked (404)', () => {
    consultation.when(answer('accept')).thenThrows(ConsultationNotFoundError, 'CONSULTATION_NOT_FOUND');
    consultation.when(answer('decline')).thenThrows(ConsultationNotFoundError, 'CONSULTATION_NOT_FOUND');
  });
});

describe('a pending invitation', () => {
  const given = consultation.given([invited]);

  it('is accepted or declined, with a note', () => {
    const yes = given
      .when(answer('accept', { note: '30 分钟后接入' }))
      .then([{ type: 'ConsultationAccepted', data: answerData('30 分钟后接入') }]);
    expect(yes.state.status).toBe('accepted');
    const no = given.when(answer('decline')).then([declined]);
    expect(no.state.status).toBe('declined');
  });

  it('is not sent twice, and no answer is recorded after the response ended or with an oversized note', () => {
    given.when(invite).thenThrows(ConsultationPendingError, 'CONSULTATION_PENDING');
    given
      .when(answer('accept', { incidentOpen: false }))
      .thenThrows(ConsultationIncidentClosedError, 'INCIDENT_CLOSED');
    given
      .when(answer('decline', { note: 'x'.repeat(EXPERT_LIMITS.note + 1) }))
      .thenThrows(ConsultationFieldError, 'VALIDATION_FAILED');
  });
});

describe('an accepted invitation', () => {
  const given = consultation.given([invited, accepted]);

  it('is neither answered again, declined afterwards, nor sent again (409)', () => {
    given.when(answer('accept')).thenThrows(ConsultationAcceptedError, 'CONSULTATION_ALREADY_ACCEPTED');
    given.when(answer('decline')).thenThrows(ConsultationAcceptedError, 'CONSULTATION_ALREADY_ACCEPTED');
    given.when(invite).thenThrows(ConsultationAcceptedError, 'CONSULTATION_ALREADY_ACCEPTED');
  });
});

describe('a declined invitation', () => {
  const given = consultation.given([invited, declined]);

  it('is not accepted or declined afterwards (409)', () => {
    given.when(answer('accept')).thenThrows(ConsultationDeclinedError, 'CONSULTATION_DECLINED');
    given.when(answer('decline')).thenThrows(ConsultationDeclinedError, 'CONSULTATION_DECLINED');
  });

  it('may be followed by a new invitation, which is pending again', () => {
    const { state } = given.when({ ...invite, topic: '再请' }).decided();
    expect(state).toMatchObject({ status: 'invited' });
  });
});
