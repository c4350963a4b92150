import {
  answeringAccounts,
  jobModuleContext,
  notifyOnce,
  type ModuleContext,
  type ModuleJob,
  type ModuleJobContext,
} from '../../../core/module-kit.ts';
import { gridEventsMessages } from '../locales/notifications.ts';
import { PERMISSION } from './permissions.ts';
import { visitCadences } from './visit-cadence.ts';

export const VISIT_REMINDERS_JOB = 'grid-events.visit-reminders';
const BATCH = 500;
/** Households a notice names; its count says how many there are. */
const LISTED = 5;

/** The ledger's key of a visit reminder: a household, once per due date. */
export const VISIT_REMINDER = { module: 'grid-events', subjectKind: 'household', kind: 'visit_overdue' } as const;
/** The occasion: the due instant in UTC as `toISOString` writes it (a visit, new tags or new cadences make a new one). */
const OCCASION_SQL = `to_char(h.visit_due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Hourly through the working day (8:00–20:00, the county's clock as dispatch's jobs read it):
 * the grid workers of each grid — its people holding grid-events.report — hear which of their
 * households fell due for a visit, once per household and due date, in one notice per grid.
 * Core's reminder ledger (`notifyOnce`) is what makes it once: a due date already in it is never
 * told again, whatever runs twice. The scan reads only households whose `reminded_due_at` lags
 * their due date (a partial index holds just those) and moves it on in the same transaction, so
 * households overdue for weeks cost nothing per run, and parallel runners skip each other's
 * locked rows. A grid without workers has its households recorded unsent: the overdue list
 * still shows them. `data.now` runs it as of another time.
 */
export const visitRemindersJob: ModuleJob = {
  name: VISIT_REMINDERS_JOB,
  cron: '0 8-20 * * *',
  async handler(data, context) {
    const now = typeof data.now === 'string' ? new Date(data.now) : new Date();
    for (const tenantId of await context.enabledTenantIds()) await remindTenantVisits(context, tenantId, now);
  },
};

/** One tenant's due visit reminders, in batches each of one transaction; answers how many households were reminded. */
export async function remindTenantVisits(context: ModuleJobContext, tenantId: string, now: Date): Promise<number> {
  let sent = 0;
  for (;;) {
    const run = await context.withTenant(tenantId, async ({ db }) =>
      sendVisitReminders(await jobModuleContext(context, db, tenantId, now), BATCH),
    );
    sent += run.sent;
    // Every household seen has its reminded due date moved on: the next scan starts past them.
    if (run.seen < BATCH) return sent;
  }
}

interface DueHousehold {
  id: string;
  unit_no: number;
  room: string;
  building_id: string;
  building_name: string;
  grid_unit_id: string;
  grid_name: string;
  occasion: string;
}

async function sendVisitReminders(ctx: ModuleContext, limit: number): Promise<{ seen: number; sent: number }> {
  const { trx } = ctx;
  await visitCadences(trx);
  const due: DueHousehold[] = await trx('grid_household as h')
    .join('grid_building as b', function joinBuilding() {
      this.on('b.tenant_id', 'h.tenant_id').andOn('b.id', 'h.building_id');
    })
    .join('core_unit as g', function joinGrid() {
      this.on('g.tenant_id', 'b.tenant_id').andOn('g.id', 'b.grid_unit_id');
    })
    .whereNotNull('h.visit_due_at')
    .where('h.visit_due_at', '<=', ctx.now)
    // As the partial index states it, so the planner takes that index.
    .whereRaw('h.reminded_due_at is distinct from h.visit_due_at')
    .orderBy([{ column: 'h.visit_due_at' }, { column: 'h.id' }])
    .limit(limit)
    .forUpdate('h')
    .skipLocked()
    .select(
      'h.id',
      'h.unit_no',
      'h.room',
      'b.id as building_id',
      'b.name as building_name',
      'b.grid_unit_id',
      'g.name as grid_name',
      trx.raw(`${OCCASION_SQL} as occasion`),
    );
  if (due.length === 0) return { seen: 0, sent: 0 };

  const byGrid = new Map<string, DueHousehold[]>();
  for (const h of due) byGrid.set(h.grid_unit_id, [...(byGrid.get(h.grid_unit_id) ?? []), h]);
  const workers = await answeringAccounts(
    trx,
    [...byGrid.keys()].map((id) => ({ key: id, unitId: id, personId: null })),
    PERMISSION.report,
  );
  const entries = [...byGrid].flatMap(([gridUnitId, households]) => {
    const userIds = workers.get(gridUnitId) ?? [];
    const notice =
      userIds.length > 0
        ? {
            userIds,
            kind: 'grid-events.visit.overdue',
            link: `/grid-events/visits?gridUnitId=${gridUnitId}`,
            message: gridEventsMessages.message('visit.overdue', {
              grid: households[0].grid_name,
              count: households.length,
              households: households.slice(0, LISTED).map((h) => `${h.building_name} ${h.unit_no}-${h.room}`),
            }),
          }
        : undefined;
    return households.map((h) => ({
      subjectKind: VISIT_REMINDER.subjectKind,
      kind: VISIT_REMINDER.kind,
      subjectId: h.id,
      occasion: h.occasion,
      data: { buildingId: h.building_id, gridUnitId, recipients: userIds.length },
      notice,
    }));
  });
  const sent = await notifyOnce(trx, ctx.tenantId, entries, { module: VISIT_REMINDER.module, notifier: ctx.notifier, at: ctx.now });
  await trx('grid_household')
    .whereIn(
      'id',
      due.map((h) => h.id),
    )
    .update({ reminded_due_at: trx.ref('visit_due_at') });
  return { seen: due.length, sent: sent.length };
}
