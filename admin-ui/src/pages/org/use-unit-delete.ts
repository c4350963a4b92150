import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDeleteUnit, type Unit } from '../../api/org.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { useOrgErrors } from './use-org-errors';

/** Delete a unit after a confirmation; the server's refusal (children, people) is shown as it explains it. */
export function useUnitDelete(onDeleted: (unit: Unit) => void) {
  const { t } = useTranslation('org');
  const { slug } = useTenantSession();
  const { modal, message } = App.useApp();
  const deleteUnit = useDeleteUnit(slug);
  const errors = useOrgErrors();

  return (unit: Unit) =>
    modal.confirm({
      title: t('unit.deleteConfirm', { name: unit.name }),
      content: t('unit.deleteHint'),
      okText: t('unit.delete'),
      okButtonProps: { danger: true },
      cancelText: t('actions.cancel', { ns: 'common' }),
      onOk: () =>
        deleteUnit.mutateAsync(unit.id).then(
          () => {
            void message.success(t('unit.deleted', { name: unit.name }));
            onDeleted(unit);
          },
          (error: unknown) => errors.show(error),
        ),
    });
}
