import { useState } from 'react';
import { Alert, App, Button, Descriptions, Flex, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { FromSchema } from 'json-schema-to-ts';
import type {
  callbackEventRoute,
  closeEventRoute,
  decideExtensionRoute,
  EventAction,
  EventView,
  requestExtensionRoute,
  rerouteEventRoute,
  resolveEventRoute,
  returnEventRoute,
} from '../../schemas/event.schema';
import { useEventStep } from '../api/grid-events.api';
import { useT } from '../i18n/grid-events-i18n';
import { actionError } from './action-error';
import { PhotoUploads, type PickedPhoto } from './photo-uploads';
import { useSignedInUpload } from './signed-in-photos';
import { UnitTreePicker } from './unit-tree-picker';

/** Steps taken with one tap; the others open their form. */
const DIRECT: EventAction[] = ['accept', 'start'];
const PRIMARY: EventAction[] = ['accept', 'start', 'resolve', 'decideExtension', 'callback', 'close'];
const DANGER: EventAction[] = ['return'];
const MAX_RESOLUTION_PHOTOS = 20;

type CallbackResult = FromSchema<typeof callbackEventRoute.body>['result'];

/** What the step forms hold (the form checks the required ones before `bodyOf` reads them). */
interface StepValues {
  note?: string;
  reason?: string;
  photos?: PickedPhoto[];
  unitId?: string | null;
  hours?: number;
  approve?: boolean;
  result?: CallbackResult;
}

/** Each step's body as its route schema types it (event.schema.ts). */
type StepBody =
  | FromSchema<typeof resolveEventRoute.body>
  | FromSchema<typeof closeEventRoute.body>
  | FromSchema<typeof returnEventRoute.body>
  | FromSchema<typeof rerouteEventRoute.body>
  | FromSchema<typeof requestExtensionRoute.body>
  | FromSchema<typeof decideExtensionRoute.body>
  | FromSchema<typeof callbackEventRoute.body>;

/**
 * The body of the step's route from its form; accept and start take none. A required value the
 * form let through empty (its rules stop that) gives `null`: nothing is sent.
 */
function bodyOf(action: EventAction, v: StepValues): StepBody | undefined | null {
  const note = v.note?.trim() ?? '';
  const reason = v.reason?.trim() ?? '';
  switch (action) {
    case 'accept':
    case 'start':
      return undefined;
    case 'resolve':
      return { note, photoIds: (v.photos ?? []).map((p) => p.file.id) };
    case 'close':
      return { note };
    case 'return':
      return { reason };
    case 'reroute':
      return v.unitId ? { unitId: v.unitId, reason } : null;
    case 'requestExtension':
      return v.hours ? { hours: v.hours, reason } : null;
    case 'decideExtension':
      return v.approve === undefined ? null : { approve: v.approve, note };
    case 'callback':
      return v.result ? { result: v.result, note } : null;
  }
}

/** The fields of one step's form. */
function StepFields({ action, event }: { action: EventAction; event: EventView }) {
  const t = useT();
  const upload = useSignedInUpload();
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  switch (action) {
    case 'resolve':
      return (
        <>
          <Form.Item name="note" label={t('actions.resolveNote')} rules={required(t('actions.needNote'))}>
            <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('actions.resolveNotePlaceholder')} />
          </Form.Item>
          <Form.Item
            name="photos"
            label={t('actions.resolvePhotos')}
            required
            rules={[
              {
                validator: (_, photos?: PickedPhoto[]) =>
                  photos?.length ? Promise.resolve() : Promise.reject(new Error(t('actions.needPhoto'))),
              },
            ]}
          >
            <PhotoUploads upload={upload} max={MAX_RESOLUTION_PHOTOS} testId="resolve-photos" />
          </Form.Item>
        </>
      );
    case 'close':
      return (
        <Form.Item name="note" label={t('actions.closeNote')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      );
    case 'return':
      return (
        <Form.Item name="reason" label={t('actions.returnReason')} rules={required(t('actions.needReason'))}>
          <Input.TextArea rows={3} maxLength={500} placeholder={t('actions.returnReasonPlaceholder')} />
        </Form.Item>
      );
    case 'reroute':
      return (
        <>
          <Form.Item name="unitId" label={t('actions.rerouteUnit')} rules={[{ required: true, message: t('actions.needUnit') }]}>
            <UnitTreePicker testId="reroute-unit" />
          </Form.Item>
          <Form.Item name="reason" label={t('actions.rerouteReason')} rules={required(t('actions.needReason'))}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      );
    case 'requestExtension':
      return (
        <>
          <Form.Item name="hours" label={t('actions.extensionHours')} rules={[{ required: true, message: t('actions.needHours') }]}>
            <InputNumber min={1} max={720} precision={0} style={{ width: 160 }} suffix={t('common.hours')} />
          </Form.Item>
          <Form.Item name="reason" label={t('actions.extensionReason')} rules={required(t('actions.needReason'))}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      );
    case 'decideExtension':
      return (
        <>
          {event.extension && (
            <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('actions.extensionHours')}>{t('common.nHours', { n: event.extension.hours })}</Descriptions.Item>
              <Descriptions.Item label={t('actions.extensionReason')}>{event.extension.reason}</Descriptions.Item>
            </Descriptions>
          )}
          <Form.Item name="approve" label={t('actions.decision')} rules={[{ required: true, message: t('actions.needDecision') }]}>
            <Radio.Group
              options={[
                { value: true, label: t('actions.approve') },
                { value: false, label: t('actions.refuse') },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label={t('actions.decisionNote')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      );
    case 'callback':
      return (
        <>
          <Form.Item name="result" label={t('actions.callbackResult')} rules={[{ required: true, message: t('actions.needResult') }]}>
            <Radio.Group
              options={(['satisfied', 'unsatisfied', 'unreachable'] as const).map((r) => ({ value: r, label: t(`callback.${r}`) }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('actions.callbackNote')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      );
    default:
      return null;
  }
}

/** The buttons the API offers for this event and this user (`actions`), each with its form. */
export function EventActions({ event }: { event: EventView }) {
  const t = useT();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const step = useEventStep(slug, event.id);
  const [open, setOpen] = useState<EventAction | null>(null);
  const [form] = Form.useForm<StepValues>();
  const [failure, setFailure] = useState<string | null>(null);

  const run = (action: EventAction, values: StepValues = {}) => {
    const body = bodyOf(action, values);
    if (body === null) return;
    setFailure(null);
    step.mutate(
      { action, body },
      {
        onSuccess: () => {
          message.success(t(`actions.done.${action}`));
          setOpen(null);
          form.resetFields();
        },
        onError: (error) => {
          if (open) setFailure(actionError(t, error));
          else message.error(actionError(t, error));
        },
      },
    );
  };

  if (event.actions.length === 0) return null;
  return (
    <>
      <Flex wrap gap={8} data-testid="event-actions">
        {event.actions.map((action) => (
          <Button
            key={action}
            type={PRIMARY.includes(action) ? 'primary' : 'default'}
            danger={DANGER.includes(action)}
            loading={step.isPending && step.variables.action === action && !open}
            onClick={() => {
              if (DIRECT.includes(action)) run(action);
              else {
                form.resetFields();
                setFailure(null);
                setOpen(action);
              }
            }}
            data-testid={`action-${action}`}
          >
            {t(`actions.names.${action}`)}
          </Button>
        ))}
      </Flex>
      <Modal
        open={open !== null}
        title={open ? t(`actions.names.${open}`) : ''}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        okText={t('actions.submit')}
        confirmLoading={step.isPending}
        destroyOnHidden
      >
        {open && (
          <Form<StepValues> form={form} layout="vertical" onFinish={(values) => run(open, values)} data-testid={`form-${open}`}>
            <StepFields action={open} event={event} />
            {failure && <Alert type="error" showIcon title={failure} />}
          </Form>
        )}
      </Modal>
    </>
  );
}
