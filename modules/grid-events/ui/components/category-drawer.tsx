import { useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { formFieldErrors, isApiError, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { CategoryInput, CategoryView } from '../../schemas/category.schema';
import { useCreateCategory, useUpdateCategory } from '../api/grid-events.api';
import { useT } from '../i18n/grid-events-i18n';
import { actionError } from './action-error';
import { CategoryPicker } from './category-picker';
import { UnitTreePicker } from './unit-tree-picker';

type Values = Required<Pick<CategoryInput, 'name' | 'code' | 'acceptHours' | 'resolveHours'>> &
  Pick<CategoryInput, 'parentId' | 'description' | 'keywords' | 'departmentUnitId' | 'smsTemplate' | 'sort' | 'active'>;

const FIELDS: (keyof Values)[] = [
  'parentId',
  'name',
  'code',
  'description',
  'keywords',
  'departmentUnitId',
  'acceptHours',
  'resolveHours',
  'smsTemplate',
  'sort',
  'active',
];

const PLAIN = /^[^<>]*$/;

/** What the form starts with: the category's values, or a new one's defaults (under `parentId`). */
function initialOf(editing: CategoryView | null, parentId: string | null): Values {
  if (editing)
    return {
      parentId: editing.parentId,
      name: editing.name,
      code: editing.code,
      description: editing.description,
      keywords: editing.keywords,
      departmentUnitId: editing.department?.id ?? null,
      acceptHours: editing.acceptHours,
      resolveHours: editing.resolveHours,
      smsTemplate: editing.smsTemplate,
      sort: editing.sort,
      active: editing.active,
    };
  return {
    parentId,
    name: '',
    code: '',
    description: '',
    keywords: '',
    departmentUnitId: null,
    acceptHours: 2,
    resolveHours: 72,
    smsTemplate: '',
    sort: 0,
    active: true,
  };
}

/** Adds or changes one category: its plain name, code, handling department, time limits, SMS text. */
export function CategoryDrawer({
  open,
  editing,
  parentId,
  categories,
  onClose,
}: {
  open: boolean;
  editing: CategoryView | null;
  parentId: string | null;
  categories: CategoryView[];
  onClose: () => void;
}) {
  const t = useT();
  const { t: te } = useTranslation('errors');
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateCategory(slug);
  const update = useUpdateCategory(slug);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      form.setFieldsValue(initialOf(editing, parentId));
      setFailure(null);
    }
  }, [open, editing, parentId, form]);

  const onError = (error: unknown) => {
    if (isApiError(error) && error.details.length > 0) form.setFields(formFieldErrors<Values>(te, error.details, FIELDS));
    setFailure(actionError(t, error));
  };
  const save = (values: Values) => {
    const body = { ...values, parentId: values.parentId ?? null, departmentUnitId: values.departmentUnitId ?? null };
    const done = () => {
      message.success(t('categories.saved', { name: values.name }));
      onClose();
    };
    if (editing) update.mutate({ id: editing.id, changes: body }, { onSuccess: done, onError });
    else create.mutate(body, { onSuccess: done, onError });
  };
  // A category cannot move under itself or its descendants: those are not offered as parents.
  const descendants = new Set<string>(editing ? [editing.id] : []);
  for (const c of categories) if (c.parentId && descendants.has(c.parentId)) descendants.add(c.id);
  const parents = categories.filter((c) => !descendants.has(c.id));
  const text = (max: number) => [{ max }, { pattern: PLAIN, message: t('categories.noBrackets') }];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={editing ? t('categories.edit', { name: editing.name }) : t('categories.add')}
      size={520}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()} data-testid="category-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={save} data-testid="category-form">
        <Form.Item name="parentId" label={t('categories.parent')}>
          <CategoryPicker allowClear categories={parents} placeholder={t('categories.topLevel')} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('categories.name')}
          extra={t('categories.nameHelp')}
          rules={[{ required: true, whitespace: true }, ...text(40)]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('categories.code')}
          extra={t('categories.codeHelp')}
          rules={[{ required: true }, { pattern: /^[A-Za-z0-9_-]{1,40}$/, message: t('categories.codePattern') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="departmentUnitId" label={t('categories.department')} extra={t('categories.departmentHelp')}>
          <UnitTreePicker allowClear testId="category-department" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="acceptHours" label={t('categories.acceptHours')} rules={[{ required: true }]}>
            <InputNumber min={1} max={2160} precision={0} suffix={t('common.hours')} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="resolveHours" label={t('categories.resolveHours')} rules={[{ required: true }]}>
            <InputNumber min={1} max={2160} precision={0} suffix={t('common.hours')} style={{ width: 150 }} />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={t('categories.description')} rules={text(500)}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="keywords" label={t('categories.keywords')} extra={t('categories.keywordsHelp')} rules={text(200)}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="smsTemplate" label={t('categories.smsTemplate')} extra={t('categories.smsTemplateHelp')} rules={text(200)}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
        <Space wrap size={24}>
          <Form.Item name="sort" label={t('categories.sort')}>
            <InputNumber min={0} max={10000} precision={0} />
          </Form.Item>
          <Form.Item name="active" label={t('categories.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        {failure && <Alert type="error" showIcon title={failure} />}
      </Form>
    </Drawer>
  );
}
