import { useMemo, useState } from 'react';
import { Alert, App, Button, Flex, Input, Modal, Radio, Result, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import {
  BULK_MAX_PEOPLE,
  useAccountCandidates,
  useCreateAccounts,
  type AccountCandidate,
  type BulkAccountsResult,
  type PasswordDelivery,
} from '../../api/bulk-access.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { ErrorResult } from '../../components/error-result';
import { fieldMessage } from '../../components/field-errors';
import { useIsPhone } from '../../layout/use-is-phone';
import { UnitTreeSelect } from '../org/unit-tree-select';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { PasswordSheet } from './password-sheet';

export interface PresetPerson {
  personId: string;
  name: string;
  unitName: string;
}

interface BulkAccountsModalProps {
  open: boolean;
  onClose: () => void;
  /** People already picked in the directory; without them the modal offers its own picker. */
  people?: PresetPerson[];
}

/**
 * Accounts for many people at once (批量开通账号): pick people of the directory (a unit and
 * below, those without an account first), choose SMS or a printable sheet for the initial
 * passwords, create. New accounts must change their password at first sign-in.
 */
export function BulkAccountsModal({ open, onClose, people }: BulkAccountsModalProps) {
  const { t } = useTranslation('adminConsole');
  const { t: tErrors } = useTranslation('errors');
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [includeSubunits, setIncludeSubunits] = useState(true);
  const [withoutAccount, setWithoutAccount] = useState(true);
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim()).slice(0, 50);
  const [picked, setPicked] = useState<string[]>([]);
  const [delivery, setDelivery] = useState<PasswordDelivery>('sheet');
  const [result, setResult] = useState<BulkAccountsResult | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const candidates = useAccountCandidates(slug, { unitId, includeSubunits, q, withoutAccount }, open && !people);
  const create = useCreateAccounts(slug);
  const rows = useMemo(() => candidates.data?.items ?? [], [candidates.data]);
  const names = useMemo(() => new Map([...(people ?? []), ...rows].map((p) => [p.personId, p.name])), [people, rows]);
  const personIds = people ? people.map((p) => p.personId) : picked;

  const close = () => {
    setResult(null);
    setPicked([]);
    setProblems([]);
    onClose();
  };

  const submit = () => {
    setProblems([]);
    create.mutate(
      { personIds, delivery },
      {
        onSuccess: setResult,
        onError: (error) => {
          if (isApiError(error) && error.details.length > 0) {
            // `body.personIds[3]` names the fourth person picked.
            setProblems(
              error.details.map(
                (d) => `${names.get(personIds[Number(/\[(\d+)\]/.exec(d.path)?.[1])]) ?? d.path}: ${fieldMessage(tErrors, d.message)}`,
              ),
            );
          } else message.error(t('bulk.failed', { code: isApiError(error) ? error.code : 'CLIENT_ERROR' }));
        },
      },
    );
  };

  const columns: TableColumnsType<AccountCandidate> = [
    { key: 'name', title: t('bulk.name'), dataIndex: 'name' },
    { key: 'unit', title: t('bulk.unit'), dataIndex: 'unitName' },
    { key: 'phone', title: t('bulk.phone'), dataIndex: 'phone' },
    {
      key: 'account',
      title: t('bulk.account'),
      render: (_, c) => (c.account ? <Tag>{c.account.username}</Tag> : <Tag color="orange">{t('bulk.noAccount')}</Tag>),
    },
  ];

  let body;
  if (result) {
    body = (
      <>
        <Result
          status="success"
          title={t('bulk.done', { n: result.created.length })}
          subTitle={[
            result.delivery === 'sms' ? t('bulk.smsQueued', { n: result.smsQueued }) : '',
            result.skipped.length ? t('bulk.skipped', { names: result.skipped.map((s) => s.name).join('、') }) : '',
          ]
            .filter(Boolean)
            .join(' ')}
          style={{ padding: 16 }}
        />
        {result.delivery === 'sheet' && result.created.length > 0 && <PasswordSheet accounts={result.created} />}
      </>
    );
  } else {
    body = (
      <Flex vertical gap={12}>
        {people ? (
          <Typography.Paragraph>
            {t('bulk.presetPeople', {
              n: people.length,
              names: people
                .slice(0, 10)
                .map((p) => p.name)
                .join('、'),
            })}
          </Typography.Paragraph>
        ) : (
          <>
            <Flex wrap gap={12} align="center">
              <div style={{ minWidth: 220, flex: 1 }}>
                <UnitTreeSelect value={unitId} onChange={setUnitId} />
              </div>
              <Input.Search
                allowClear
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                placeholder={t('bulk.search')}
                aria-label={t('bulk.search')}
                style={{ maxWidth: isPhone ? undefined : 220 }}
              />
            </Flex>
            <Flex wrap gap={16}>
              <label>
                <Switch size="small" checked={includeSubunits} onChange={setIncludeSubunits} disabled={!unitId} />{' '}
                {t('bulk.includeSubunits')}
              </label>
              <label>
                <Switch size="small" checked={withoutAccount} onChange={setWithoutAccount} /> {t('bulk.withoutAccount')}
              </label>
            </Flex>
            {candidates.error ? (
              <ErrorResult error={candidates.error} onRetry={() => void candidates.refetch()} />
            ) : (
              <Table<AccountCandidate>
                rowKey="personId"
                size="small"
                columns={columns}
                dataSource={rows}
                loading={candidates.isPending}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                scroll={{ x: 480, y: 320 }}
                rowSelection={{
                  selectedRowKeys: picked,
                  onChange: (keys) => setPicked(keys as string[]),
                  getCheckboxProps: (c) => ({ disabled: c.account !== null }),
                }}
                data-testid="account-candidates"
              />
            )}
            {candidates.data?.truncated && <Typography.Text type="secondary">{t('bulk.truncated')}</Typography.Text>}
          </>
        )}
        <div>
          <Typography.Text strong>{t('bulk.delivery')}</Typography.Text>
          <Radio.Group
            value={delivery}
            onChange={(e) => setDelivery(e.target.value)}
            style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 4 }}
          >
            <Radio value="sheet">{t('bulk.deliverySheet')}</Radio>
            <Radio value="sms">{t('bulk.deliverySms')}</Radio>
          </Radio.Group>
        </div>
        <Typography.Text type="secondary">{t('bulk.loginHint')}</Typography.Text>
        {personIds.length > BULK_MAX_PEOPLE && <Alert type="warning" showIcon title={t('bulk.tooMany', { max: BULK_MAX_PEOPLE })} />}
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={t('bulk.nothingCreated')}
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
            data-testid="bulk-problems"
          />
        )}
      </Flex>
    );
  }

  return (
    <Modal
      open={open}
      title={t('bulk.title')}
      onCancel={close}
      width={isPhone ? '100%' : 760}
      destroyOnHidden
      footer={
        result ? (
          <Button onClick={close}>{t('bulk.close')}</Button>
        ) : (
          <Flex justify="end" gap={8}>
            <Button onClick={close}>{t('actions.cancel', { ns: 'common' })}</Button>
            <Button
              type="primary"
              disabled={personIds.length === 0 || personIds.length > BULK_MAX_PEOPLE}
              loading={create.isPending}
              onClick={submit}
              data-testid="bulk-create"
            >
              {t('bulk.submit', { n: personIds.length })}
            </Button>
          </Flex>
        )
      }
    >
      {body}
    </Modal>
  );
}
