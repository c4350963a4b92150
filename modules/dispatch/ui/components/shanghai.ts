import dayjs, { type Dayjs } from 'dayjs';
import { SHANGHAI, shanghaiWallTimeToIso } from '../../../../admin-ui/src/pages/audit/shanghai-time';

/** The zone every time on the dispatch pages is shown in. */
export const SHANGHAI_ZONE = SHANGHAI;

/** A deadline or moment as county staff read it: Beijing time, whatever the phone's zone. */
export const shanghaiTime = (iso: string | null | undefined) => (iso ? dayjs(iso).tz(SHANGHAI).format('YYYY-MM-DD HH:mm') : '—');

/** A picked wall-clock time read as Beijing time, as an ISO instant. */
export const pickedToIso = (picked: Dayjs) => shanghaiWallTimeToIso(picked);

/** A fresh key per attempt (crypto.randomUUID needs a secure context; a LAN address over http is not one). */
export const newIdempotencyKey = () =>
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join('')}`;
