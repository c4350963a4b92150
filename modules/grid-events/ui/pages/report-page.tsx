import { useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import { useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useAreas, useCategories, useReportEvent } from '../api/grid-events.api';
import { actionError } from '../components/action-error';
import { CategoryPicker } from '../components/category-picker';
import { PhotoUploads, type PickedPhoto } from '../components/photo-uploads';
import { PlacePicker, type PlaceValue } from '../components/place-picker';
import { useSignedInUpload } from '../components/signed-in-photos';
import { useT } from '../i18n/grid-events-i18n';
import { useMapSettings } from '../map/map-settings';

interface ReportValues {
  categoryId?: string;
  description?: string;
  photos?: PickedPhoto[];
  place?: PlaceValue;
  quick?: boolean;
  quickNote?: string;
}

/** Photos a report may carry (the API's limit; a county may allow fewer on the public page). */
const MAX_PHOTOS = 20;

/**
 * `/grid-events/report` (上报事件), phone-first: what (category, description, photos), where (the
 * device's position or a tap on the map, and the address), and "handled on the spot" (现场办结):
 * recorded and closed at once with a note.
 */
export default function ReportPage() {
  const t = useT();
  const { slug } = useTenantSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportValues>();
  const categories = useCategories(slug);
  const areas = useAreas(slug);
  const settings = useMapSettings();
  const upload = useSignedInUpload();
  const report = useReportEvent(slug);
  const quick = Form.useWatch('quick', form);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = (values: ReportValues) => {
    const place = values.place;
    if (!values.categoryId || !values.description || !place || place.lon === undefined || place.lat === undefined) return;
    setFailure(null);
    report.mutate(
      {
        categoryId: values.categoryId,
        description: values.description.trim(),
        location: { lon: place.lon, lat: place.lat, crs: place.crs ?? 'wgs84', address: place.address?.trim() ?? '' },
        photoIds: (values.photos ?? []).map((p) => p.file.id),
        ...(values.quick ? { quick: { note: values.quickNote?.trim() ?? '' } } : {}),
      },
      {
        onSuccess: (event) => {
          message.success(values.quick ? t('report.doneQuick', { code: event.code }) : t('report.done', { code: event.code }));
          void navigate(`/t/${slug}/grid-events/events/${event.id}`);
        },
        onError: (error) => setFailure(actionError(t, error)),
      },
    );
  };

  return (
    <div style={{ maxWidth: 640 }}>
      <Typography.Title level={3}>{t('report.title')}</Typography.Title>
      <Form<ReportValues> form={form} layout="vertical" onFinish={submit} data-testid="report-form">
        <Form.Item name="categoryId" label={t('report.category')} rules={[{ required: true, message: t('report.needCategory') }]}>
          <CategoryPicker categories={categories.data} loading={categories.isLoading} testId="report-category" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('report.description')}
          rules={[{ required: true, whitespace: true, message: t('report.needDescription') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('report.descriptionPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="photos"
          label={t('report.photos')}
          required
          rules={[
            {
              validator: (_, photos?: PickedPhoto[]) =>
                photos?.length ? Promise.resolve() : Promise.reject(new Error(t('report.needPhoto'))),
            },
          ]}
        >
          <PhotoUploads upload={upload} max={MAX_PHOTOS} testId="report-photos" />
        </Form.Item>
        <Form.Item
          name="place"
          label={t('report.place')}
          required
          extra={t('report.placeHelp')}
          rules={[
            {
              validator: (_, place?: PlaceValue) =>
                place?.lon !== undefined && place.lat !== undefined ? Promise.resolve() : Promise.reject(new Error(t('report.needPlace'))),
            },
          ]}
        >
          <PlacePicker testId="report-place" map={{ settings, areas: areas.data, ready: !areas.isLoading }} />
        </Form.Item>
        <Card size="small" style={{ marginBottom: 16 }}>
          <Form.Item name="quick" valuePropName="checked" style={{ marginBottom: quick ? 12 : 0 }} extra={t('report.quickHelp')}>
            <Checkbox data-testid="report-quick">{t('report.quick')}</Checkbox>
          </Form.Item>
          {quick && (
            <Form.Item
              name="quickNote"
              label={t('report.quickNote')}
              rules={[{ required: true, whitespace: true, message: t('report.needQuickNote') }]}
              style={{ marginBottom: 0 }}
            >
              <Input.TextArea rows={2} maxLength={1000} placeholder={t('report.quickNotePlaceholder')} />
            </Form.Item>
          )}
        </Card>
        {failure && (
          <Typography.Paragraph type="danger" data-testid="report-error">
            {failure}
          </Typography.Paragraph>
        )}
        <Button type="primary" htmlType="submit" size="large" block loading={report.isPending} data-testid="report-submit">
          {quick ? t('report.submitQuick') : t('report.submit')}
        </Button>
      </Form>
    </div>
  );
}
