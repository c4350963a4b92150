import sanitizeHtml from 'sanitize-html';

/**
 * What a notice body may hold once stored: structure and emphasis, links, tables — what a county
 * office writes in a 通知 — and nothing that runs. Readers' pages render the stored HTML as is, so
 * this is the one line of defence against stored XSS (the CSP's `script-src 'self'` is the second):
 * no script, style, iframe, form, image or event attribute survives; links keep http(s), mailto
 * and tel addresses only (a `javascript:` or `data:` href is dropped) and open in a new tab
 * without access to the opener.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h1',
    'h2',
    'h3',
    'h4',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'hr',
    'code',
    'pre',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'target', 'rel'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer' }),
  },
};

/** The body as it will be stored and shown: only what OPTIONS allows. */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}
