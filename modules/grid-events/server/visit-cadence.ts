import type { Knex } from 'knex';
import { tenantOfTransaction, DAY_MS } from '../../../core/module-kit.ts';
import { gridEventsConfig } from '../grid-events-config.ts';

/** Days between visits by tag, only the tags that have a regular visit (a cadence above 0), keys sorted. */
export type Cadences = Record<string, number>;

export function activeCadences(configured: Record<string, number>): Cadences {
  return Object.fromEntries(
    Object.entries(configured)
      .filter(([, days]) => Number.isInteger(days) && days > 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

/** The shortest cadence of a household's tags; null when none of them asks for a regular visit. */
export function shortestCadence(tags: readonly string[], cadences: Cadences): number | null {
  const days = tags.flatMap((tag) => (Object.hasOwn(cadences, tag) ? [cadences[tag]] : []));
  return days.length > 0 ? Math.min(...days) : null;
}

/**
 * When a household's next visit is due: one cadence after its last visit, or — never visited —
 * after it was tagged (a household tagged 独居老人 today is due within the week, not at once).
 */
export function visitDueAt(row: { last_visited_at: Date | null; tagged_at: Date }, days: number | null): Date | null {
  if (days === null) return null;
  return new Date(new Date(row.last_visited_at ?? row.tagged_at).getTime() + days * DAY_MS);
}

/**
 * The county's cadences, with every household's due date brought in line with them. Due dates are
 * stored (an index on them keeps the overdue list and the reminder scan fast at 120,000
 * households); the cadences they were computed with are kept in `grid_visit_cadence`, so after
 * the county changes its config the first read recomputes all of them in one statement, and every
 * later read costs one small query. Concurrent readers may both recompute: the result is the same.
 * A day is 86,400 seconds here as in `visitDueAt` (`interval '1 day'` would follow daylight saving).
 */
export async function visitCadences(trx: Knex.Transaction): Promise<Cadences> {
  const cadences = activeCadences((await gridEventsConfig(trx)).visitCadenceDays);
  const stored: { tag: string; days: number }[] = await trx('grid_visit_cadence').select('tag', 'days');
  if (JSON.stringify(activeCadences(Object.fromEntries(stored.map((r) => [r.tag, r.days])))) === JSON.stringify(cadences)) return cadences;
  const tenantId = tenantOfTransaction(trx);
  const map = JSON.stringify(cadences);
  await trx.raw(
    `update grid_household h
        set cadence_days = c.days,
            visit_due_at = coalesce(h.last_visited_at, h.tagged_at) + c.days * interval '86400 seconds'
       from (select x.tenant_id, x.id,
                    (select min((?::jsonb ->> t.tag)::int) from jsonb_array_elements_text(x.tags) as t(tag)
                      where (?::jsonb ->> t.tag) is not null) as days
               from grid_household x
              where x.tenant_id = ?) c
      where h.tenant_id = ? and c.tenant_id = h.tenant_id and c.id = h.id and h.cadence_days is distinct from c.days`,
    [map, map, tenantId, tenantId],
  );
  await trx('grid_visit_cadence').delete();
  const rows = Object.entries(cadences).map(([tag, days]) => ({ tenant_id: tenantId, tag, days }));
  // A concurrent reader may have written the same rows meanwhile: theirs are the same.
  if (rows.length > 0) await trx('grid_visit_cadence').insert(rows).onConflict(['tenant_id', 'tag']).merge(['days']);
  return cadences;
}
