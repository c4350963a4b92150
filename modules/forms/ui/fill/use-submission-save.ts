import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../../admin-ui/src/api/api-error';
import { formsKeys } from '../api/forms.api';
import { saveSubmission, type SubmissionTarget } from '../api/forms-requests';
import type { JsonObject, Submission } from '../api/forms-types';
import type { FormsT } from '../i18n/forms-i18n';
import { newIdempotencyKey, submissionErrors, type ErrorTree } from './submission-errors';

/**
 * Saving and submitting one submission. An attempt keeps its Idempotency-Key while its answers
 * stay the same, so pressing "submit" again after a lost answer repeats the same request (the
 * server creates nothing twice); changed answers are a new attempt with a new key.
 */
export function useSubmissionSave(slug: string, t: FormsT, target: SubmissionTarget | null, schema: JsonObject, initialId: string | null) {
  const client = useQueryClient();
  const [submissionId, setSubmissionId] = useState(initialId);
  const [pending, setPending] = useState<'draft' | 'submit' | null>(null);
  const [errors, setErrors] = useState<{ tree: ErrorTree; general: string[] }>({ tree: {}, general: [] });
  const [networkProblem, setNetworkProblem] = useState(false);
  const attempt = useRef<{ key: string; body: string } | null>(null);

  const run = async (data: JsonObject, draft: boolean): Promise<Submission | null> => {
    if (!target) return null;
    const body = JSON.stringify({ data, draft, submissionId });
    if (attempt.current?.body !== body) attempt.current = { key: newIdempotencyKey(), body };
    setPending(draft ? 'draft' : 'submit');
    setNetworkProblem(false);
    try {
      const saved = await saveSubmission(slug, { submissionId, target, data, draft, idempotencyKey: attempt.current.key });
      attempt.current = null;
      setSubmissionId(saved.id);
      setErrors({ tree: {}, general: [] });
      void client.invalidateQueries({ queryKey: formsKeys.myDue(slug) });
      return saved;
    } catch (error) {
      if (isApiError(error) && error.isNetworkError) setNetworkProblem(true);
      else if (isApiError(error)) setErrors(submissionErrors(t, error.details.length ? error.details : [{ path: 'body', message: error.message }], schema));
      else setErrors({ tree: {}, general: [String(error)] });
      return null;
    } finally {
      setPending(null);
    }
  };

  return { submissionId, setSubmissionId, pending, errors, networkProblem, run };
}
