// Mirrors the later dispatch schemas: extensions, escalation, reminders, instructions, follow,
// comments, report periods, aggregation, bottom-up requests (modules/dispatch/schemas/*.schema.ts).
import type { FileView, UnitRef } from './dispatch-types';

export type EscalationLevel = 'urge' | 'notice' | 'interview';

export interface Extension {
  id: string;
  taskId: string;
  assignmentId: string;
  unit: UnitRef;
  currentDeadline: string;
  requestedDeadline: string;
  reason: string;
  status: 'pending' | 'granted' | 'refused';
  decisionReason: string | null;
  requestedByName: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface InterviewRecord {
  at: string;
  place: string;
  attendees: string[];
  summary: string;
}

export interface Escalation {
  id: string;
  assignmentId: string;
  level: EscalationLevel;
  text: string;
  record: InterviewRecord | null;
  createdByName: string | null;
  createdAt: string;
}

export interface Reminder {
  id: string;
  kind: 'unopened' | 'before_deadline' | 'overdue' | 'urge' | 'period_due';
  occasion: string;
  text: string;
  recipients: number;
  sentByName: string | null;
  createdAt: string;
}

export interface UnitAck {
  assignmentId: string;
  unitName: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
}

export interface Instruction {
  id: string;
  taskId: string;
  text: string;
  givenBy: { id: string; name: string };
  createdAt: string;
  acknowledged: UnitAck[];
  waiting: UnitAck[];
  canAcknowledge: boolean;
}

export interface Comment {
  id: string;
  taskId: string;
  assignmentId: string | null;
  unitName: string | null;
  replyToId: string | null;
  replyToAuthorName: string | null;
  text: string;
  photos: FileView[];
  author: { id: string; name: string };
  createdAt: string;
}

export interface ReportPeriod {
  periodKey: string;
  label: string;
  startsOn: string;
  endsOn: string;
  dueAt: string;
  overdue: boolean;
  expected: number;
  reported: number;
  missing: number;
  units: { assignmentId: string; parentId: string | null; depth: number; unit: UnitRef; state: 'reported' | 'returned' | 'missing'; reportId: string | null; reportedAt: string | null }[];
}

export type RequestStatus = 'open' | 'accepted' | 'responded' | 'rated' | 'returned';

export interface UnitRequest {
  id: string;
  fromUnit: { id: string; name: string };
  toUnit: { id: string; name: string };
  title: string;
  body: string;
  photos: FileView[];
  status: RequestStatus;
  dueAt: string | null;
  createdBy: { id: string; name: string };
  createdAt: string;
  response: { text: string; photos: FileView[]; by: { id: string; name: string }; at: string } | null;
  rating: { score: number; comment: string | null; at: string } | null;
  accepted: { by: string; at: string } | null;
  returned: { reason: string; by: string; at: string } | null;
  steps: { kind: 'accepted' | 'transferred' | 'returned'; fromUnit: { id: string; name: string }; toUnit: { id: string; name: string } | null; reason: string | null; by: string; at: string }[];
  viewer: { raises: boolean; answers: boolean };
}
