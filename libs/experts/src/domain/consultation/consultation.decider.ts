import { defineDecider, unknownCase } from '@app/event-sourcing/events';
import { ExpertWithdrawnError } from '../expert/expert.errors';
import { EXPERT_LIMITS } from '../expert/expert.types';
import type { AnswerConsultation, ConsultationCommand, InviteExpert } from './consultation.commands';
import {
  ConsultationAcceptedError,
  ConsultationDeclinedError,
  ConsultationFieldError,
  ConsultationIncidentClosedError,
  ConsultationNotFoundError,
  ConsultationPendingError,
} from './consultation.errors';
import { consultationEvents, type ConsultationEvent } from './consultation.events';
import { evolveConsultation, initialConsultationState, type ConsultationState } from './consultation.state';

/**
 * One stream per incident and expert: 邀请 → 接受 or 谢绝. After 谢绝 the expert may be invited again (a new round on
 * the same stream); an accepted invitation stands until the response ends.
 */
export function decideConsultation(command: ConsultationCommand, state: ConsultationState): ConsultationEvent[] {
  switch (command.type) {
    case 'InviteExpert':
      return invite(command, state);
    case 'AnswerConsultation':
      return answer(command, state);
    default:
      return unknownCase(command);
  }
}

function invite(command: InviteExpert, state: ConsultationState): ConsultationEvent[] {
  if (state.status === 'invited') throw new ConsultationPendingError();
  if (state.status === 'accepted') throw new ConsultationAcceptedError();
  if (!command.incidentOpen) throw new ConsultationIncidentClosedError();
  if (!command.expert.active) throw new ExpertWithdrawnError();
  if (command.mode !== 'on_site' && command.mode !== 'remote')
    throw new ConsultationFieldError('mode', '未知的会商方式');
  assertText('topic', command.topic, EXPERT_LIMITS.topic);
  return [
    {
      type: 'ExpertInvited',
      data: {
        consultationId: command.consultationId,
        incidentId: command.incidentId,
        expertId: command.expert.expertId,
        expertName: command.expert.name,
        specialtyLabels: [...command.expert.specialtyLabels],
        jurisdiction: command.incidentJurisdiction,
        drillId: command.drillId,
        mode: command.mode,
        topic: command.topic,
        invitedAt: command.now.toISOString(),
      },
    },
  ];
}

function answer(command: AnswerConsultation, state: ConsultationState): ConsultationEvent[] {
  if (state.status === 'none') throw new ConsultationNotFoundError();
  if (state.status === 'accepted') throw new ConsultationAcceptedError();
  if (state.status === 'declined') throw new ConsultationDeclinedError();
  if (!command.incidentOpen) throw new ConsultationIncidentClosedError();
  if (command.note !== null && command.note.length > EXPERT_LIMITS.note)
    throw new ConsultationFieldError('note', `最多 ${EXPERT_LIMITS.note} 个字符`);
  const data = {
    consultationId: state.consultationId,
    incidentId: state.incidentId,
    expertId: state.expertId,
    expertName: state.expertName,
    note: command.note,
    answeredAt: command.now.toISOString(),
  };
  return [
    command.answer === 'accept' ? { type: 'ConsultationAccepted', data } : { type: 'ConsultationDeclined', data },
  ];
}

function assertText(path: string, value: string, max: number): void {
  if (value.trim().length === 0) throw new ConsultationFieldError(path, '不能为空');
  if (value.length > max) throw new ConsultationFieldError(path, `最多 ${max} 个字符`);
}

export const consultationDecider = defineDecider<ConsultationCommand, ConsultationEvent, ConsultationState>({
  events: consultationEvents,
  initialState: initialConsultationState,
  evolve: evolveConsultation,
  decide: decideConsultation,
  notFound: () => new ConsultationNotFoundError(),
  scopeOf: (state) => (state.status === 'none' ? {} : { jurisdiction: state.jurisdiction }),
});
