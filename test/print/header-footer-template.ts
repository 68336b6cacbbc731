/**
 * Test fixture (not used by minutier itself, whose documents use CSS @page margin boxes, or an organisation's own
 * header.hbs/footer.hbs): builds Chromium header/footer templates to exercise the printer's template path.
 *
 * Chromium renders `headerTemplate`/`footerTemplate` in a separate, script-less document: the page's stylesheets
 * and web fonts do not apply, text without an explicit font-size comes out at size 0, and nothing external loads.
 * These helpers build self-contained templates with inline styles only.
 */

export interface TemplateStyle {
  /** CSS font-size, explicit (default `8pt`). */
  fontSize?: string;
  /** CSS font-family available on the system (web fonts of the page are not available here). Default `serif`. */
  fontFamily?: string;
  /** CSS color (default `#444`). */
  color?: string;
  /** Horizontal padding so the template lines up with the page's side margins (default `20mm`). */
  sidePadding?: string;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Only characters that cannot break out of a double-quoted style attribute value. */
function cssValue(value: string): string {
  return value.replace(/["<>;{}\\]/g, '');
}

function containerStyle(style: TemplateStyle, textAlign: 'center' | 'left'): string {
  const fontSize = cssValue(style.fontSize ?? '8pt');
  const fontFamily = cssValue(style.fontFamily ?? 'serif').replace(/'/g, '');
  const color = cssValue(style.color ?? '#444');
  const padding = cssValue(style.sidePadding ?? '20mm');
  return [
    'box-sizing:border-box',
    'width:100%',
    `padding:0 ${padding}`,
    'margin:0',
    `font-size:${fontSize}`,
    `font-family:${fontFamily}`,
    `color:${color}`,
    'line-height:1.2',
    `text-align:${textAlign}`,
    '-webkit-print-color-adjust:exact',
  ].join(';');
}

/**
 * Footer "page X / N" (Chromium fills `pageNumber` and `totalPages`). `label` is the word before the number
 * (default `page`), escaped as text.
 */
export function pageFooter(options: { label?: string; style?: TemplateStyle } = {}): string {
  const label = escapeHtml(options.label ?? 'page');
  return (
    `<div style="${containerStyle(options.style ?? {}, 'center')}">` +
    `${label} <span class="pageNumber"></span> / <span class="totalPages"></span>` +
    `</div>`
  );
}

/** Running header: `left` flush left, `right` flush right, both plain text (escaped). */
export function runningHeader(left: string, right: string, style: TemplateStyle = {}): string {
  const cell = 'display:table-cell;vertical-align:bottom;white-space:nowrap;overflow:hidden;text-overflow:ellipsis';
  return (
    `<div style="${containerStyle(style, 'left')}">` +
    `<div style="display:table;width:100%;table-layout:fixed">` +
    `<span style="${cell};text-align:left">${escapeHtml(left)}</span>` +
    `<span style="${cell};text-align:right">${escapeHtml(right)}</span>` +
    `</div></div>`
  );
}
