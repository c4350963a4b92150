import { periodLabel } from '../period-label';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Flex, Result, Space, Typography } from 'antd';
import { ErrorResult, PageLoading, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useMyDue, useSubmission, useVersion } from '../api/forms.api';
import type { MyDueItem } from '../../schemas/collection.schema';
import type { JsonObject } from '../../schemas/common.schema';
import type { VersionView } from '../../schemas/form.schema';
import type { SubmissionDetail } from '../../schemas/submission.schema';
import { FormView } from '../components/form-view';
import { PreviousAnswersPicker } from '../components/fill/previous-answers-picker';
import { StateTag } from '../components/state-tag';
import { useSubmissionSave } from '../fill/use-submission-save';
import { versionValidatorUrl } from '../fill/validator-url';
import { useT } from '../i18n/forms-i18n';

interface FillProps {
  item: MyDueItem;
  version: VersionView;
  /** The draft or returned submission being continued, if any. */
  existing: SubmissionDetail | null;
}

function Fill({ item, version, existing }: FillProps) {
  const t = useT();
  const { slug } = useTenantSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [data, setData] = useState<JsonObject>(existing?.data ?? {});
  const [done, setDone] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const target = {
    formId: item.formId,
    version: existing?.version ?? version.version,
    collectionId: item.collectionId,
    periodKey: item.periodKey,
    assigneeId: item.assigneeId,
  };
  const save = useSubmissionSave(slug, t, target, version.schema, existing?.id ?? null);
  const back = () => navigate(`/t/${slug}/forms/my-due`);

  const submit = async (answers: JsonObject) => {
    if (await save.run(answers, false)) setDone(true);
    else window.scrollTo({ top: 0, behavior: 'smooth' });
  };
  const saveDraft = async () => {
    if (await save.run(data, true)) message.success(t('fill.draftSaved'));
  };

  if (done) {
    return (
      <Result
        status="success"
        title={t('fill.submitted')}
        subTitle={`${item.collectionName} · ${periodLabel(t, item.periodKey)}`}
        data-testid="fill-done"
        extra={[
          <Button key="back" type="primary" onClick={back}>
            {t('fill.backToList')}
          </Button>,
          <Button
            key="again"
            onClick={() => {
              save.setSubmissionId(null);
              setData({});
              setFormKey((k) => k + 1);
              setDone(false);
            }}
          >
            {t('fill.another')}
          </Button>,
        ]}
      />
    );
  }

  return (
    <Flex vertical gap={12} style={{ maxWidth: 820 }}>
      <div>
        <Typography.Title level={4} style={{ marginBottom: 4 }}>
          {version.name}
        </Typography.Title>
        <Space wrap size={4}>
          <Typography.Text type="secondary">{`${item.collectionName} · ${periodLabel(t, item.periodKey)} · ${t('collections.dueShort', { date: item.dueOn })}`}</Typography.Text>
          {existing && <StateTag state={existing.status} />}
        </Space>
      </div>
      {existing?.status === 'returned' && (
        <Alert type="warning" showIcon title={t('fill.returned')} description={existing.returnReason} data-testid="return-reason" />
      )}
      {save.networkProblem && <Alert type="warning" showIcon title={t('fill.network')} data-testid="fill-network" />}
      {save.errors.general.length > 0 || Object.keys(save.errors.tree).length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('fill.invalid')}
          description={save.errors.general.join('；') || undefined}
          data-testid="fill-errors"
        />
      ) : null}
      {!existing && !save.submissionId && (
        <PreviousAnswersPicker
          item={item}
          onPick={(previous) => {
            setData(previous);
            setFormKey((k) => k + 1);
          }}
        />
      )}
      <Card size="small" styles={{ body: { padding: 12 } }}>
        <FormView
          key={formKey}
          schema={version.schema}
          uiSchema={version.uiSchema}
          validatorUrl={versionValidatorUrl(slug, version.formId, version.version)}
          formData={data}
          extraErrors={save.errors.tree}
          onChange={setData}
          onSubmit={(answers) => void submit(answers)}
          submitText={t('fill.submit')}
          submitting={save.pending === 'submit'}
          testId="fill-form"
        />
        <Button onClick={() => void saveDraft()} loading={save.pending === 'draft'} style={{ marginTop: 8 }} data-testid="save-draft">
          {t('fill.saveDraft')}
        </Button>
      </Card>
    </Flex>
  );
}

/** `/forms/fill/:collectionId/:periodKey/:assigneeId`: fill in (or continue, or correct) one due form. */
export default function FillPage() {
  const t = useT();
  const { slug } = useTenantSession();
  const { collectionId, periodKey, assigneeId } = useParams();
  const due = useMyDue(slug, true);
  const item = due.data?.find((d) => d.collectionId === collectionId && d.periodKey === periodKey && d.assigneeId === assigneeId);
  // A draft or a returned submission is continued; after a submission, a new one starts (one per household).
  const continuing = item && (item.state === 'draft' || item.state === 'returned') ? item.submissionId : null;
  const existing = useSubmission(slug, continuing ?? undefined);
  const version = useVersion(slug, item?.formId, existing.data?.version ?? item?.version);
  const error = due.error ?? existing.error ?? version.error;
  if (error) return <ErrorResult error={error} onRetry={() => void due.refetch()} />;
  if (due.data && !item) return <Result status="404" title={t('fill.notDue')} />;
  if (!item || !version.data || (continuing && !existing.data)) return <PageLoading />;
  return (
    <Fill
      key={`${item.collectionId}:${item.periodKey}:${existing.data?.id ?? 'new'}`}
      item={item}
      version={version.data}
      existing={existing.data ?? null}
    />
  );
}
