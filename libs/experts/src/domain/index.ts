// The expert library's pure domain: what other contexts' domain code may import (no framework behind it).
export * from './expert/expert.types';
export * from './expert/expert.events';
export * from './expert/expert.commands';
export * from './expert/expert.errors';
export { expertDecider } from './expert/expert.decider';
export type { ExpertState } from './expert/expert.state';
export * from './consultation/consultation.events';
export * from './consultation/consultation.commands';
export * from './consultation/consultation.errors';
export { consultationDecider } from './consultation/consultation.decider';
export type { ConsultationState } from './consultation/consultation.state';
export * from './recommend/needed-specialties';
