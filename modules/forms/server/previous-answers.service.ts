import type { Knex } from 'knex';
import { type ModuleActor, notFound } from '../../../core/module-kit.ts';
import { resolveCollectionTarget, type CollectionRow } from './collection-assignee.ts';
import { FORMS_ERRORS } from '../schemas/error-codes.ts';

/** At most this many earlier answers are offered (a village's households). */
const MAX_PREVIOUS = 500;

/**
 * What an assignee submitted in the period before `periodKey` (一月一报 of the same households):
 * the fill page starts a new submission from one of them. Only for those who may fill in for that
 * assignee this period (as submitting would check); a collection of another tenant is a 404.
 */
export async function previousAnswers(
  trx: Knex.Transaction,
  actor: ModuleActor,
  collectionId: string,
  periodKey: string,
  assigneeId: string | undefined,
) {
  const collection: CollectionRow | undefined = await trx('forms_collection').where({ id: collectionId }).first();
  if (!collection) throw notFound(FORMS_ERRORS.COLLECTION_NOT_FOUND, 'No such collection');
  const target = await resolveCollectionTarget(trx, actor, {
    collectionId,
    periodKey,
    assigneeId,
    formId: collection.form_id,
    version: collection.version,
  });
  const previous: { period_key: string } | undefined = await trx('forms_period')
    .where({ collection_id: collectionId })
    .where('starts_on', '<', target.period.starts_on)
    .orderBy('starts_on', 'desc')
    .first('period_key');
  if (!previous) return { periodKey: null, items: [] };
  const rows: { id: string; version: number; data: Record<string, unknown>; submitted_at: Date }[] = await trx('forms_submission')
    .where({ collection_id: collectionId, period_key: previous.period_key, assignee_id: target.assigneeId, status: 'submitted' })
    .orderBy([
      { column: 'submitted_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ])
    .limit(MAX_PREVIOUS)
    .select('id', 'version', 'data', 'submitted_at');
  return {
    periodKey: previous.period_key,
    items: rows.map((r) => ({ id: r.id, version: r.version, data: r.data, submittedAt: r.submitted_at })),
  };
}
