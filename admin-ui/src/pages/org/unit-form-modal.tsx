import { useEffect } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { UNIT_KINDS, useCreateUnit, useUpdateUnit, type Unit, type UnitKind } from '../../api/org.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { childKindOf } from './unit-tree';
import { useOrgErrors } from './use-org-errors';

/** Add a unit under `parent` (null: a top unit), or rename `unit`. */
export type UnitFormTarget = { mode: 'create'; parent: Unit | null } | { mode: 'rename'; unit: Unit };

interface FormValues {
  name: string;
  kind: UnitKind;
  code?: string;
}

// core/org/unit.schema.ts unitCode.
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

export function UnitFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: UnitFormTarget | null;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}) {
  const { t } = useTranslation('org');
  const { slug } = useTenantSession();
  const [form] = Form.useForm<FormValues>();
  const createUnit = useCreateUnit(slug);
  const updateUnit = useUpdateUnit(slug);
  const errors = useOrgErrors();

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'create') form.setFieldsValue({ name: '', kind: childKindOf(target.parent), code: '' });
    else form.setFieldsValue({ name: target.unit.name, kind: target.unit.kind, code: target.unit.code ?? '' });
  }, [target, form]);

  const save = (values: FormValues) => {
    if (!target) return;
    const code = values.code?.trim() ? values.code.trim() : null;
    const onError = (error: unknown) => errors.showOnForm(form, error, ['name', 'kind', 'code']);
    if (target.mode === 'create') {
      createUnit.mutate(
        { name: values.name.trim(), kind: values.kind, code, parentId: target.parent?.id ?? null },
        { onSuccess: onSaved, onError },
      );
    } else {
      updateUnit.mutate({ unitId: target.unit.id, name: values.name.trim(), kind: values.kind, code }, { onSuccess: onSaved, onError });
    }
  };

  const title = !target
    ? ''
    : target.mode === 'rename'
      ? t('unit.editTitle', { name: target.unit.name })
      : target.parent
        ? t('unit.addChildTitle', { parent: target.parent.name })
        : t('unit.addRootTitle');

  return (
    <Modal
      open={target !== null}
      title={title}
      okText={t('actions.save')}
      cancelText={t('actions.cancel', { ns: 'common' })}
      confirmLoading={createUnit.isPending || updateUnit.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} name="unit-form" layout="vertical" onFinish={save} requiredMark={false} data-testid="unit-form">
        <Form.Item
          name="name"
          label={t('unit.name')}
          rules={[{ required: true, whitespace: true, message: t('unit.nameRequired') }, { max: 100 }]}
        >
          <Input autoFocus maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('unit.kind')} rules={[{ required: true }]}>
          <Select options={UNIT_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('unit.code')}
          extra={t('unit.codeHint')}
          rules={[{ pattern: CODE_PATTERN, message: t('unit.codeInvalid') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
