/** Shapes the server sends (see the read-model views under libs: incident, team and stock views). Only what the console reads is typed. */
export type Role = 'duty_officer' | 'commander' | 'drill_coordinator' | 'viewer' | 'admin';

export interface User {
  id: string;
  username?: string;
  displayName?: string;
  roles: Role[];
  jurisdiction: string;
}

export interface Session {
  accessToken: string;
  expiresAt: string;
  user: User;
}

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface Casualties {
  deaths: number;
  missing: number;
  seriousInjuries: number;
  minorInjuries: number;
  trapped: number;
}

export interface Deadline {
  id: string;
  kind: string;
  dueAt: string;
  level: string;
  levelLabel?: string;
  reason?: string;
  status: string; // 'pending', 'met', 'overdue' or one this console does not know yet
  reportedAt: string | null;
  reportedBy: string | null;
}

export interface AssignedTeam {
  teamId: string;
  name: string;
  task: string | null;
  status: string;
  dispatchedAt: string;
  arrivedAt: string | null;
  releasedAt: string | null;
}

export interface Allocation {
  allocationId: string;
  warehouseId: string;
  items: { materialCode: string; quantity: number }[];
  status: string;
  allocatedAt: string;
  updatedAt: string;
}

export interface ChecklistTask {
  taskId: string;
  planId: string;
  planVersion: number;
  group: string;
  leadAgency: string;
  title: string;
  level: string;
  levelLabel?: string;
  status: 'open' | 'done';
  addedAt: string;
  completedAt: string | null;
  completedBy: string | null;
  note: string | null;
}

export interface ActivePlan {
  planId: string;
  version: number;
  title: string;
  level: string;
  activatedBy: string;
  activatedAt: string;
}

export interface Incident {
  id: string;
  title: string;
  category: string;
  categoryLabel: string;
  status: 'open' | 'closed';
  grade: 'general' | 'major' | 'serious' | 'especially_serious';
  gradeLabel: string;
  responseLevel: 'I' | 'II' | 'III' | 'IV' | null;
  responseLevelLabel: string | null;
  jurisdiction: string;
  jurisdictionName: string;
  enterprise: string | null;
  occurredAt: string;
  reportedAt: string;
  updatedAt: string;
  closedAt: string | null;
  location: GeoPoint & { address: string };
  reporter: { name: string; phone: string; organization: string };
  casualties: Casualties;
  directLossYuan: number | null;
  description: string;
  measures: string | null;
  summary: string | null;
  drillId: string | null;
  deadlines: Deadline[];
  assignedTeams: AssignedTeam[];
  allocations: Allocation[];
  tasks: ChecklistTask[];
  activePlans: ActivePlan[];
  revision: number;
  position: string;
}

export interface TimelineEntry {
  incidentId: string;
  revision: number;
  at: string;
  recordedAt: string;
  type: string;
  summary: string;
  actor: string;
  drillId: string | null;
  position: string;
}

export interface StoredEvent {
  id: string;
  type: string;
  revision: number;
  position: string;
  recordedAt: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export interface Team {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  specialties: string[];
  specialtyLabels: string[];
  headcount: number;
  base: GeoPoint & { address: string };
  jurisdiction: string;
  jurisdictionName: string;
  contact: { name?: string; phone?: string } | null;
  status: string;
  statusLabel: string;
  statusSince: string;
  nextStatuses?: string[];
  incidentId: string | null;
  location: GeoPoint;
  revision: number;
  position: string;
}

export interface StockLine {
  warehouseId: string;
  materialCode: string;
  materialName: string;
  unit: string;
  onHand: number;
  reserved: number;
  available: number;
  minimum: number;
  belowMinimum: boolean;
  nearestExpiry: string | null;
  nearExpiry: boolean;
}

export interface Warehouse {
  id: string;
  name: string;
  level: string;
  levelLabel: string;
  location: GeoPoint & { address: string };
  jurisdiction: string;
  jurisdictionName: string;
  reserveKind: string;
  reserveKindLabel: string;
  revision: number;
  stock: StockLine[];
}

export interface JurisdictionNode {
  code: string;
  name: string;
  level: string;
  parent: string | null;
  children: JurisdictionNode[];
}

export interface TeamRecommendation {
  teamId: string;
  name: string;
  kind: string;
  matchedSpecialties: string[];
  distanceKm: number;
  etaMinutes: number;
  reason: string;
}

export interface WarehouseRecommendation {
  warehouseId: string;
  name: string;
  distanceKm: number;
  sufficient: boolean;
  shortfall: { materialCode: string; needed: number; available: number }[];
  reason: string;
}

export interface Recommendations {
  incidentId: string;
  needsFrom: 'plan' | 'category';
  neededTeams: { specialty: string; count: number; assigned: number }[];
  neededSpecialties: string[];
  neededSpecialtyLabels?: string[];
  neededMaterials: { materialCode: string; quantity: number }[];
  teams: TeamRecommendation[];
  warehouses: WarehouseRecommendation[];
}

export interface PlanSummary {
  id: string;
  title: string;
  kind: string;
  kindLabel?: string;
  status: string;
  statusLabel?: string;
  categories: string[];
  jurisdiction: string;
  jurisdictionName?: string;
  version: number;
  inForceVersion: number | null;
}

export interface PlanSuggestion {
  planId: string;
  version: number;
  title: string;
  level: string;
  reasons: string[];
  action: 'activate' | 'raise_level';
}

export interface PlanSuggestions {
  incidentId: string;
  title?: string;
  responseLevel?: string | null;
  suggestions: PlanSuggestion[];
}

export type AlertKind =
  | 'deadline.due'
  | 'deadline.overdue'
  | 'rollcall.issued'
  | 'rollcall.missed'
  | 'rollcall.answered'
  | 'warning.issued'
  | 'warning.changed'
  | 'plan.suggested';

export interface Alert {
  key: string;
  kind: AlertKind;
  message: string;
  receivedAt: string;
  incidentId?: string;
  rollCallId?: string;
  rollCallTarget?: string;
  warningLevel?: string;
  answered?: boolean;
}

export type ConnectionState = 'connected' | 'disconnected' | 'connecting';
