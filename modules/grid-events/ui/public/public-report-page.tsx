import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { BankOutlined, CheckCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Progress, Result, Select, Typography } from 'antd';
import { isApiError, usePublicTenant } from '../../../../admin-ui/src/module-kit';
import { sendPublicReport, uploadPublicPhoto, usePublicBuilding, usePublicCategories, usePublicSettings } from '../api/public.api';
import { actionError } from '../components/action-error';
import { CategoryPicker } from '../components/category-picker';
import { PhotoUploads, type PickedPhoto } from '../components/photo-uploads';
import { PlacePicker, type PlaceValue } from '../components/place-picker';
import { useT } from '../i18n/grid-events-i18n';
import type { MapSettings } from '../map/map-settings';
import { HumanCheckUnavailable, useHumanCheck } from './human-check';

interface Values {
  categoryId?: string;
  description?: string;
  photos?: PickedPhoto[];
  place?: PlaceValue;
  unit?: number;
  phone?: string;
  name?: string;
}

/** Photos a citizen's report may carry until the county's settings say (the API's limit). */
const MAX_PHOTOS = 9;
const MOBILE = /^1\d{10}$/;
/** A building's QR token as printed codes carry it (20 characters of Crockford base32). */
const BUILDING_TOKEN = /^[0-9A-HJKMNP-TV-Z]{20}$/;

/** The building and unit a scanned code put in the address (`?building=<token>&unit=<n>`); nonsense is ignored. */
function scannedOf(params: URLSearchParams): { token?: string; unit?: number } {
  const token = params.get('building')?.trim().toUpperCase();
  const unit = Number(params.get('unit'));
  return {
    token: token && BUILDING_TOKEN.test(token) ? token : undefined,
    unit: Number.isInteger(unit) && unit >= 1 && unit <= 50 ? unit : undefined,
  };
}

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
 * A building's QR code opens it with the building and unit filled in (the report then needs no
 * position: it goes to the building's grid). When the phone will not tell its position, the
 * county's map (its tiles, framed on its extent) opens to tap the place on.
 */
export default function PublicReportPage() {
  const t = useT();
  const { slug } = usePublicTenant();
  const [form] = Form.useForm<Values>();
  const categories = usePublicCategories(slug);
  const settings = usePublicSettings(slug);
  const [params] = useSearchParams();
  const scanned = scannedOf(params);
  const building = usePublicBuilding(slug, scanned.token);
  const atBuilding = building.data ? scanned.token : undefined;
  const maxPhotos = settings.data?.maxPhotos ?? MAX_PHOTOS;
  const map = settings.data && {
    settings: { tileUrl: settings.data.tileUrl, bounds: settings.data.extent as MapSettings['bounds'] },
    areas: [],
    ready: true,
  };
  const upload = usePublicUpload(slug);
  const check = useHumanCheck(slug);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);

  const submit = async (values: Values) => {
    const place = values.place;
    const location =
      place?.lon !== undefined && place.lat !== undefined
        ? { lon: place.lon, lat: place.lat, crs: place.crs ?? 'wgs84', address: place.address?.trim() ?? '' }
        : undefined;
    if (!values.categoryId || !values.description || !values.phone || (!location && !atBuilding)) return;
    setFailure(null);
    setSending(true);
    try {
      const humanCheck = await check.solve();
      const reported = await sendPublicReport(slug, {
        categoryId: values.categoryId,
        description: values.description.trim(),
        ...(location ? { location } : {}),
        ...(atBuilding ? { buildingToken: atBuilding, ...(values.unit ? { buildingUnit: values.unit } : {}) } : {}),
        photoIds: (values.photos ?? []).map((p) => p.file.id),
        phone: values.phone.trim(),
        name: values.name?.trim() ?? '',
        humanCheck,
      });
      setCode(reported.code);
      form.resetFields();
      // Another report from the same door keeps the unit the code named.
      form.setFieldValue('unit', scanned.unit);
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
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ unit: scanned.unit }}
          onFinish={(v) => void submit(v)}
          data-testid="public-report-form"
          disabled={sending}
        >
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
            <PhotoUploads upload={upload} max={maxPhotos} testId="public-photos" />
          </Form.Item>
          {building.data ? (
            <Card size="small" style={{ marginBottom: 16, background: '#f6ffed', borderColor: '#b7eb8f' }} data-testid="public-building">
              <Flex vertical gap={8}>
                <Typography.Text strong>
                  <BankOutlined /> {building.data.name}
                </Typography.Text>
                {building.data.address && <Typography.Text type="secondary">{building.data.address}</Typography.Text>}
                <Form.Item name="unit" label={t('public.buildingUnit')} style={{ marginBottom: 0 }}>
                  <Select
                    allowClear
                    placeholder={t('public.buildingUnitAny')}
                    options={Array.from({ length: building.data.unitCount }, (_, i) => ({
                      value: i + 1,
                      label: t('buildings.unit', { n: i + 1 }),
                    }))}
                    data-testid="public-building-unit"
                  />
                </Form.Item>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('public.buildingHelp')}
                </Typography.Text>
              </Flex>
            </Card>
          ) : (
            <>
              {building.isError && (
                <Alert
                  type="warning"
                  showIcon
                  title={t('public.buildingUnknown')}
                  style={{ marginBottom: 12 }}
                  data-testid="public-building-unknown"
                />
              )}
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
                <PlacePicker testId="public-place" map={map || undefined} mapOnDemand />
              </Form.Item>
            </>
          )}
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
