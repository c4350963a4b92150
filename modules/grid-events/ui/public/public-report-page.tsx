import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { CheckCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Progress, Result, Typography } from 'antd';
import { isApiError, usePublicTenant } from '../../../../admin-ui/src/module-kit';
import { sendPublicReport, uploadPublicPhoto, usePublicCategories } from '../api/public.api';
import { actionError } from '../components/action-error';
import { CategoryPicker } from '../components/category-picker';
import { PhotoUploads, type PickedPhoto } from '../components/photo-uploads';
import { PlacePicker, type PlaceValue } from '../components/place-picker';
import { useT } from '../i18n/grid-events-i18n';
import { HumanCheckUnavailable, useHumanCheck } from './human-check';

interface Values {
  categoryId?: string;
  description?: string;
  photos?: PickedPhoto[];
  place?: PlaceValue;
  phone?: string;
  name?: string;
}

/** Photos a citizen's report may carry (the API's limit; the county's config may set fewer, and the server says so). */
const MAX_PHOTOS = 9;
const MOBILE = /^1\d{10}$/;

/** Uploads through the public route; the page shows the picked file itself (the upload is not readable back). */
function usePublicUpload(slug: string) {
  const urls = useRef<string[]>([]);
  useEffect(
    () => () => {
      for (const url of urls.current) URL.revokeObjectURL(url);
    },
    [],
  );
  return useCallback(
    async (file: File): Promise<PickedPhoto> => {
      const stored = await uploadPublicPhoto(slug, file);
      const src = URL.createObjectURL(file);
      urls.current.push(src);
      return { file: stored, src };
    },
    [slug],
  );
}

/** The tracking code, large, with the way to follow it. */
function Reported({ slug, code, onAnother }: { slug: string; code: string; onAnother: () => void }) {
  const t = useT();
  const track = `/public/t/${encodeURIComponent(slug)}/grid-events/track/${code}`;
  return (
    <Result
      icon={<CheckCircleFilled style={{ color: '#52c41a' }} />}
      title={t('public.reported')}
      subTitle={t('public.keepCode')}
      extra={
        <Flex vertical align="center" gap={16}>
          <Typography.Text
            copyable={{ text: code }}
            style={{ fontSize: 32, fontFamily: 'monospace', letterSpacing: 4, fontWeight: 600 }}
            data-testid="tracking-code"
          >
            {code}
          </Typography.Text>
          <Link to={track} data-testid="track-link">
            <Button type="primary" size="large">
              {t('public.follow')}
            </Button>
          </Link>
          <Button onClick={onAnother}>{t('public.another')}</Button>
        </Flex>
      }
    />
  );
}

/**
 * `/public/t/:tenant/grid-events/report`: a citizen reports without an account — what (category,
 * words, photos), where (the phone's position and the address), a mobile number to be called back
 * on — then a human check the browser solves by itself, and the tracking code to follow it by.
 * The form starts empty: a building's QR code will fill in the building and unit here once the
 * API takes them.
 */
export default function PublicReportPage() {
  const t = useT();
  const { slug } = usePublicTenant();
  const [form] = Form.useForm<Values>();
  const categories = usePublicCategories(slug);
  const upload = usePublicUpload(slug);
  const check = useHumanCheck(slug);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);

  const submit = async (values: Values) => {
    const place = values.place;
    if (!values.categoryId || !values.description || !values.phone || place?.lon === undefined || place.lat === undefined) return;
    setFailure(null);
    setSending(true);
    try {
      const humanCheck = await check.solve();
      const reported = await sendPublicReport(slug, {
        categoryId: values.categoryId,
        description: values.description.trim(),
        location: { lon: place.lon, lat: place.lat, crs: place.crs ?? 'wgs84', address: place.address?.trim() ?? '' },
        photoIds: (values.photos ?? []).map((p) => p.file.id),
        phone: values.phone.trim(),
        name: values.name?.trim() ?? '',
        humanCheck,
      });
      setCode(reported.code);
      form.resetFields();
      window.scrollTo({ top: 0 });
    } catch (error) {
      setFailure(error instanceof HumanCheckUnavailable ? t('public.checkUnavailable') : actionError(t, error));
    } finally {
      setSending(false);
    }
  };

  if (code) return <Reported slug={slug} code={code} onAnother={() => setCode(null)} />;

  return (
    <Card variant="borderless" style={{ marginTop: 4 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('public.reportTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('public.reportIntro')}</Typography.Paragraph>
      {categories.error ? (
        // 404: the county has not opened grid events (or this address names no county).
        <Alert
          type={isApiError(categories.error) && categories.error.status === 404 ? 'warning' : 'error'}
          showIcon
          title={
            isApiError(categories.error) && categories.error.status === 404 ? t('public.unavailable') : actionError(t, categories.error)
          }
          data-testid="public-report-unavailable"
        />
      ) : (
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="public-report-form" disabled={sending}>
          <Form.Item name="categoryId" label={t('report.category')} rules={[{ required: true, message: t('report.needCategory') }]}>
            <CategoryPicker categories={categories.data} loading={categories.isLoading} testId="public-category" />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('report.description')}
            rules={[{ required: true, whitespace: true, message: t('report.needDescription') }]}
          >
            <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t('public.descriptionPlaceholder')} />
          </Form.Item>
          <Form.Item name="photos" label={t('public.photos')}>
            <PhotoUploads upload={upload} max={MAX_PHOTOS} testId="public-photos" />
          </Form.Item>
          <Form.Item
            name="place"
            label={t('report.place')}
            required
            extra={t('public.placeHelp')}
            rules={[
              {
                validator: (_, place?: PlaceValue) =>
                  place?.lon !== undefined && place.lat !== undefined
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('public.needPlace'))),
              },
            ]}
          >
            <PlacePicker testId="public-place" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('public.phone')}
            extra={t('public.phoneHelp')}
            rules={[
              { required: true, message: t('public.needPhone') },
              { pattern: MOBILE, message: t('public.phonePattern') },
            ]}
          >
            <Input inputMode="tel" maxLength={11} autoComplete="tel" />
          </Form.Item>
          <Form.Item name="name" label={t('public.name')} rules={[{ pattern: /^[^<>]*$/, message: t('categories.noBrackets') }]}>
            <Input maxLength={40} autoComplete="name" />
          </Form.Item>
          {check.progress !== null && (
            <Flex vertical gap={4} data-testid="human-check-progress" style={{ marginBottom: 12 }}>
              <Typography.Text type="secondary">
                <SafetyCertificateOutlined /> {t('public.checking')}
              </Typography.Text>
              <Progress percent={check.progress} status="active" size="small" />
            </Flex>
          )}
          {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="public-report-error" />}
          <Button type="primary" htmlType="submit" size="large" block loading={sending} data-testid="public-report-submit">
            {sending && check.progress === null ? t('public.sending') : t('public.submit')}
          </Button>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
            {t('public.privacy')}
          </Typography.Paragraph>
        </Form>
      )}
      <Typography.Paragraph style={{ textAlign: 'center', marginTop: 8 }}>
        <Link to={`/public/t/${encodeURIComponent(slug)}/grid-events/track`}>{t('public.haveCode')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
