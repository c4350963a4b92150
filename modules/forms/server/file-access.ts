import { type FileAccessCheck, moduleActor, scopeOf } from '../../../core/module-kit.ts';
import { assertVisible, findSubmission } from './submission-query.ts';

/**
 * Who may read the files attached to forms' records (core/files/file-access.ts): exactly who may
 * read the record through the forms routes. The access functions throw forms' 403/404 for anyone
 * else, which core reads as "no". Export files are core's (core/exports/): their requester reads them.
 */
export const formsFileAccess: Record<string, FileAccessCheck> = {
  /** Photo and file answers: the submitter and readers of results or collections over its unit. */
  submission: async (request, submissionId) => {
    const user = await moduleActor(request);
    return Boolean(
      assertVisible(
        await findSubmission(request.db, submissionId),
        user.userId,
        await scopeOf(request, ['forms.results', 'forms.collect']),
      ),
    );
  },
};
