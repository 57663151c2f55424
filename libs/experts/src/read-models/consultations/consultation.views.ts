import type { ConsultationMode, ConsultationStatus, ConsultationView } from '../../contract';
import type { ExpertRegisterRow } from '../expert-register/expert-register.entity';
import { specialtyLabelsOf } from '../../domain/expert/expert.types';
import type { ConsultationRow } from './consultation.entity';

export const CONSULTATION_MODE_LABELS: Readonly<Record<ConsultationMode, string>> = {
  on_site: '现场会商',
  remote: '远程会商',
};

export const CONSULTATION_STATUS_LABELS: Readonly<Record<ConsultationStatus, string>> = {
  invited: '已邀请，待答复',
  accepted: '已接受',
  declined: '已谢绝',
};

/** The consultation with the expert as the library shows them now (as invited, when the entry is not there). */
export function toConsultationView(row: ConsultationRow, expert: ExpertRegisterRow | undefined): ConsultationView {
  return {
    incidentId: row.incidentId,
    expertId: row.expertId,
    expertName: expert?.name ?? row.expertName,
    specialtyLabels: expert ? specialtyLabelsOf(expert.specialties) : row.specialtyLabels,
    title: expert?.title ?? '',
    organization: expert?.organization ?? '',
    phone: expert?.phone ?? '',
    mode: row.mode,
    modeLabel: CONSULTATION_MODE_LABELS[row.mode] ?? row.mode,
    status: row.status,
    statusLabel: CONSULTATION_STATUS_LABELS[row.status] ?? row.status,
    topic: row.topic,
    invitedAt: row.invitedAt.toISOString(),
    invitedBy: row.invitedBy,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    answeredBy: row.answeredBy ?? null,
    answerNote: row.answerNote,
    drillId: row.drillId,
    revision: row.revision,
  };
}
