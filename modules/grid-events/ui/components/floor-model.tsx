import { useMemo } from 'react';
import { Card, Empty, Flex, Typography } from 'antd';
import type { HouseholdView } from '../../schemas/household.schema';
import { useT } from '../i18n/grid-events-i18n';
import { HouseholdTag } from './household-tags';

interface UnitFloors {
  unitNo: number;
  /** Top floor first, as the building stands. */
  floors: { floor: number; rooms: HouseholdView[] }[];
}

/** The households grouped by unit, then floor (top first), rooms in order. */
export function byUnitAndFloor(households: HouseholdView[]): UnitFloors[] {
  const units = new Map<number, Map<number, HouseholdView[]>>();
  for (const household of households) {
    const floors = units.get(household.unitNo) ?? new Map<number, HouseholdView[]>();
    units.set(household.unitNo, floors);
    floors.set(household.floor, [...(floors.get(household.floor) ?? []), household]);
  }
  return [...units.entries()]
    .sort(([a], [b]) => a - b)
    .map(([unitNo, floors]) => ({
      unitNo,
      floors: [...floors.entries()]
        .sort(([a], [b]) => b - a)
        .map(([floor, rooms]) => ({ floor, rooms: [...rooms].sort((x, y) => x.room.localeCompare(y.room, 'en', { numeric: true })) })),
    }));
}

/** One household as a cell: its room, its tags, a red edge when its visit is overdue. */
function HouseholdCell({ household, onOpen }: { household: HouseholdView; onOpen: (household: HouseholdView) => void }) {
  const t = useT();
  return (
    <button
      type="button"
      onClick={() => onOpen(household)}
      data-testid="household-cell"
      data-room={`${household.unitNo}-${household.room}`}
      aria-label={t('buildings.householdLabel', { unit: household.unitNo, room: household.room })}
      style={{
        width: 96,
        minHeight: 56,
        flex: 'none',
        textAlign: 'left',
        padding: 4,
        cursor: 'pointer',
        background: household.tags.length ? '#fff' : '#fafafa',
        border: `1px solid ${household.overdue ? '#ff4d4f' : '#d9d9d9'}`,
        borderRadius: 6,
      }}
    >
      <Typography.Text strong style={{ fontSize: 12 }}>
        {household.room}
      </Typography.Text>
      {household.overdue && (
        <Typography.Text type="danger" style={{ fontSize: 11, marginInlineStart: 4 }}>
          {t('buildings.overdueShort')}
        </Typography.Text>
      )}
      <div>
        {household.tags.map((tag) => (
          <HouseholdTag key={tag} tag={tag} compact />
        ))}
      </div>
    </button>
  );
}

/**
 * The floor model (楼栋平面): one card per unit (单元), floors from the top down, each floor's
 * households side by side. A unit wider than the screen scrolls inside its card, never the page.
 */
export function FloorModel({ households, onOpen }: { households: HouseholdView[]; onOpen: (household: HouseholdView) => void }) {
  const t = useT();
  const units = useMemo(() => byUnitAndFloor(households), [households]);
  if (units.length === 0) return <Empty description={t('buildings.noHouseholds')} />;
  return (
    // Units side by side where the screen is wide, one under another on a phone.
    <Flex wrap gap={12} align="flex-start" data-testid="floor-model">
      {units.map((unit) => (
        <Card
          key={unit.unitNo}
          size="small"
          title={t('buildings.unit', { n: unit.unitNo })}
          style={{ maxWidth: '100%' }}
          data-testid="floor-model-unit"
        >
          <div style={{ overflowX: 'auto' }}>
            <Flex vertical gap={6} style={{ width: 'max-content' }}>
              {unit.floors.map((floor) => (
                <Flex key={floor.floor} gap={6} align="stretch">
                  <Typography.Text type="secondary" style={{ width: 36, flex: 'none', alignSelf: 'center', fontSize: 12 }}>
                    {t('buildings.floor', { n: floor.floor })}
                  </Typography.Text>
                  {floor.rooms.map((household) => (
                    <HouseholdCell key={household.id} household={household} onOpen={onOpen} />
                  ))}
                </Flex>
              ))}
            </Flex>
          </div>
        </Card>
      ))}
    </Flex>
  );
}
