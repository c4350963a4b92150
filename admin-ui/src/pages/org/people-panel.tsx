import { useMemo, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Input, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePeople, type Person, type Unit } from '../../api/org.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { ErrorResult } from '../../components/error-result';
import { useIsPhone } from '../../layout/use-is-phone';
import { PeopleBulkBar, usePeopleBulkAvailable } from './people-bulk-bar';
import { PeopleCardList } from './people-card-list';
import { PeopleTable } from './people-table';
import { PersonDrawer, type PersonDrawerTarget } from './person-drawer';
import { useDebouncedValue } from '../../components/use-debounced-value';

/** The people of the selected unit (or of everything in scope), searchable, paged with "load more". */
export function PeoplePanel({ unit, canManage }: { unit: Unit | null; canManage: boolean }) {
  const { t } = useTranslation('org');
  const { slug } = useTenantSession();
  const isPhone = useIsPhone();
  const [search, setSearch] = useState('');
  const [includeSubunits, setIncludeSubunits] = useState(false);
  const [drawer, setDrawer] = useState<PersonDrawerTarget | null>(null);
  const q = useDebouncedValue(search.trim()).slice(0, 50);
  const people = usePeople(slug, { unitId: unit?.id, includeSubunits, q });
  const rows = useMemo(() => people.data?.pages.flatMap((page) => page.items) ?? [], [people.data]);
  const edit = (person: Person) => setDrawer({ person });
  const [selected, setSelected] = useState<Person[]>([]);
  const bulk = usePeopleBulkAvailable();

  let body;
  if (people.isError && rows.length === 0) body = <ErrorResult error={people.error} onRetry={() => void people.refetch()} />;
  else if (!people.isPending && rows.length === 0)
    body = <Empty description={q ? t('people.noMatch', { q }) : t('people.empty')} data-testid="people-empty" />;
  else {
    const View = isPhone ? PeopleCardList : PeopleTable;
    const selection = bulk && !isPhone ? { keys: selected.map((p) => p.id), onChange: setSelected } : undefined;
    body = (
      <View
        people={rows}
        loading={people.isPending || (people.isPlaceholderData && people.isFetching)}
        canManage={canManage}
        onEdit={edit}
        selection={selection}
      />
    );
  }

  return (
    <section aria-label={t('people.title')} data-testid="people-panel">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {unit ? t('people.ofUnit', { unit: unit.name }) : t('people.all')}
        </Typography.Title>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ unitId: unit?.id })}>
            {t('person.add')}
          </Button>
        )}
      </Flex>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder={t('people.searchPlaceholder')}
          style={{ maxWidth: isPhone ? undefined : 280 }}
          aria-label={t('people.search')}
        />
        <Flex align="center" gap={6}>
          <Switch size="small" checked={includeSubunits} onChange={setIncludeSubunits} disabled={!unit} id="include-subunits" />
          <label htmlFor="include-subunits">{t('people.includeSubunits')}</label>
        </Flex>
      </Flex>
      {selected.length > 0 && <PeopleBulkBar people={selected} onClear={() => setSelected([])} />}
      {body}
      {people.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => void people.fetchNextPage()} loading={people.isFetchingNextPage}>
            {t('people.loadMore')}
          </Button>
        </Flex>
      )}
      <PersonDrawer target={drawer} onClose={() => setDrawer(null)} />
    </section>
  );
}
