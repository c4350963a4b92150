import { Tag } from 'antd';
import type { AssigneeState } from '../../schemas/collection.schema';
import type { SubmissionStatus } from '../../schemas/submission.schema';
import { useT } from '../i18n/forms-i18n';

const COLORS: Record<AssigneeState | SubmissionStatus, string> = { submitted: 'green', returned: 'volcano', draft: 'blue', missing: 'red' };

/** The state of an assignee in a period, or of a submission. */
export function StateTag({ state }: { state: AssigneeState | SubmissionStatus }) {
  const t = useT();
  return <Tag color={COLORS[state]}>{t(`state.${state}`)}</Tag>;
}
