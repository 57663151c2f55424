import type { ExpertSpecialty } from '../../contract';
import type { ExpertProfile } from './expert.events';

export interface RegisterExpert {
  type: 'RegisterExpert';
  expertId: string;
  name: string;
  specialties: ExpertSpecialty[];
  title: string;
  organization: string;
  phone: string;
  jurisdiction: string;
  now: Date;
}

/** Proposed changes; the decider keeps those that really change something. */
export interface UpdateExpert {
  type: 'UpdateExpert';
  changes: Partial<ExpertProfile>;
  now: Date;
}

/** 退出专家库: the expert is no longer invited; the incidents they advised still name them. */
export interface WithdrawExpert {
  type: 'WithdrawExpert';
  reason: string | null;
  now: Date;
}

export type ExpertCommand = RegisterExpert | UpdateExpert | WithdrawExpert;
