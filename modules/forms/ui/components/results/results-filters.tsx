import { useMemo, useState } from 'react';
import { Button, Flex, Input, InputNumber, Select, Tag, TreeSelect } from 'antd';
import { unitTreeData, useTenantSession, useUnits } from '../../../../../admin-ui/src/module-kit';
import type { ResultsQuery } from '../../api/forms.api';
import type { ResultField } from '../../../schemas/results.schema';
import { useT } from '../../i18n/forms-i18n';
import { describeFilter, fieldFilterEntries } from '../../results/field-filters';

interface ResultsFiltersProps {
  fields: ResultField[];
  query: ResultsQuery;
  onChange: (query: ResultsQuery) => void;
}

/** Search, unit, period and "field = value" / "field between" filters, as the results routes take them. */
export function ResultsFilters({ fields, query, onChange }: ResultsFiltersProps) {
  const t = useT();
  const { slug } = useTenantSession();
  const units = useUnits(slug);
  const treeData = useMemo(() => unitTreeData(units.data ?? []), [units.data]);
  const [q, setQ] = useState(query.q ?? '');
  const [fieldName, setFieldName] = useState<string>();
  const [value, setValue] = useState<string>();
  const [range, setRange] = useState<[number | null, number | null]>([null, null]);
  const field = fields.find((f) => f.name === fieldName);
  const set = (patch: ResultsQuery) => onChange({ ...query, ...patch });

  const addFilter = () => {
    if (!field) return;
    if (field.kind === 'number')
      set({
        [`filter[${field.name}][gte]`]: range[0] === null ? undefined : String(range[0]),
        [`filter[${field.name}][lte]`]: range[1] === null ? undefined : String(range[1]),
      });
    else if (value) set({ [`filter[${field.name}]`]: value });
    setValue(undefined);
    setRange([null, null]);
  };

  return (
    <Flex vertical gap={8} data-testid="results-filters">
      <Flex gap={8} wrap>
        <Input.Search
          aria-label={t('results.search')}
          placeholder={t('results.search')}
          value={q}
          allowClear
          onChange={(e) => setQ(e.target.value)}
          onSearch={(text) => set({ q: text.trim() || undefined })}
          style={{ maxWidth: 260 }}
        />
        <TreeSelect
          aria-label={t('results.unit')}
          placeholder={t('results.unit')}
          treeData={treeData}
          allowClear
          treeDefaultExpandAll
          value={query.unitId}
          onChange={(unitId: string | undefined) => set({ unitId })}
          style={{ minWidth: 180 }}
        />
        <Input
          aria-label={t('results.period')}
          placeholder={t('results.periodPlaceholder')}
          allowClear
          defaultValue={query.periodKey}
          onBlur={(e) => set({ periodKey: e.target.value.trim() || undefined })}
          style={{ maxWidth: 160 }}
        />
        <Select
          aria-label={t('results.status')}
          placeholder={t('results.status')}
          allowClear
          value={query.status}
          onChange={(status: string | undefined) => set({ status })}
          options={(['submitted', 'returned'] as const).map((s) => ({ value: s, label: t(`state.${s}`) }))}
          style={{ minWidth: 120 }}
        />
      </Flex>
      <Flex gap={8} wrap align="center">
        <Select
          aria-label={t('results.field')}
          data-testid="filter-field"
          placeholder={t('results.field')}
          value={fieldName}
          onChange={(name: string) => {
            setFieldName(name);
            setValue(undefined);
          }}
          options={fields
            .filter((f) => f.kind !== 'other' && f.kind !== 'group' && f.kind !== 'file')
            .map((f) => ({
              value: f.name,
              label: f.group ? `${fields.find((g) => g.name === f.group)?.title ?? f.group} · ${f.title}` : f.title,
            }))}
          style={{ minWidth: 160 }}
        />
        {field && field.kind === 'number' && (
          <>
            <InputNumber
              aria-label={t('results.from')}
              placeholder={t('results.from')}
              value={range[0]}
              onChange={(v) => setRange([v, range[1]])}
            />
            <InputNumber
              aria-label={t('results.to')}
              placeholder={t('results.to')}
              value={range[1]}
              onChange={(v) => setRange([range[0], v])}
            />
          </>
        )}
        {field && field.options.length > 0 && field.kind !== 'number' && (
          <Select
            aria-label={t('results.value')}
            data-testid="filter-value"
            placeholder={t('results.value')}
            value={value}
            onChange={setValue}
            options={field.options.map((o) => ({ value: o.value, label: o.label }))}
            style={{ minWidth: 140 }}
          />
        )}
        {field && field.options.length === 0 && field.kind !== 'number' && (
          <Input
            aria-label={t('results.value')}
            placeholder={t('results.value')}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            style={{ maxWidth: 200 }}
          />
        )}
        <Button onClick={addFilter} disabled={!field} data-testid="filter-add">
          {t('results.addFilter')}
        </Button>
        {fieldFilterEntries(query).map(([key, v]) => (
          <Tag key={key} closable onClose={() => set({ [key]: undefined })}>
            {describeFilter(key, v, fields, { gte: t('results.gte'), lte: t('results.lte') })}
          </Tag>
        ))}
      </Flex>
    </Flex>
  );
}
