import { apiDownload, saveFile, tenantScope, uploadRaw } from '../../../../admin-ui/src/module-kit';
import type { TaskImportResult } from '../../schemas/task-import.schema';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Downloads the import template with headers in the UI's language. */
export async function downloadImportTemplate(slug: string, lang: 'zh-CN' | 'en', fileName: string): Promise<void> {
  saveFile(await apiDownload(tenantScope(slug), `/dispatch/tasks/import-template?lang=${lang}`), fileName);
}

/** Sends the workbook: a dry run checks every row, otherwise all tasks are created or none. */
export function importTasks(slug: string, file: Blob, ownerUnitId: string, dryRun: boolean): Promise<TaskImportResult> {
  const query = new URLSearchParams({ ownerUnitId, dryRun: String(dryRun) });
  return uploadRaw<TaskImportResult>(tenantScope(slug), `/dispatch/tasks/import?${query.toString()}`, file, { contentType: XLSX });
}
