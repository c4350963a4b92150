import { useState } from 'react';
import { Button, Space } from 'antd';
import { useT } from '../i18n/grid-events-i18n';

/** Keyset paging: the server's cursors are opaque, so "previous" walks back the cursors seen. */
export function useCursors() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  return {
    cursor: cursors[cursors.length - 1],
    reset: () => setCursors([undefined]),
    next: (cursor: string) => setCursors((c) => [...c, cursor]),
    previous: () => setCursors((c) => c.slice(0, -1)),
    hasPrevious: cursors.length > 1,
  };
}

export function Pager({ paging, nextCursor }: { paging: ReturnType<typeof useCursors>; nextCursor: string | null | undefined }) {
  const t = useT();
  if (!paging.hasPrevious && !nextCursor) return null;
  return (
    <Space style={{ marginTop: 12 }}>
      <Button disabled={!paging.hasPrevious} onClick={paging.previous}>
        {t('common.previous')}
      </Button>
      <Button disabled={!nextCursor} onClick={() => nextCursor && paging.next(nextCursor)}>
        {t('common.next')}
      </Button>
    </Space>
  );
}
