import { Select } from 'antd';
import { useState } from 'react';
import { useDebouncedValue, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useAccounts } from '../api/approvals.api';

/** Picks active accounts by name (with their unit), for transfers, 加签, chosen approvers and deputies. */
export function AccountSelect(props: {
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  multiple?: boolean;
  placeholder?: string;
  /** Only these accounts (a step's list), when given. */
  only?: string[];
  testId?: string;
}) {
  const { slug } = useTenantSession();
  const [q, setQ] = useState('');
  const accounts = useAccounts(slug, useDebouncedValue(q, 300));
  const options = (accounts.data ?? [])
    .filter((a) => !props.only || props.only.includes(a.id))
    .map((a) => ({ value: a.id, label: a.unitName ? `${a.name}（${a.unitName}）` : a.name }));
  return (
    <Select
      data-testid={props.testId}
      showSearch
      allowClear
      mode={props.multiple ? 'multiple' : undefined}
      filterOption={false}
      onSearch={setQ}
      loading={accounts.isFetching}
      options={options}
      value={props.value}
      onChange={(value) => props.onChange?.(value)}
      placeholder={props.placeholder}
      style={{ width: '100%' }}
    />
  );
}
