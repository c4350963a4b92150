import { Typography } from 'antd';

/**
 * A notice's body as the server stored it. The server cleaned it on the way in (no script, no
 * event attribute, no javascript: link: modules/announcements/server/sanitize-body.ts), so it is
 * shown as HTML; the app's CSP forbids inline script besides.
 */
export function NoticeBody({ html }: { html: string }) {
  return (
    <Typography>
      <div className="announcement-body" style={{ overflowWrap: 'anywhere' }} dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
