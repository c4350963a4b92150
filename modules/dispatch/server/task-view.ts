import type { Knex } from 'knex';
import type { TaskAccess } from './task-access.ts';
import type { Light, LightNode } from './lights.ts';
import type { ReportForms } from './report-form-port.ts';

export type AssignmentNode = {
  id: string;
  taskId: string;
  parentId: string | null;
  path: string;
  depth: number;
  unit: { id: string; name: string; kind: string };
  person: { id: string; name: string } | null;
  role: 'lead' | 'co';
  instructions: string;
  deadline: Date;
  originalDeadline: Date;
  status: LightNode['status'];
  progress: number;
  ownProgress: number;
  problem: boolean;
  light: Light;
  lightCause: string;
  childCount: number;
  escalationLevel: number;
  openedAt: Date | null;
  completedAt: Date | null;
  createdAt: Date;
};

/** The columns an assignment view reads, joined with its unit and person. */
export function assignmentQuery(trx: Knex.Transaction) {
  return trx('dispatch_assignment as a')
    .join('core_unit as u', function joinUnit() {
      this.on('u.tenant_id', 'a.tenant_id').andOn('u.id', 'a.unit_id');
    })
    .leftJoin('core_person as p', function joinPerson() {
      this.on('p.tenant_id', 'a.tenant_id').andOn('p.id', 'a.person_id');
    })
    .select(
      'a.id',
      'a.task_id',
      'a.parent_id',
      'a.path',
      'a.depth',
      'a.unit_id',
      'u.name as unit_name',
      'u.kind as unit_kind',
      'a.person_id',
      'p.name as person_name',
      'a.role',
      'a.instructions',
      'a.deadline',
      'a.original_deadline',
      'a.status',
      'a.progress',
      'a.own_progress',
      'a.problem',
      'a.light',
      'a.light_cause',
      'a.child_count',
      'a.escalation_level',
      'a.opened_at',
      'a.completed_at',
      'a.created_at',
    );
}

/** A row of `assignmentQuery`: the database's column names. */
export interface AssignmentQueryRow {
  id: string;
  task_id: string;
  parent_id: string | null;
  path: string;
  depth: number;
  unit_id: string;
  unit_name: string;
  unit_kind: string;
  person_id: string | null;
  person_name: string | null;
  role: 'lead' | 'co';
  instructions: string;
  deadline: Date;
  original_deadline: Date;
  status: LightNode['status'];
  progress: number;
  own_progress: number;
  problem: boolean;
  light: Light;
  light_cause: string;
  child_count: number;
  escalation_level: number;
  opened_at: Date | null;
  completed_at: Date | null;
  created_at: Date;
}

export function toAssignmentNode(row: AssignmentQueryRow): AssignmentNode {
  return {
    id: row.id,
    taskId: row.task_id,
    parentId: row.parent_id,
    path: row.path,
    depth: row.depth,
    unit: { id: row.unit_id, name: row.unit_name, kind: row.unit_kind },
    person: row.person_id ? { id: row.person_id, name: row.person_name ?? '' } : null,
    role: row.role,
    instructions: row.instructions,
    deadline: row.deadline,
    originalDeadline: row.original_deadline,
    status: row.status,
    progress: row.progress,
    ownProgress: row.own_progress,
    problem: row.problem,
    light: row.light,
    lightCause: row.light_cause,
    childCount: row.child_count,
    escalationLevel: row.escalation_level,
    openedAt: row.opened_at,
    completedAt: row.completed_at,
    createdAt: row.created_at,
  };
}

/** The task as lists and the detail page show it. */
export function taskQuery(trx: Knex.Transaction) {
  return trx('dispatch_task as t')
    .join('core_unit as ou', function joinOwner() {
      this.on('ou.tenant_id', 't.tenant_id').andOn('ou.id', 't.owner_unit_id');
    })
    .select('t.*', 'ou.name as owner_unit_name', 'ou.kind as owner_unit_kind');
}

export function toTaskView(
  row: Record<string, never>,
  files: Map<string, { id: string; name: string; contentType: string; sizeBytes: number }>,
  formName: string | null,
) {
  const attachmentIds: string[] = row.attachment_ids ?? [];
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    category: row.category,
    priority: row.priority,
    status: row.status,
    light: row.light,
    progress: row.progress,
    assignmentCount: row.assignment_count,
    unitCount: row.unit_count,
    ownerUnit: { id: row.owner_unit_id, name: row.owner_unit_name, kind: row.owner_unit_kind },
    deadline: row.deadline,
    attachments: attachmentIds.flatMap((id) => files.get(id) ?? []),
    reportForm: row.report_form_id ? { formId: row.report_form_id, version: row.report_form_version, name: formName ?? '' } : null,
    cadence: row.cadence
      ? {
          kind: row.cadence,
          rule: row.cadence_rule,
          dueDays: row.report_due_days,
          until: row.cadence_until ? dateText(row.cadence_until) : null,
        }
      : null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
  };
}

function dateText(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/**
 * The part of the tree a caller sees. Supervisors and leaders: all of it. A unit: its own
 * branches, the nodes above them (so it knows where its work comes from) and, when it leads at
 * the top level, the other top-level units (a lead follows its co-organisers).
 */
export function visibleNodes(access: TaskAccess, nodes: AssignmentNode[]): AssignmentNode[] {
  if (access.supervise || access.instruct) return nodes;
  const handled = nodes.filter((n) => access.handled.includes(n.id));
  const leadsTop = handled.some((n) => n.depth === 0 && n.role === 'lead');
  return nodes.filter((n) => handled.some((h) => n.path.startsWith(h.path) || h.path.startsWith(n.path)) || (leadsTop && n.depth === 0));
}

/** Assignments whose reports the caller reviews: all for a supervisor, else the subtasks of the caller's own assignments. */
export function reviewableIds(access: TaskAccess, nodes: AssignmentNode[]): string[] {
  if (access.supervise) return nodes.map((n) => n.id);
  return nodes.filter((n) => n.parentId !== null && access.handled.includes(n.parentId)).map((n) => n.id);
}

/** The task, the part of its tree the caller sees, and what the caller may do; the form's name comes from the forms provider when enabled. */
export async function taskDetail(trx: Knex.Transaction, access: TaskAccess, forms: ReportForms | undefined) {
  const row = await taskQuery(trx).where('t.id', access.task.id).first();
  const nodes = (
    await assignmentQuery(trx)
      .where('a.task_id', access.task.id)
      .orderBy([{ column: 'a.depth' }, { column: 'u.sort' }, { column: 'a.created_at' }])
  ).map(toAssignmentNode);
  const files = await fileViews(trx, row.attachment_ids ?? []);
  const formName =
    row.report_form_id && forms ? ((await forms.publishedVersion(trx, row.report_form_id, row.report_form_version))?.name ?? null) : null;
  return {
    task: toTaskView(row, files, formName),
    assignments: visibleNodes(access, nodes),
    viewer: {
      supervise: access.supervise,
      instruct: access.instruct,
      handledAssignmentIds: access.handled,
      reviewableAssignmentIds: reviewableIds(access, nodes),
    },
  };
}

export async function fileViews(trx: Knex.Transaction, ids: string[]) {
  if (ids.length === 0) return new Map();
  const rows: { id: string; name: string; content_type: string; size_bytes: string | number }[] = await trx('core_file')
    .whereIn('id', ids)
    .select('id', 'name', 'content_type', 'size_bytes');
  return new Map(rows.map((f) => [f.id, { id: f.id, name: f.name, contentType: f.content_type, sizeBytes: Number(f.size_bytes) }]));
}
