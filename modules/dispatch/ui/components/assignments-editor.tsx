import { useMemo } from 'react';
import { Button, Card, DatePicker, Flex, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { countyWallTimeToIso, useDirectoryUnits, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useUnitPeople } from '../api/dispatch.api';
import type { AssignmentInput, AssignmentRole } from '../../schemas/common.schema';
import { useT } from '../i18n/dispatch-i18n';
import { UnitPicker } from './unit-picker';

/** One responsible unit being dispatched to, as the editor holds it. */
export interface AssignmentRow {
  unitId: string;
  role: AssignmentRole;
  personId?: string;
  deadline?: Dayjs | null;
}

export function toAssignmentInputs(rows: AssignmentRow[]): AssignmentInput[] {
  return rows.map((row) => ({
    unitId: row.unitId,
    role: row.role,
    ...(row.personId ? { personId: row.personId } : {}),
    ...(row.deadline ? { deadline: countyWallTimeToIso(row.deadline) } : {}),
  }));
}

function PersonSelect({
  unitId,
  value,
  onChange,
  label,
}: {
  unitId: string;
  value?: string;
  onChange: (id: string | undefined) => void;
  label: string;
}) {
  const { slug } = useTenantSession();
  const people = useUnitPeople(slug, unitId);
  return (
    <Select
      aria-label={label}
      placeholder={label}
      allowClear
      value={value}
      onChange={(id: string | undefined) => onChange(id)}
      loading={people.isLoading}
      options={(people.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.unitName}）` }))}
      style={{ minWidth: 160, flex: 1 }}
    />
  );
}

interface AssignmentsEditorProps {
  value?: AssignmentRow[];
  onChange?: (rows: AssignmentRow[]) => void;
  /** Only units strictly below this one (re-dispatch). */
  below?: string;
  /** Lead or co-organiser: for top-level dispatch; subtasks all lead their own part. */
  withRole?: boolean;
  testId: string;
}

/**
 * The responsible units of one dispatch action: pick many units at once from the tree, then per
 * unit its role (牵头/配合), an optional responsible person and an optional deadline of its own.
 */
export function AssignmentsEditor({ value = [], onChange, below, withRole = true, testId }: AssignmentsEditorProps) {
  const t = useT();
  const { slug } = useTenantSession();
  const units = useDirectoryUnits(slug);
  const names = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  const update = (unitId: string, patch: Partial<AssignmentRow>) =>
    onChange?.(value.map((row) => (row.unitId === unitId ? { ...row, ...patch } : row)));
  const pickUnits = (ids: string[]) => {
    const kept = value.filter((row) => ids.includes(row.unitId));
    // Each unit answers for its own part (34 towns each lead theirs): every unit starts as 牵头; make
    // the helpers 配合 one by one, or all at once below.
    const added = ids.filter((id) => !kept.some((row) => row.unitId === id)).map((unitId): AssignmentRow => ({ unitId, role: 'lead' }));
    onChange?.([...kept, ...added]);
  };

  return (
    <Flex vertical gap={8}>
      <UnitPicker<string[]>
        multiple
        value={value.map((row) => row.unitId)}
        onChange={pickUnits}
        below={below}
        testId={`${testId}-units`}
        placeholder={t('assignments.pickUnits')}
      />
      {value.length > 0 && (
        <Flex wrap gap={8} align="center">
          <Typography.Text type="secondary">{t('assignments.count', { n: value.length })}</Typography.Text>
          {withRole && value.length > 1 && (
            <>
              <Typography.Text type="secondary" data-testid={`${testId}-roles`}>
                {t('assignments.roleCounts', {
                  lead: value.filter((r) => r.role === 'lead').length,
                  co: value.filter((r) => r.role === 'co').length,
                })}
              </Typography.Text>
              <Button size="small" onClick={() => onChange?.(value.map((row) => ({ ...row, role: 'lead' })))}>
                {t('assignments.allLead')}
              </Button>
              <Button size="small" onClick={() => onChange?.(value.map((row, i) => ({ ...row, role: i === 0 ? 'lead' : 'co' })))}>
                {t('assignments.firstLeads')}
              </Button>
            </>
          )}
        </Flex>
      )}
      {value.map((row) => (
        <Card key={row.unitId} size="small" data-testid={`${testId}-row`} styles={{ body: { padding: 8 } }}>
          <Flex wrap gap={8} align="center">
            <Typography.Text strong style={{ minWidth: 90 }}>
              {names.get(row.unitId) ?? row.unitId}
            </Typography.Text>
            {withRole && (
              <Radio.Group
                size="small"
                optionType="button"
                value={row.role}
                onChange={(event) => update(row.unitId, { role: event.target.value as AssignmentRole })}
                options={[
                  { value: 'lead', label: t('role.lead') },
                  { value: 'co', label: t('role.co') },
                ]}
              />
            )}
            <PersonSelect
              unitId={row.unitId}
              value={row.personId}
              onChange={(personId) => update(row.unitId, { personId })}
              label={t('assignments.person')}
            />
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              value={row.deadline ?? null}
              onChange={(deadline) => update(row.unitId, { deadline })}
              placeholder={t('assignments.ownDeadline')}
              aria-label={t('assignments.ownDeadline')}
              style={{ minWidth: 170 }}
            />
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
