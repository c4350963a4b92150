import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Flex, Input, Space, Tag, Typography } from 'antd';
import { useCountyTime, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { HouseholdView } from '../../schemas/household.schema';
import { useHouseholdTags, useUpdateHousehold } from '../api/buildings.api';
import { useT } from '../i18n/grid-events-i18n';
import { actionError } from './action-error';
import { tagColor } from './household-tags';
import { HouseholdVisits } from './household-visits';

// The API's rule for a tag: a short word, no spaces or markup.
const TAG_PATTERN = /^[^<>\s]{1,20}$/;
const MAX_TAGS = 10;

/**
 * One household of the floor model: its tags (the standard ones and the county's own, tapped on
 * and off; a new word added), notes, and when it was last visited and is next due. Those who may
 * not tag (viewers) see the same read-only.
 */
export function HouseholdDrawer({
  household,
  buildingName,
  canEdit,
  onClose,
}: {
  household: HouseholdView | null;
  buildingName: string;
  canEdit: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const { slug } = useTenantSession();
  const time = useCountyTime();
  const { message } = App.useApp();
  const known = useHouseholdTags(slug);
  const update = useUpdateHousehold(slug);
  // The parent keys the drawer by household: each opening starts from the household as stored.
  const [tags, setTags] = useState<string[]>(() => household?.tags ?? []);
  const [notes, setNotes] = useState(() => household?.notes ?? '');
  const [custom, setCustom] = useState('');

  const offered = [...new Set([...(known.data ?? []).map((k) => k.tag), ...tags])];
  const cadence = new Map((known.data ?? []).map((k) => [k.tag, k.cadenceDays]));
  const toggle = (tag: string, on: boolean) => setTags((current) => (on ? [...current, tag] : current.filter((x) => x !== tag)));
  const customValid = TAG_PATTERN.test(custom.trim());
  const addCustom = () => {
    const tag = custom.trim();
    if (!TAG_PATTERN.test(tag) || tags.includes(tag) || tags.length >= MAX_TAGS) return;
    setTags((current) => [...current, tag]);
    setCustom('');
  };
  const save = () => {
    if (!household) return;
    update.mutate(
      { id: household.id, changes: { tags, notes: notes.trim() } },
      {
        onSuccess: () => {
          message.success(t('buildings.householdSaved', { room: household.room }));
          onClose();
        },
        onError: (error) => message.error(actionError(t, error)),
      },
    );
  };

  return (
    <Drawer
      open={household !== null}
      onClose={onClose}
      // Never wider than a phone's screen.
      size={Math.min(480, window.innerWidth)}
      title={
        household ? `${buildingName} ${t('visits.room', { unit: household.unitNo, floor: household.floor, room: household.room })}` : ''
      }
      destroyOnHidden
      extra={
        canEdit && (
          <Button type="primary" loading={update.isPending} onClick={save} data-testid="household-save">
            {t('common.save')}
          </Button>
        )
      }
    >
      {household && (
        <Flex vertical gap={16} data-testid="household-drawer">
          <div>
            <Typography.Title level={5}>{t('buildings.tags')}</Typography.Title>
            <Flex wrap gap={8} data-testid="household-tags">
              {offered.map((tag) =>
                canEdit ? (
                  <Tag.CheckableTag
                    key={tag}
                    checked={tags.includes(tag)}
                    onChange={(on) => toggle(tag, on)}
                    data-testid={`household-tag-${tag}`}
                    style={{ border: `1px solid ${tags.includes(tag) ? 'transparent' : '#d9d9d9'}`, padding: '2px 10px' }}
                  >
                    {tag}
                    {(cadence.get(tag) ?? 0) > 0 && (
                      <Typography.Text type="secondary" style={{ fontSize: 11, color: 'inherit', opacity: 0.75 }}>
                        {' '}
                        {t('buildings.everyDays', { n: cadence.get(tag) ?? 0 })}
                      </Typography.Text>
                    )}
                  </Tag.CheckableTag>
                ) : tags.includes(tag) ? (
                  <Tag key={tag} color={tagColor(tag)}>
                    {tag}
                  </Tag>
                ) : null,
              )}
            </Flex>
            {canEdit && (
              <Space.Compact style={{ marginTop: 12, width: '100%' }}>
                <Input
                  value={custom}
                  onChange={(event) => setCustom(event.target.value)}
                  onPressEnter={addCustom}
                  maxLength={20}
                  placeholder={t('buildings.customTag')}
                  aria-label={t('buildings.customTag')}
                  status={custom && !customValid ? 'error' : undefined}
                  data-testid="household-custom-tag"
                />
                <Button onClick={addCustom} disabled={!customValid || tags.length >= MAX_TAGS}>
                  {t('buildings.addTag')}
                </Button>
              </Space.Compact>
            )}
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
              {t('buildings.tagsHelp')}
            </Typography.Paragraph>
          </div>
          <div>
            <Typography.Title level={5}>{t('buildings.notes')}</Typography.Title>
            <Input.TextArea
              value={notes}
              onChange={(event) => setNotes(event.target.value)}
              rows={3}
              maxLength={500}
              showCount
              readOnly={!canEdit}
              aria-label={t('buildings.notes')}
            />
          </div>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('buildings.lastVisit')}>
              {household.lastVisitedAt ? time(household.lastVisitedAt) : t('buildings.neverVisited')}
            </Descriptions.Item>
            <Descriptions.Item label={t('buildings.nextVisit')}>
              {household.visitDueAt ? (
                <Typography.Text type={household.overdue ? 'danger' : undefined}>{time(household.visitDueAt)}</Typography.Text>
              ) : (
                t('buildings.noRegularVisit')
              )}
            </Descriptions.Item>
          </Descriptions>
          <HouseholdVisits householdId={household.id} canRecord={canEdit} />
        </Flex>
      )}
    </Drawer>
  );
}
