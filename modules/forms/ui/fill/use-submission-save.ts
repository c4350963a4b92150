import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../../admin-ui/src/module-kit';
import { formsKeys } from '../api/forms.api';
import { saveSubmission, type SubmissionTarget } from '../api/forms-requests';
import type { JsonObject } from '../../schemas/common.schema';
import type { SubmissionView } from '../../schemas/submission.schema';
import type { FormsT } from '../i18n/forms-i18n';
import { submissionErrors, type ErrorTree } from './submission-errors';

/**
 * Saving and submitting one submission. The client keeps an attempt's Idempotency-Key while its
 * answers stay the same, so pressing "submit" again after a lost answer repeats the same request
 * (the server creates nothing twice); changed answers are a new attempt with a new key.
 */
export function useSubmissionSave(slug: string, t: FormsT, target: SubmissionTarget | null, schema: JsonObject, initialId: string | null) {
  const client = useQueryClient();
  const [submissionId, setSubmissionId] = useState(initialId);
  const [pending, setPending] = useState<'draft' | 'submit' | null>(null);
  const [errors, setErrors] = useState<{ tree: ErrorTree; general: string[] }>({ tree: {}, general: [] });
  const [networkProblem, setNetworkProblem] = useState(false);

  const run = async (data: JsonObject, draft: boolean): Promise<SubmissionView | null> => {
    if (!target) return null;
    setPending(draft ? 'draft' : 'submit');
    setNetworkProblem(false);
    try {
      const saved = await saveSubmission(slug, { submissionId, target, data, draft });
      setSubmissionId(saved.id);
      setErrors({ tree: {}, general: [] });
      void client.invalidateQueries({ queryKey: formsKeys.myDue(slug) });
      return saved;
    } catch (error) {
      if (isApiError(error) && error.isNetworkError) setNetworkProblem(true);
      else if (isApiError(error))
        setErrors(submissionErrors(t, error.details.length ? error.details : [{ path: 'body', message: error.message }], schema));
      else setErrors({ tree: {}, general: [String(error)] });
      return null;
    } finally {
      setPending(null);
    }
  };

  return { submissionId, setSubmissionId, pending, errors, networkProblem, run };
}
