import { App, Button, Card, Empty, Form, Input, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ContributedSchemaForm, ErrorResult, PageLoading, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { TypeView } from '../../schemas/type.schema';
import { useApply, useEditRequest, useRequest, useTypes } from '../api/approvals.api';
import { AccountSelect } from '../components/account-select';
import { actionError } from '../components/action-error';
import { useT } from '../i18n/approvals-i18n';

/** The flow's steps whose approvers the applicant picks, with the list they pick from (empty: anyone). */
function chosenSteps(type: TypeView | undefined) {
  return (type?.flow.nodes ?? []).flatMap((node) =>
    (node.approvers ?? [])
      .filter((rule) => rule.kind === 'chosen')
      .map((rule) => ({ nodeId: node.id, name: node.name, only: rule.userIds?.length ? rule.userIds : undefined })),
  );
}

/**
 * `/approvals/apply` (发起审批): pick a type, fill its form, choose approvers where the flow asks
 * the applicant to, then submit or keep a draft. `?edit=<id>`: change a draft or a returned request.
 */
export default function ApplyPage() {
  const t = useT();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const editId = params.get('edit') ?? undefined;
  const types = useTypes(slug);
  const editing = useRequest(slug, editId);
  const apply = useApply(slug);
  const edit = useEditRequest(slug, editId ?? '');
  const [typeId, setTypeId] = useState<string | undefined>(undefined);
  const [title, setTitle] = useState<string | undefined>(undefined);
  const [chosen, setChosen] = useState<Record<string, string[]>>({});
  const [answers, setAnswers] = useState<Record<string, unknown> | undefined>(undefined);

  const currentTypeId = typeId ?? editing.data?.typeId;
  const type = useMemo(() => types.data?.find((x) => x.id === currentTypeId), [types.data, currentTypeId]);
  const data = answers ?? editing.data?.data ?? {};
  const picks = { ...(editing.data?.chosen ?? {}), ...chosen };

  if (types.isLoading || (editId && editing.isLoading)) return <PageLoading />;
  if (types.error) return <ErrorResult error={types.error} onRetry={() => void types.refetch()} />;

  const send = async (submit: boolean, formData: Record<string, unknown>) => {
    if (!currentTypeId) return;
    const body = {
      title: (title ?? editing.data?.title ?? type?.name ?? '').trim() || (type?.name ?? ''),
      data: formData,
      chosen: picks,
      submit,
    };
    try {
      const saved = editId ? await edit.mutateAsync(body) : await apply.mutateAsync({ ...body, typeId: currentTypeId });
      message.success(submit ? t('apply.submitted') : t('apply.saved'));
      navigate(`../requests/${saved.id}`, { relative: 'path' });
    } catch (error) {
      message.error(actionError(t, error));
    }
  };

  return (
    <>
      <Typography.Title level={3}>{editId ? t('apply.edit') : t('apply.title')}</Typography.Title>
      {(types.data ?? []).length === 0 ? (
        <Empty description={t('apply.noTypes')} />
      ) : (
        <Card>
          <Form layout="vertical">
            <Form.Item label={t('apply.type')} required>
              <Select
                data-testid="apply-type"
                disabled={Boolean(editId)}
                placeholder={t('apply.pickType')}
                value={currentTypeId}
                onChange={(value: string) => {
                  setTypeId(value);
                  setAnswers({});
                }}
                options={(types.data ?? []).map((x) => ({ value: x.id, label: x.category ? `${x.category} · ${x.name}` : x.name }))}
              />
            </Form.Item>
            {type && (
              <Form.Item label={t('apply.requestTitle')} required>
                <Input
                  data-testid="apply-title"
                  maxLength={100}
                  value={title ?? editing.data?.title ?? type.name}
                  onChange={(e) => setTitle(e.target.value)}
                />
              </Form.Item>
            )}
            {chosenSteps(type).map((step) => (
              <Form.Item key={step.nodeId} label={t('apply.chosen', { step: step.name })} required>
                <AccountSelect
                  multiple
                  only={step.only}
                  value={picks[step.nodeId] ?? []}
                  onChange={(v) => setChosen((c) => ({ ...c, [step.nodeId]: v as string[] }))}
                />
              </Form.Item>
            ))}
          </Form>
          {type && (
            <>
              <ContributedSchemaForm
                key={type.id}
                schema={type.form.schema}
                uiSchema={type.form.uiSchema}
                formData={data}
                onChange={setAnswers}
                onSubmit={(formData) => void send(true, formData)}
                submitText={t('apply.submit')}
                submitting={apply.isPending || edit.isPending}
                testId="apply-form"
              />
              <Space style={{ marginTop: 8 }}>
                <Button onClick={() => void send(false, data)} loading={apply.isPending || edit.isPending}>
                  {t('apply.saveDraft')}
                </Button>
              </Space>
            </>
          )}
        </Card>
      )}
    </>
  );
}
