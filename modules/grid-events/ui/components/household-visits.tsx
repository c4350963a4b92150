import { useState } from 'react';
import { App, Button, Empty, Flex, Input, List, Typography } from 'antd';
import { fileUrl, useCountyTime, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useHouseholdVisits, useRecordVisit } from '../api/buildings.api';
import { useT } from '../i18n/grid-events-i18n';
import { actionError } from './action-error';
import { PhotoStrip } from './photo-strip';
import { PhotoUploads, type PickedPhoto } from './photo-uploads';
import { useSignedInUpload } from './signed-in-photos';

/** Photos a visit may carry (the API's limit). */
const MAX_VISIT_PHOTOS = 9;

/**
 * A household's visits (入户走访): the latest few, and — for those who visit — a visit recorded on
 * the spot with a note and photos; the next visit then falls due one cadence later.
 */
export function HouseholdVisits({ householdId, canRecord }: { householdId: string; canRecord: boolean }) {
  const t = useT();
  const { slug } = useTenantSession();
  const time = useCountyTime();
  const { message } = App.useApp();
  const visits = useHouseholdVisits(slug, householdId);
  const record = useRecordVisit(slug);
  const upload = useSignedInUpload();
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);

  const submit = () =>
    record.mutate(
      { id: householdId, body: { note: note.trim(), photoIds: photos.map((p) => p.file.id) } },
      {
        onSuccess: () => {
          message.success(t('buildings.visitRecorded'));
          setNote('');
          setPhotos([]);
        },
        onError: (error) => message.error(actionError(t, error)),
      },
    );

  return (
    <Flex vertical gap={8} data-testid="household-visits">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('buildings.visits')}
      </Typography.Title>
      {canRecord && (
        <Flex vertical gap={8}>
          <Input.TextArea
            value={note}
            onChange={(event) => setNote(event.target.value.replace(/[<>]/g, ''))}
            rows={2}
            maxLength={1000}
            placeholder={t('buildings.visitNote')}
            aria-label={t('buildings.visitNote')}
            data-testid="visit-note"
          />
          <PhotoUploads value={photos} onChange={setPhotos} upload={upload} max={MAX_VISIT_PHOTOS} testId="visit-photos" />
          <Button onClick={submit} loading={record.isPending} disabled={!note.trim() && photos.length === 0} data-testid="visit-record">
            {t('buildings.recordVisit')}
          </Button>
        </Flex>
      )}
      <List
        size="small"
        loading={visits.isLoading}
        dataSource={visits.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('buildings.noVisits')} /> }}
        renderItem={(visit) => (
          <List.Item data-testid="visit-item">
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Typography.Text type="secondary">
                {time(visit.visitedAt)} · {visit.visitorName}
              </Typography.Text>
              {visit.note && <Typography.Text>{visit.note}</Typography.Text>}
              <PhotoStrip photos={visit.photos} src={(id) => fileUrl(slug, id)} size={56} />
            </Flex>
          </List.Item>
        )}
      />
    </Flex>
  );
}
