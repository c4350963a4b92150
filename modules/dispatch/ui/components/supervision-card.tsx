import { useState } from 'react';
import { BellOutlined, RiseOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Form, Input, Modal, Select, Space, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { countyTime, countyWallTimeToIso, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useEscalate, useEscalations, useReminders, useUrge } from '../api/dispatch-extras.api';
import type { EscalationLevel } from '../../schemas/escalation.schema';
import { useT } from '../i18n/dispatch-i18n';
import { actionError } from './action-error';
import { EscalationLadder, InterviewDetails } from './escalation-ladder';

interface EscalateValues {
  text: string;
  at?: Dayjs;
  place?: string;
  attendees?: string[];
  summary?: string;
}

/** For the reviewers of one assignment: one-click urge (催办); for supervisors the next escalation step (督办); what was sent. */
export function SupervisionCard({ assignmentId, canEscalate }: { assignmentId: string; canEscalate: boolean }) {
  const t = useT();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const reminders = useReminders(slug, assignmentId);
  const escalations = useEscalations(slug, assignmentId);
  const urge = useUrge(slug);
  const escalate = useEscalate(slug);
  const [open, setOpen] = useState(false);
  const [urging, setUrging] = useState(false);
  const [form] = Form.useForm<EscalateValues>();
  const [urgeForm] = Form.useForm<{ text?: string }>();
  const next: EscalationLevel | null = escalations.data?.next ?? null;
  const failed = (error: unknown) => message.error(actionError(t, error));

  const raise = async () => {
    if (!next) return;
    const v = await form.validateFields();
    const record =
      next === 'interview' && v.at && v.place && v.summary
        ? { at: countyWallTimeToIso(v.at), place: v.place.trim(), attendees: v.attendees ?? [], summary: v.summary.trim() }
        : undefined;
    escalate.mutate(
      { assignmentId, level: next, text: v.text.trim(), record },
      {
        onSuccess: () => {
          setOpen(false);
          form.resetFields();
          message.success(t('supervision.raised', { level: t(`supervision.levels.${next}`) }));
        },
        onError: failed,
      },
    );
  };

  return (
    <Card size="small" title={t('supervision.title')} data-testid="supervision-card">
      <Space wrap style={{ marginBottom: 8 }}>
        <Button icon={<BellOutlined />} data-testid="urge" onClick={() => setUrging(true)}>
          {t('supervision.urge')}
        </Button>
        {next && canEscalate && (
          <Button icon={<RiseOutlined />} danger onClick={() => setOpen(true)} data-testid="escalate">
            {t('supervision.escalate', { level: t(`supervision.levels.${next}`) })}
          </Button>
        )}
        {escalations.data?.level && (
          <Tag color="red">{t('supervision.current', { level: t(`supervision.levels.${escalations.data.level}`) })}</Tag>
        )}
      </Space>
      <Timeline
        items={[
          ...(escalations.data?.items ?? []).map((e) => ({
            key: e.id,
            color: 'red',
            at: e.createdAt,
            content: `${t(`supervision.levels.${e.level}`)} · ${e.text}`,
            record: e.record,
            by: e.createdByName,
          })),
          ...(reminders.data?.items ?? []).map((r) => ({
            key: r.id,
            color: 'blue',
            at: r.createdAt,
            content: `${t(`supervision.reminders.${r.kind}`)} · ${r.text}`,
            record: null,
            by: r.sentByName,
          })),
        ]
          .sort((a, b) => b.at.localeCompare(a.at))
          .map((item) => ({
            key: item.key,
            color: item.color,
            content: (
              <Flex vertical>
                <Typography.Text>{item.content}</Typography.Text>
                {item.record && <InterviewDetails record={item.record} />}
                <Typography.Text
                  type="secondary"
                  style={{ fontSize: 12 }}
                >{`${countyTime(item.at)}${item.by ? ` · ${item.by}` : ''}`}</Typography.Text>
              </Flex>
            ),
          }))}
      />
      <Modal
        open={open}
        title={next ? t('supervision.escalate', { level: t(`supervision.levels.${next}`) }) : ''}
        onCancel={() => setOpen(false)}
        onOk={() => void raise()}
        confirmLoading={escalate.isPending}
        okText={t('common.confirm')}
        destroyOnHidden
        forceRender
      >
        {escalations.data && (
          <EscalationLadder ladder={escalations.data.ladder} level={escalations.data.level} next={escalations.data.next} />
        )}
        <Form form={form} layout="vertical">
          <Form.Item
            name="text"
            label={t('supervision.text')}
            rules={[{ required: true, whitespace: true, message: t('review.reasonRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
          {next === 'interview' && (
            <>
              <Form.Item name="at" label={t('supervision.interviewAt')} rules={[{ required: true }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
              </Form.Item>
              <Form.Item name="place" label={t('supervision.interviewPlace')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="attendees" label={t('supervision.interviewAttendees')} rules={[{ required: true, type: 'array', min: 1 }]}>
                <Select mode="tags" open={false} />
              </Form.Item>
              <Form.Item name="summary" label={t('supervision.interviewSummary')} rules={[{ required: true, whitespace: true }]}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
      <Modal
        open={urging}
        title={t('supervision.urgeTitle')}
        onCancel={() => setUrging(false)}
        onOk={() =>
          urge.mutate(
            { assignmentId, text: urgeForm.getFieldValue('text')?.trim() || undefined },
            {
              onSuccess: (r) => {
                setUrging(false);
                urgeForm.resetFields();
                message.success(r.sent ? t('supervision.urged') : t('supervision.urgedAlready'));
              },
              onError: failed,
            },
          )
        }
        confirmLoading={urge.isPending}
        okText={t('supervision.urgeSend')}
        destroyOnHidden
        forceRender
      >
        <Typography.Paragraph type="secondary">{t('supervision.levelHelp.remind')}</Typography.Paragraph>
        <Form form={urgeForm} layout="vertical">
          <Form.Item name="text" label={t('supervision.urgeText')}>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={500}
              placeholder={t('supervision.urgePlaceholder')}
              data-testid="urge-text"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
