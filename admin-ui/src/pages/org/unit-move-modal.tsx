import { useEffect, useMemo } from 'react';
import { Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMoveUnit, useUnits, type Unit } from '../../api/org.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { subtreeIds } from './unit-tree';
import { UnitTreeSelect } from './unit-tree-select';
import { useOrgErrors } from './use-org-errors';

interface FormValues {
  parentId: string;
}

/** "Move to…": pick the new parent of a unit; its whole subtree moves with it. */
export function UnitMoveModal({ unit, onClose, onMoved }: { unit: Unit | null; onClose: () => void; onMoved: (unit: Unit) => void }) {
  const { t } = useTranslation('org');
  const { slug } = useTenantSession();
  const [form] = Form.useForm<FormValues>();
  const units = useUnits(slug);
  const moveUnit = useMoveUnit(slug);
  const errors = useOrgErrors();
  const blocked = useMemo(() => (unit ? subtreeIds(units.data ?? [], unit.id) : new Set<string>()), [unit, units.data]);

  useEffect(() => {
    if (unit) form.setFieldsValue({ parentId: unit.parentId ?? undefined });
  }, [unit, form]);

  const save = ({ parentId }: FormValues) => {
    if (!unit) return;
    moveUnit.mutate(
      { unitId: unit.id, parentId },
      { onSuccess: onMoved, onError: (error) => errors.showOnForm(form, error, ['parentId']) },
    );
  };

  return (
    <Modal
      open={unit !== null}
      title={unit ? t('move.title', { name: unit.name }) : ''}
      okText={t('move.submit')}
      cancelText={t('actions.cancel', { ns: 'common' })}
      confirmLoading={moveUnit.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('move.hint')}</Typography.Paragraph>
      <Form form={form} name="unit-move-form" layout="vertical" onFinish={save} requiredMark={false} data-testid="unit-move-form">
        <Form.Item name="parentId" label={t('move.newParent')} rules={[{ required: true, message: t('move.parentRequired') }]}>
          <UnitTreeSelect disabledIds={blocked} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
