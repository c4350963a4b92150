import type { Knex } from 'knex';
import { textPhone, type ModuleContext } from '../../../core/module-kit.ts';

/**
 * Citizens have no account: the phone they left with a public report is how the county reaches
 * them. They hear when their matter is resolved (with the code to follow and rate it) and when
 * their report was merged into another (with the survivor's code); each at most once per
 * resolution or merge, whatever is retried. Worker reports are told in-app instead.
 */
interface CitizenReport {
  id: string;
  code: string;
  source: string;
  reporter_phone: string | null;
}

const isCitizen = (e: CitizenReport) => e.source === 'citizen' && Boolean(e.reporter_phone);

export async function textCitizensResolved(ctx: ModuleContext, event: CitizenReport, note: string): Promise<void> {
  const merged: CitizenReport[] = await mergedCitizenReports(ctx.trx, event.id);
  for (const report of [event, ...merged].filter(isCitizen)) {
    await textPhone(ctx, {
      phone: report.reporter_phone!,
      text: `您反映的问题（编号 ${report.code}）已办结：${note}。可凭编号查看办理结果并评价。`,
      dedupeKey: `grid-events:resolved:${report.id}:${ctx.now.toISOString()}`,
    });
  }
}

export async function textCitizenMerged(ctx: ModuleContext, event: CitizenReport, survivorCode: string): Promise<void> {
  if (!isCitizen(event)) return;
  await textPhone(ctx, {
    phone: event.reporter_phone!,
    text: `您反映的问题（编号 ${event.code}）与编号 ${survivorCode} 为同一件事，已合并办理，可凭编号 ${survivorCode} 查看进度。`,
    dedupeKey: `grid-events:merged:${event.id}`,
  });
}

function mergedCitizenReports(trx: Knex.Transaction, eventId: string): Promise<CitizenReport[]> {
  return trx('grid_event')
    .where({ merged_into_id: eventId, source: 'citizen' })
    .whereNotNull('reporter_phone')
    .select('id', 'code', 'source', 'reporter_phone');
}
