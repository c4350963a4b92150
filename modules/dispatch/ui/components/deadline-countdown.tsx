import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../i18n/dispatch-i18n';
import { countdown } from './countdown';

/** "还剩 5 分钟" / "已超期 2 小时", refreshed every minute so an open page does not go stale. */
export function DeadlineCountdown({ deadline }: { deadline: string }) {
  const t = useT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const c = countdown(deadline, now);
  return (
    <Typography.Text type={c.tone === 'secondary' ? 'secondary' : c.tone} data-testid="deadline-countdown">
      {t(c.key, { n: c.n })}
    </Typography.Text>
  );
}
