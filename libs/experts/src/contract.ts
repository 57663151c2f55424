/**
 * What the expert library (专家库) and incident consultations (会商) show the outside world. Pure types, shared with
 * the console (`import type` from `@app/experts/contract`).
 */

export interface GeoPoint {
  lat: number;
  lng: number;
}

/** 专业领域 of an expert; each incident category is served by one or more of these (docs/experts.md). */
export type ExpertSpecialty =
  | 'hazardous_chemicals'
  | 'coal_mine'
  | 'non_coal_mine'
  | 'fire'
  | 'road_traffic'
  | 'construction'
  | 'special_equipment'
  | 'gas'
  | 'industry_trade'
  | 'fireworks'
  | 'metallurgy'
  | 'geology'
  | 'flood'
  | 'medical'
  | 'power'
  | 'structural'
  | 'environment'
  | 'other';

/** GET /experts, GET /experts/{id}. */
export interface ExpertView {
  id: string;
  name: string;
  specialties: ExpertSpecialty[];
  specialtyLabels: string[];
  /** 职称, as written (e.g. 正高级工程师). */
  title: string;
  organization: string;
  phone: string;
  jurisdiction: string;
  jurisdictionName: string;
  /** Withdrawn from the library (no longer invited); kept for the incidents that consulted them. */
  active: boolean;
  /** Consultations accepted on incidents still in response. */
  engagedIn: number;
  registeredAt: string;
  updatedAt: string;
  revision: number;
}

/** 会商邀请 → 接受 / 谢绝. */
export type ConsultationStatus = 'invited' | 'accepted' | 'declined';
/** 现场会商 or 远程会商. */
export type ConsultationMode = 'on_site' | 'remote';

/** GET /incidents/{id}/experts: one invitation of one expert to the incident. */
export interface ConsultationView {
  incidentId: string;
  expertId: string;
  expertName: string;
  specialtyLabels: string[];
  title: string;
  organization: string;
  phone: string;
  mode: ConsultationMode;
  modeLabel: string;
  status: ConsultationStatus;
  statusLabel: string;
  /** What the expert is asked to advise on. */
  topic: string;
  invitedAt: string;
  invitedBy: string;
  answeredAt: string | null;
  /** Who registered the answer (display name); null while pending. */
  answeredBy: string | null;
  answerNote: string | null;
  drillId: string | null;
  revision: number;
}

/** GET /incidents/{id}/expert-recommendations: experts for the incident, the best first. */
export interface ExpertRecommendation {
  expertId: string;
  name: string;
  title: string;
  organization: string;
  phone: string;
  matchedSpecialties: ExpertSpecialty[];
  matchedSpecialtyLabels: string[];
  /** Already accepted on another incident still in response. */
  engaged: boolean;
  /** Already invited to this incident. */
  invited: boolean;
  /** Why, in words (e.g. 匹配专业：危险化学品；预案要求：危化品处置). */
  reason: string;
}

export interface ExpertRecommendationsView {
  incidentId: string;
  /** The specialties the incident's category and its active plans call for, with labels. */
  neededSpecialties: { specialty: ExpertSpecialty; label: string; from: 'category' | 'plan' }[];
  experts: ExpertRecommendation[];
}
