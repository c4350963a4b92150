import { useState } from 'react';
import { EditOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Form, Modal, Popconfirm, Space } from 'antd';
import dayjs from 'dayjs';
import { countyTimeZone, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useAddAssignments, useCloseTask, useUpdateTask } from '../api/dispatch.api';
import type { TaskView } from '../../schemas/task.schema';
import { useT } from '../i18n/dispatch-i18n';
import { actionError } from './action-error';
import { AssignmentsEditor, toAssignmentInputs, type AssignmentRow } from './assignments-editor';
import { deadlineInput, TaskTextFields, type TaskTextValues } from './task-fields';

/** What a supervisor does with a task: change it, dispatch it to more units, close it. */
export function SupervisorActions({ task }: { task: TaskView }) {
  const t = useT();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const update = useUpdateTask(slug);
  const close = useCloseTask(slug);
  const add = useAddAssignments(slug);
  const [dialog, setDialog] = useState<'edit' | 'add' | null>(null);
  const [editForm] = Form.useForm<TaskTextValues>();
  const [addForm] = Form.useForm<{ assignments: AssignmentRow[] }>();
  const failed = (error: unknown) => message.error(actionError(t, error));

  // An unchanged deadline is not sent: an overdue task keeps it without a "deadline in the past" refusal.
  const deadlineTouched = () => editForm.isFieldsTouched(['deadline', 'deadlineWorkingDays', 'deadlineMode']);
  const saveEdit = async () => {
    const values = await editForm.validateFields();
    try {
      await update.mutateAsync({
        id: task.id,
        body: {
          title: values.title.trim(),
          description: values.description ?? '',
          category: values.category ?? '',
          priority: values.priority,
          ...(deadlineTouched() ? deadlineInput(values) : {}),
        },
      });
      message.success(t('actions.saved'));
      setDialog(null);
    } catch (error) {
      failed(error);
    }
  };
  const saveAdd = async () => {
    const values = await addForm.validateFields();
    try {
      await add.mutateAsync({ id: task.id, assignments: toAssignmentInputs(values.assignments) });
      message.success(t('actions.dispatched', { n: values.assignments.length }));
      addForm.resetFields();
      setDialog(null);
    } catch (error) {
      failed(error);
    }
  };

  if (task.status === 'closed') return null;
  return (
    <Space wrap>
      <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="edit-task">
        {t('actions.edit')}
      </Button>
      <Button icon={<SendOutlined />} onClick={() => setDialog('add')} data-testid="add-units">
        {t('actions.addUnits')}
      </Button>
      <Popconfirm
        title={t('actions.closeConfirm')}
        onConfirm={() => close.mutate(task.id, { onSuccess: () => message.success(t('actions.closed')), onError: failed })}
      >
        <Button icon={<StopOutlined />} danger loading={close.isPending} data-testid="close-task">
          {t('actions.close')}
        </Button>
      </Popconfirm>
      <Modal
        open={dialog === 'edit'}
        title={t('actions.edit')}
        onCancel={() => setDialog(null)}
        onOk={() => void saveEdit()}
        confirmLoading={update.isPending}
        okText={t('common.save')}
        destroyOnHidden
        width={640}
      >
        <Form
          form={editForm}
          layout="vertical"
          preserve={false}
          initialValues={{
            title: task.title,
            description: task.description,
            category: task.category,
            priority: task.priority,
            deadlineMode: 'at',
            deadline: dayjs(task.deadline).tz(countyTimeZone()),
          }}
        >
          <TaskTextFields deadlineRequired={false} />
        </Form>
      </Modal>
      <Modal
        open={dialog === 'add'}
        title={t('actions.addUnits')}
        onCancel={() => setDialog(null)}
        onOk={() => void saveAdd()}
        confirmLoading={add.isPending}
        okText={t('create.submit')}
        destroyOnHidden
        width={720}
      >
        <Form form={addForm} layout="vertical" initialValues={{ assignments: [] }}>
          <Form.Item name="assignments" rules={[{ required: true, type: 'array', min: 1, message: t('task.assignmentsRequired') }]}>
            <AssignmentsEditor testId="add-assignments" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
