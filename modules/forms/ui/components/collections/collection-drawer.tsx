import { Alert, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Radio, Select, Space, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formFieldErrors,
  isApiError,
  unitTreeData,
  useTenantSession,
  useUnits,
  type UnitKind,
} from '../../../../../admin-ui/src/module-kit';
import { kindsPresent, unitsOfKind, unitsUnder, withUnits } from '../../collections/bulk-units';
import { useCreateCollection, useForms } from '../../api/forms.api';
import type { CollectionView, DueOffsetKind, Frequency } from '../../../schemas/collection.schema';
import { useT } from '../../i18n/forms-i18n';

interface Values {
  formId: string;
  name: string;
  frequency: Frequency;
  startsOn?: Dayjs;
  dueOn?: Dayjs;
  dueOffset?: number;
  dueOffsetKind: DueOffsetKind;
  unitIds: string[];
}

const FIELDS: (keyof Values)[] = ['formId', 'name', 'frequency', 'startsOn', 'dueOn', 'dueOffset', 'dueOffsetKind', 'unitIds'];

/** Send a published form to units: once (with a due date) or per week / month / quarter. */
export function CollectionDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (collection: CollectionView) => void;
}) {
  const t = useT();
  const { t: tErrors } = useTranslation('errors');
  const { slug } = useTenantSession();
  const [form] = Form.useForm<Values>();
  const frequency = Form.useWatch('frequency', form);
  const picked = Form.useWatch('unitIds', form);
  const { t: tOrg } = useTranslation('org');
  const forms = useForms(slug, { published: true });
  const units = useUnits(slug);
  const treeData = useMemo(() => unitTreeData(units.data ?? []), [units.data]);
  const create = useCreateCollection(slug);
  const generalError =
    create.error &&
    !(
      isApiError(create.error) &&
      create.error.details.some((d) => FIELDS.some((f) => d.path === `body.${f}` || d.path.startsWith(`body.${f}[`)))
    );

  const submit = async (values: Values) => {
    try {
      const collection = await create.mutateAsync({
        formId: values.formId,
        name: values.name.trim(),
        frequency: values.frequency,
        startsOn: values.startsOn?.format('YYYY-MM-DD'),
        ...(values.frequency === 'once'
          ? { dueOn: values.dueOn?.format('YYYY-MM-DD') }
          : { dueOffset: values.dueOffset ?? 0, dueOffsetKind: values.dueOffsetKind }),
        unitIds: values.unitIds,
      });
      form.resetFields();
      onCreated(collection);
    } catch (error) {
      if (isApiError(error)) form.setFields(formFieldErrors<Values>(tErrors, error.details, FIELDS));
    }
  };

  return (
    <Drawer open={open} onClose={onClose} title={t('collections.new')} size={480} destroyOnHidden={false}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{ frequency: 'monthly', dueOffset: 5, dueOffsetKind: 'working_days', unitIds: [] }}
        data-testid="collection-form"
      >
        <Form.Item name="formId" label={t('collections.form')} rules={[{ required: true, message: t('collections.pickForm') }]}>
          <Select
            loading={forms.isLoading}
            options={(forms.data ?? []).map((f) => ({ value: f.id, label: `${f.name}（v${f.latestVersion}）` }))}
            onChange={(id: string) => !form.getFieldValue('name') && form.setFieldValue('name', forms.data?.find((f) => f.id === id)?.name)}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('collections.name')}
          rules={[{ required: true, whitespace: true, message: t('collections.nameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="frequency" label={t('collections.frequency')}>
          <Radio.Group
            optionType="button"
            options={(['once', 'weekly', 'monthly', 'quarterly'] as const).map((f) => ({ value: f, label: t(`frequency.${f}`) }))}
          />
        </Form.Item>
        {frequency === 'once' ? (
          <Form.Item name="dueOn" label={t('collections.dueOn')} rules={[{ required: true, message: t('collections.dueOnRequired') }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        ) : (
          <Form.Item label={t('collections.due')} extra={t('collections.dueHelp')}>
            <Space wrap>
              <Form.Item name="dueOffset" noStyle>
                <InputNumber min={0} max={90} aria-label={t('collections.dueOffset')} />
              </Form.Item>
              <Form.Item name="dueOffsetKind" noStyle>
                <Radio.Group
                  options={[
                    { value: 'days', label: t('collections.days') },
                    { value: 'working_days', label: t('collections.workingDays') },
                  ]}
                />
              </Form.Item>
            </Space>
          </Form.Item>
        )}
        <Form.Item name="startsOn" label={t('collections.startsOn')} extra={t('collections.startsOnHelp')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('collections.units')} required extra={t('collections.unitsPicked', { n: picked?.length ?? 0 })}>
          {/* One click for "all villages of this town" or "all 村 of the county": 34 units are not picked one by one. */}
          <Flex gap={8} wrap style={{ marginBottom: 8 }}>
            <TreeSelect<string | undefined>
              treeData={treeData}
              value={undefined}
              placeholder={t('collections.addUnder')}
              aria-label={t('collections.addUnder')}
              showSearch={{ treeNodeFilterProp: 'title' }}
              style={{ flex: '1 1 200px', minWidth: 0 }}
              data-testid="units-under"
              onChange={(id: string | undefined) =>
                id && form.setFieldValue('unitIds', withUnits(form.getFieldValue('unitIds') ?? [], unitsUnder(units.data ?? [], id)))
              }
            />
            <Select<UnitKind | undefined>
              value={undefined}
              placeholder={t('collections.addKind')}
              aria-label={t('collections.addKind')}
              style={{ flex: '1 1 140px', minWidth: 0 }}
              data-testid="units-of-kind"
              options={kindsPresent(units.data ?? []).map((kind) => ({ value: kind, label: tOrg(`kinds.${kind}`) }))}
              onChange={(kind: UnitKind | undefined) =>
                kind && form.setFieldValue('unitIds', withUnits(form.getFieldValue('unitIds') ?? [], unitsOfKind(units.data ?? [], kind)))
              }
            />
            <Button onClick={() => form.setFieldValue('unitIds', [])} disabled={!picked?.length}>
              {t('collections.clearUnits')}
            </Button>
          </Flex>
          <Form.Item name="unitIds" noStyle rules={[{ required: true, type: 'array', min: 1, message: t('collections.unitsRequired') }]}>
            <TreeSelect
              treeData={treeData}
              multiple
              treeDefaultExpandAll
              showSearch={{ treeNodeFilterProp: 'title' }}
              loading={units.isLoading}
              maxTagCount="responsive"
              data-testid="collection-units"
            />
          </Form.Item>
        </Form.Item>
        {generalError && (
          <Alert
            type="error"
            showIcon
            title={isApiError(create.error) ? create.error.message : String(create.error)}
            style={{ marginBottom: 12 }}
          />
        )}
        <Button type="primary" htmlType="submit" loading={create.isPending} block data-testid="collection-submit">
          {t('collections.send')}
        </Button>
      </Form>
    </Drawer>
  );
}
