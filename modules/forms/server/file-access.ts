import { type FileAccessCheck, moduleActor, requirePermission, scopeOf } from '../../../core/module-kit.ts';
import { getOwnExport } from './export.service.ts';
import { assertVisible, findSubmission } from './submission-query.ts';

/**
 * Who may read the files attached to forms' records (core/files/file-access.ts): exactly who may
 * read the record through the forms routes. The access functions throw forms' 403/404 for anyone
 * else, which core reads as "no".
 */
export const formsFileAccess: Record<string, FileAccessCheck> = {
  /** Photo and file answers: the submitter and readers of results or collections over its unit. */
  submission: async (request, submissionId) => {
    const user = await moduleActor(request);
    return Boolean(assertVisible(await findSubmission(request.db, submissionId), user.userId, await scopeOf(request, ['forms.results', 'forms.collect'])));
  },
  /** A results workbook: only whoever asked for it (and still holds forms.results). */
  export: async (request, exportId) => {
    await requirePermission(request, 'forms.results');
    return Boolean(await getOwnExport(request.db, exportId, request.user?.id ?? ''));
  },
};
