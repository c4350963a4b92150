import { Checkbox, Collapse, Flex, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DATA_SCOPES, type DataScope, type Grant, type PermissionGroup } from '../../api/role.api';
import { useLocalized } from '../../i18n/localized';

interface PermissionGrantsFieldProps {
  groups: PermissionGroup[];
  /** From the enclosing Form.Item. */
  value?: Grant[];
  onChange?: (grants: Grant[]) => void;
}

// A newly ticked permission starts at the person's unit and those below it: wide enough for a
// unit leader, narrower than the whole county, which an admin widens on purpose.
const DEFAULT_SCOPE: DataScope = 'unit_subtree';

/** Permissions grouped by module (one panel each), a tick per permission and its data scope. */
export function PermissionGrantsField({ groups, value = [], onChange }: PermissionGrantsFieldProps) {
  const { t } = useTranslation('roles');
  const text = useLocalized();
  const scopeOf = new Map(value.map((grant) => [grant.permission, grant.scope]));

  const toggle = (permission: string, checked: boolean) =>
    onChange?.(checked ? [...value, { permission, scope: DEFAULT_SCOPE }] : value.filter((grant) => grant.permission !== permission));
  const setScope = (permission: string, scope: DataScope) =>
    onChange?.(value.map((grant) => (grant.permission === permission ? { ...grant, scope } : grant)));

  return (
    <Collapse
      data-testid="permission-groups"
      defaultActiveKey={groups
        .filter((group) => group.permissions.some((p) => scopeOf.has(p.id)) || group.moduleId === null)
        .map((group) => group.moduleId ?? 'core')}
      items={groups.map((group) => {
        const granted = group.permissions.filter((p) => scopeOf.has(p.id)).length;
        return {
          key: group.moduleId ?? 'core',
          label: text(group.name),
          extra: <Tag color={granted > 0 ? 'blue' : 'default'}>{t('grants.count', { granted, total: group.permissions.length })}</Tag>,
          children:
            group.permissions.length === 0 ? (
              <Typography.Text type="secondary">{t('grants.none')}</Typography.Text>
            ) : (
              <Flex vertical gap={8}>
                {group.permissions.map((permission) => {
                  const scope = scopeOf.get(permission.id);
                  return (
                    <Flex key={permission.id} justify="space-between" align="center" wrap gap={8} data-testid={`grant-${permission.id}`}>
                      <Checkbox checked={scope !== undefined} onChange={(event) => toggle(permission.id, event.target.checked)}>
                        {text(permission.name)}{' '}
                        <Typography.Text type="secondary" code>
                          {permission.id}
                        </Typography.Text>
                      </Checkbox>
                      {scope !== undefined && (
                        <Select<DataScope>
                          size="small"
                          value={scope}
                          onChange={(next) => setScope(permission.id, next)}
                          options={DATA_SCOPES.map((s) => ({ value: s, label: t(`scope.${s}`) }))}
                          style={{ width: 150 }}
                          aria-label={t('grants.scopeOf', { name: text(permission.name) })}
                          data-testid={`scope-${permission.id}`}
                        />
                      )}
                    </Flex>
                  );
                })}
              </Flex>
            ),
        };
      })}
    />
  );
}
