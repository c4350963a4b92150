import { useEffect } from 'react';
import { Button, Drawer, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { PHONE_PATTERN, useSavePerson, type Person, type PersonInput } from '../../api/org.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { useIsPhone } from '../../layout/use-is-phone';
import { PositionSelect } from './position-select';
import { UnitTreeSelect } from './unit-tree-select';
import { useOrgErrors } from './use-org-errors';

/** A new person (in `unitId` by default) or an existing one to edit. */
export type PersonDrawerTarget = { person: Person } | { unitId: string | undefined };

interface FormValues {
  name: string;
  phone: string;
  unitId: string;
  positionId: string | null;
}

export function PersonDrawer({ target, onClose }: { target: PersonDrawerTarget | null; onClose: () => void }) {
  const { t } = useTranslation('org');
  const { slug } = useTenantSession();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<FormValues>();
  const savePerson = useSavePerson(slug);
  const errors = useOrgErrors();
  const editing = target && 'person' in target ? target.person : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if ('person' in target)
      form.setFieldsValue({
        name: target.person.name,
        phone: target.person.phone,
        unitId: target.person.unitId,
        positionId: target.person.positionId,
      });
    else form.setFieldsValue({ unitId: target.unitId, positionId: null });
  }, [target, form]);

  const save = (values: FormValues) => {
    const body: PersonInput = {
      name: values.name.trim(),
      phone: values.phone.trim(),
      unitId: values.unitId,
      positionId: values.positionId ?? null,
    };
    savePerson.mutate(
      { personId: editing?.id, body },
      { onSuccess: onClose, onError: (error) => errors.showOnForm(form, error, ['name', 'phone', 'unitId', 'positionId']) },
    );
  };

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={editing ? t('person.editTitle', { name: editing.name }) : t('person.addTitle')}
      size={isPhone ? '100%' : 440}
      forceRender
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('actions.cancel', { ns: 'common' })}</Button>
          <Button type="primary" loading={savePerson.isPending} onClick={() => form.submit()}>
            {t('actions.save')}
          </Button>
        </Flex>
      }
    >
      <Form form={form} name="person-form" layout="vertical" onFinish={save} requiredMark={false} data-testid="person-form">
        <Form.Item name="name" label={t('person.name')} rules={[{ required: true, whitespace: true, message: t('person.nameRequired') }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('person.phone')}
          rules={[
            { required: true, message: t('person.phoneRequired') },
            { pattern: PHONE_PATTERN, message: t('person.phoneInvalid') },
          ]}
        >
          <Input inputMode="tel" maxLength={13} autoComplete="off" />
        </Form.Item>
        <Form.Item name="unitId" label={t('person.unit')} rules={[{ required: true, message: t('person.unitRequired') }]}>
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item name="positionId" label={t('person.position')}>
          <PositionSelect />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
