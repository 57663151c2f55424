/** The roles of docs/api.md section 4, with the Chinese names users see. */
import type { Role } from '../contract';

export type { Role } from '../contract';
export const ROLES = [
  'duty_officer',
  'commander',
  'drill_coordinator',
  'viewer',
  'admin',
] as const satisfies readonly Role[];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  duty_officer: '值班员',
  commander: '指挥长',
  drill_coordinator: '演练组织者',
  viewer: '查看员',
  admin: '系统管理员',
};

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);
