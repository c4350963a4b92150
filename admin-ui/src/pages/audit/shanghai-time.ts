import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The platform shows times as a county official reads them: Beijing time, whatever the browser's zone. */
export const SHANGHAI = 'Asia/Shanghai';

export const formatShanghai = (iso: string) => dayjs(iso).tz(SHANGHAI).format('YYYY-MM-DD HH:mm:ss');

/** A picked wall-clock time read as Beijing time (the table shows Beijing time too), as an ISO instant. */
export const shanghaiWallTimeToIso = (picked: Dayjs) => dayjs.tz(picked.format('YYYY-MM-DDTHH:mm:ss'), SHANGHAI).toISOString();
