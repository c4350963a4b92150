// Mirrors modules/dispatch/schemas/*.schema.ts: what the dispatch API answers.

export type Light = 'white' | 'blue' | 'green' | 'yellow' | 'red';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type AssignmentStatus = 'pending' | 'open' | 'submitted' | 'done' | 'closed';
export type AssignmentRole = 'lead' | 'co';
export type CadenceKind = 'weekly' | 'monthly' | 'quarterly' | 'rrule';
export type CardColor = 'green' | 'yellow' | 'red';
export type ReportStatus = 'submitted' | 'accepted' | 'returned';
export type PendingKind = 'assignment' | 'review' | 'extension' | 'instruction' | 'request';

export const LIGHTS: Light[] = ['white', 'blue', 'green', 'yellow', 'red'];
export const PRIORITIES: Priority[] = ['low', 'normal', 'high', 'urgent'];

export interface UnitRef {
  id: string;
  name: string;
  kind: string;
}

export interface FileView {
  id: string;
  name: string;
  contentType: string;
  sizeBytes: number;
}

export interface Assignment {
  id: string;
  taskId: string;
  parentId: string | null;
  depth: number;
  unit: UnitRef;
  person: { id: string; name: string } | null;
  role: AssignmentRole;
  instructions: string;
  deadline: string;
  originalDeadline: string;
  status: AssignmentStatus;
  progress: number;
  /** What the unit itself last reported; `progress` is the mean of its subtasks when it has any. */
  ownProgress: number;
  problem: boolean;
  light: Light;
  lightCause: string;
  childCount: number;
  escalationLevel: number;
  openedAt: string | null;
  completedAt: string | null;
  createdAt: string;
}

export interface Cadence {
  kind: CadenceKind;
  rule: string;
  dueDays: number;
  until: string | null;
}

export interface Task {
  id: string;
  title: string;
  description: string;
  category: string;
  priority: Priority;
  status: 'active' | 'closed';
  light: Light;
  progress: number;
  assignmentCount: number;
  unitCount: number;
  ownerUnit: UnitRef;
  deadline: string;
  attachments: FileView[];
  reportForm: { formId: string; version: number; name: string } | null;
  cadence: Cadence | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface TaskDetail {
  task: Task;
  assignments: Assignment[];
  viewer: { supervise: boolean; instruct: boolean; handledAssignmentIds: string[]; reviewableAssignmentIds: string[] };
}

/** A task's frozen report form, as it comes with the assignment (no forms permission needed). */
export interface ReportFormVersion {
  formId: string;
  version: number;
  name: string;
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
}

export interface AssignmentDetail {
  assignment: Assignment;
  task: Task;
  /** Null when the task has none, or the forms module is not enabled. */
  reportForm: ReportFormVersion | null;
  viewer: { handles: boolean; reviews: boolean; supervise: boolean };
}

export interface Report {
  id: string;
  taskId: string;
  assignmentId: string;
  unitName: string;
  periodKey: string | null;
  progress: number;
  text: string;
  photos: FileView[];
  problem: boolean;
  formVersion: number | null;
  data: Record<string, unknown> | null;
  /** The answers as people read them (titles and formatted values, from the forms module). */
  answers: { title: string; value: string }[];
  status: ReportStatus;
  reviewReason: string | null;
  reviewerName: string | null;
  reviewedAt: string | null;
  submitterName: string;
  createdAt: string;
  card: { color: CardColor; reason: string; giverName: string; givenAt: string } | null;
}

export interface TimelineItem {
  id: string;
  kind: string;
  assignmentId: string | null;
  unitName: string | null;
  actorName: string | null;
  data: Record<string, unknown>;
  at: string;
}

export interface PendingItem {
  kind: PendingKind;
  id: string;
  title: string;
  taskId: string | null;
  assignmentId: string | null;
  unitName: string | null;
  light: Light | null;
  status: string;
  deadline: string | null;
  at: string;
}

export type LightCounts = Record<Light, number>;

export interface Board {
  total: number;
  byLight: LightCounts;
  byUnit: { unitId: string; unitName: string; total: number; byLight: LightCounts }[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** One responsible unit of a dispatch (POST /tasks, /tasks/:id/assignments, /assignments/:id/subtasks). */
export interface AssignmentInput {
  unitId: string;
  personId?: string;
  role?: AssignmentRole;
  instructions?: string;
  deadline?: string;
  deadlineWorkingDays?: number;
}

export interface TaskInput {
  title: string;
  description?: string;
  category?: string;
  priority?: Priority;
  deadline?: string;
  deadlineWorkingDays?: number;
  ownerUnitId: string;
  attachmentIds?: string[];
  reportFormId?: string;
  cadence?: { kind: CadenceKind; rule?: string; dueDays?: number; until?: string };
  assignments: AssignmentInput[];
}

export interface ReportInput {
  progress: number;
  text?: string;
  photoIds?: string[];
  problem?: boolean;
  periodKey?: string;
  data?: Record<string, unknown>;
}
