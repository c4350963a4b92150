import { create } from 'qrcode';

/** What one printed code says: the URL it carries, the building's name and a line under it. */
export interface QrLabel {
  url: string;
  title: string;
  caption: string;
}

export type QrLang = 'zh-CN' | 'en';

/** The words printed under a code, in the language asked (residents read zh-CN). */
export const QR_WORDS: Record<QrLang, { scan: string; unit: (n: number) => string }> = {
  'zh-CN': { scan: '扫码反映问题', unit: (n) => `${n}单元` },
  en: { scan: 'Scan to report a problem', unit: (n) => `Unit ${n}` },
};

/**
 * The address a building's code opens: the county's public report page with the building's token
 * (and the unit, for a code at a unit's door). The origin is the county's configured public
 * address, else the one the request came to.
 */
export function reportUrl(origin: string, tenantSlug: string, token: string, unit?: number): string {
  const query = new URLSearchParams({ building: token });
  if (unit) query.set('unit', String(unit));
  return `${origin}/public/t/${tenantSlug}/grid-events/report?${query.toString()}`;
}

const QUIET_ZONE = 4;

/**
 * The code's dark modules as one SVG path in module units (quiet zone included: the size is the
 * symbol plus four modules each side), runs of a row drawn as one rectangle. Level M corrects
 * 15 %: a sticker outdoors survives some wear.
 */
function qrPath(text: string): { size: number; d: string } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h${start - col}z`);
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, d: parts.join('') };
}

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);

/** Names longer than a label's width are cut with an ellipsis (a CJK character is about twice a Latin one). */
function fit(text: string, width: number): string {
  let used = 0;
  let out = '';
  for (const char of text) {
    used += /[\u0000-\u00ff]/.test(char) ? 1 : 2;
    if (used > width) return `${out}…`;
    out += char;
  }
  return out;
}

/** One code at (x, y), `size` millimetres wide, with its title and caption centred below it. */
function labelAt(label: QrLabel, x: number, y: number, size: number): string {
  const { size: modules, d } = qrPath(label.url);
  const scale = size / modules;
  const centre = x + size / 2;
  return [
    // The address in words too: a reader (or a test) sees what the code opens without decoding it.
    `<g><desc>${escapeXml(label.url)}</desc>`,
    `<rect x="${x}" y="${y}" width="${size}" height="${size}" fill="#fff"/>`,
    `<path transform="translate(${x} ${y}) scale(${scale.toFixed(5)})" d="${d}" fill="#000" shape-rendering="crispEdges"/>`,
    `<text x="${centre}" y="${y + size + 5}" font-size="4.2" text-anchor="middle" font-weight="bold">${escapeXml(fit(label.title, 30))}</text>`,
    `<text x="${centre}" y="${y + size + 10.5}" font-size="3.4" text-anchor="middle">${escapeXml(fit(label.caption, 36))}</text></g>`,
  ].join('');
}

const svgOpen = (width: number, height: number) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}mm" height="${height}mm" viewBox="0 0 ${width} ${height}" font-family="'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif">`;

/** One building's (or unit's) code: 80 × 96 mm, ready to print as a sticker. */
export function singleQrSvg(label: QrLabel): string {
  return `${svgOpen(80, 96)}<rect width="80" height="96" fill="#fff"/>${labelAt(label, 8, 6, 64)}</svg>`;
}

/** A4 portrait: 3 × 4 codes, each in a dashed cell to cut along (QR_SHEET_PAGE_SIZE in the route's schema says 12). */
export const SHEET = { columns: 3, rows: 4, width: 210, height: 297 } as const;

/** One A4 page of codes (at most columns × rows of them), with cut lines. */
export function qrSheetSvg(labels: QrLabel[]): string {
  const margin = 10;
  const cellWidth = (SHEET.width - 2 * margin) / SHEET.columns;
  const cellHeight = (SHEET.height - 2 * margin) / SHEET.rows;
  const size = 48;
  const cells = labels.slice(0, SHEET.columns * SHEET.rows).map((label, i) => {
    const cx = margin + (i % SHEET.columns) * cellWidth;
    const cy = margin + Math.floor(i / SHEET.columns) * cellHeight;
    const cut = `<rect x="${cx.toFixed(2)}" y="${cy.toFixed(2)}" width="${cellWidth.toFixed(2)}" height="${cellHeight.toFixed(2)}" fill="none" stroke="#bbb" stroke-width="0.2" stroke-dasharray="2 2"/>`;
    return cut + labelAt(label, Number((cx + (cellWidth - size) / 2).toFixed(2)), Number((cy + 6).toFixed(2)), size);
  });
  return `${svgOpen(SHEET.width, SHEET.height)}<rect width="${SHEET.width}" height="${SHEET.height}" fill="#fff"/>${cells.join('')}</svg>`;
}
