import type { Knex } from 'knex';
import { notFound } from '../../../core/module-kit.ts';
import { APPROVAL_ERRORS } from '../schemas/error-codes.ts';

export interface RequestRow {
  id: string;
  type_id: string;
  flow_version: number;
  title: string;
  data: Record<string, unknown>;
  chosen: Record<string, string[]>;
  applicant_user_id: string;
  applicant_unit_id: string | null;
  status: 'draft' | 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'returned';
  submitted_at: Date | null;
  finished_at: Date | null;
  last_urged_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface StepRow {
  id: string;
  request_id: string;
  node_id: string;
  seq: number;
  kind: 'approve' | 'cc';
  name: string;
  mode: 'any' | 'all' | 'sequential';
  after: number[];
  status: 'waiting' | 'active' | 'approved' | 'skipped' | 'rejected' | 'cancelled';
  started_at: Date | null;
  finished_at: Date | null;
}

export interface TaskRow {
  id: string;
  request_id: string;
  step_id: string;
  chain: number;
  position: number;
  approver_user_id: string;
  status: 'queued' | 'waiting' | 'approved' | 'rejected' | 'returned' | 'transferred' | 'cancelled' | 'auto';
  decided_by: string | null;
  on_behalf_of: string | null;
  decided_at: Date | null;
  comment: string;
  added_by: string | null;
  created_at: Date;
}

/** The request, locked for the rest of the transaction: decisions on one request happen one at a time. */
export async function lockRequest(trx: Knex.Transaction, id: string): Promise<RequestRow> {
  const row: RequestRow | undefined = await trx('approval_request').where({ id }).forUpdate().first();
  if (!row) throw notFound(APPROVAL_ERRORS.REQUEST_NOT_FOUND, 'No such request');
  return row;
}

export async function findRequest(trx: Knex.Transaction, id: string): Promise<RequestRow> {
  const row: RequestRow | undefined = await trx('approval_request').where({ id }).first();
  if (!row) throw notFound(APPROVAL_ERRORS.REQUEST_NOT_FOUND, 'No such request');
  return row;
}

/** Steps still in play (not cancelled by a return), in plan order. */
export function liveSteps(trx: Knex.Transaction, requestId: string): Promise<StepRow[]> {
  return trx('approval_step').where({ request_id: requestId }).whereNot('status', 'cancelled').orderBy('seq');
}

/** Tasks are final once decided, passed on or cancelled. */
export const OPEN_TASK = ['queued', 'waiting'] as const;
export const DONE_TASK = ['approved', 'auto'] as const;
export const DONE_STEP = ['approved', 'skipped'] as const;
