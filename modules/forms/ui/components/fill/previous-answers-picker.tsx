import { HistoryOutlined } from '@ant-design/icons';
import { Alert, Select } from 'antd';
import { useTenantSession } from '../../../../../admin-ui/src/module-kit';
import { usePreviousAnswers } from '../../api/forms.api';
import type { MyDueItem } from '../../../schemas/collection.schema';
import type { JsonObject } from '../../../schemas/common.schema';
import { useT } from '../../i18n/forms-i18n';
import { periodLabel } from '../../period-label';

/** How a previous answer is told apart in the list: its first short text answer (the householder), else its number. */
function summaryOf(data: JsonObject, index: number): string {
  const text = Object.values(data).find((v): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= 40);
  return text ? `${index + 1}. ${text}` : `${index + 1}`;
}

/**
 * 一月一报 of the same households: a new submission may start from one the assignee submitted last
 * period. Picking one fills the form with its answers, to be checked and changed before submitting.
 */
export function PreviousAnswersPicker({ item, onPick }: { item: MyDueItem; onPick: (data: JsonObject) => void }) {
  const t = useT();
  const { slug } = useTenantSession();
  const previous = usePreviousAnswers(slug, item.collectionId, item.periodKey, item.assigneeId, true);
  const items = previous.data?.items ?? [];
  if (!previous.data?.periodKey || items.length === 0) return null;
  return (
    <Alert
      type="info"
      icon={<HistoryOutlined />}
      showIcon
      data-testid="previous-answers"
      title={t('fill.previousTitle', { period: periodLabel(t, previous.data.periodKey), n: items.length })}
      description={
        <Select
          placeholder={t('fill.previousPick')}
          aria-label={t('fill.previousPick')}
          style={{ width: '100%' }}
          showSearch={{ optionFilterProp: 'label' }}
          options={items.map((s, i) => ({ value: s.id, label: summaryOf(s.data, i) }))}
          onChange={(id: string) => {
            const picked = items.find((s) => s.id === id);
            if (picked) onPick(structuredClone(picked.data));
          }}
          data-testid="previous-pick"
        />
      }
    />
  );
}
