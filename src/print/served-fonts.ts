/**
 * The fonts of a document given to the printing page from memory instead of inline. minutier's documents carry their
 * fonts as `data:` URLs in `@font-face` rules (the HTML written beside a PDF is read offline, self-contained). Given
 * inline, Chromium receives them with every document and decodes them again for each one: about 100 KB of base64 in a
 * 1–2 page extrait that weighs 127 KB. The page prints instead a copy whose `@font-face` rules name each font by the
 * hash of its bytes under a reserved origin (`.invalid` never resolves, RFC 2606); the request interceptor answers
 * those requests from this store, and Chromium's memory cache keeps the decoded fonts from one document to the next.
 * The PDF is the same, byte for byte (test/print/served-fonts.test.ts); the document's own HTML and its fingerprint
 * (the PDF's `/ID`) are left as they are. docs/performance.md, « Round 10 ».
 */
import { createHash } from 'node:crypto';

/** Where the printing page asks for a font: only the request interceptor answers (src/print/request-policy.ts). */
export const FONT_ORIGIN = 'https://fonts.minutier.invalid';

/** The answer to the page's request for a served font (Puppeteer's `request.respond`). */
export function fontResponse(bytes: Uint8Array) {
  return {
    status: 200,
    contentType: 'font/woff2',
    // Fonts are fetched in CORS mode; immutable: the URL names the bytes (their hash).
    headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=31536000, immutable' },
    body: bytes,
  };
}

const DATA_FONT = 'data:font/woff2;base64,';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/u;
const SERVED_PATH = /^\/([0-9a-f]{32})\.woff2$/u;

/** The fonts handed out by one printer, by the name their URL gives them. */
export class FontStore {
  readonly #fonts = new Map<string, Uint8Array>();
  /** The name of each font already seen, by its base64 text: the same text is not hashed for every document. */
  readonly #names = new Map<string, string>();

  /**
   * `html` with every woff2 font of its `<style>` elements named by a URL of FONT_ORIGIN, each font kept here to be
   * served; the HTML itself when it has none.
   */
  serve(html: string): string {
    if (!html.includes(DATA_FONT)) return html;
    // Only the text of `<style>` elements is rewritten: a document's visible text never is, whatever it says. Found
    // with indexOf and regular expressions that match only the tags: the four fonts' base64 is most of a document, and
    // one expression spanning it cost 2.2 ms a document, against 0.2.
    const opening = /<style\b[^>]*>/giu;
    const closing = /<\/style/giu;
    let out = '';
    let done = 0;
    for (let tag = opening.exec(html); tag; tag = opening.exec(html)) {
      const start = tag.index + tag[0].length;
      closing.lastIndex = start;
      const end = closing.exec(html)?.index ?? html.length;
      out += html.slice(done, start) + this.#named(html.slice(start, end));
      done = end;
      opening.lastIndex = end;
    }
    return out + html.slice(done);
  }

  /** The CSS with each `url(data:font/woff2;base64,…)`, quoted or not, replaced by its URL. */
  #named(css: string): string {
    let out = '';
    let done = 0;
    for (let at = css.indexOf(DATA_FONT); at >= 0; at = css.indexOf(DATA_FONT, at + DATA_FONT.length)) {
      const quote = css[at - 1] === '"' || css[at - 1] === "'" ? css[at - 1]! : '';
      const urlStart = at - quote.length - 'url('.length;
      if (css.slice(urlStart, urlStart + 4) !== 'url(') continue;
      const end = css.indexOf(`${quote})`, at);
      const name = end < 0 ? undefined : this.#name(css.slice(at + DATA_FONT.length, end));
      if (name === undefined) continue;
      out += `${css.slice(done, urlStart)}url(${quote}${FONT_ORIGIN}/${name}.woff2${quote})`;
      done = end + quote.length + 1;
    }
    return out + css.slice(done);
  }

  /** The bytes of the font a URL names, if this store handed it out. */
  lookup(url: string): Uint8Array | undefined {
    if (!url.startsWith(`${FONT_ORIGIN}/`)) return undefined;
    const name = SERVED_PATH.exec(url.slice(FONT_ORIGIN.length))?.[1];
    return name === undefined ? undefined : this.#fonts.get(name);
  }

  /** The name of a font by its base64 text; undefined when the text is not base64 (it is then left as it is). */
  #name(base64: string): string | undefined {
    let name = this.#names.get(base64);
    if (name === undefined) {
      if (!BASE64.test(base64)) return undefined;
      const bytes = Buffer.from(base64, 'base64');
      name = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
      this.#fonts.set(name, bytes);
      this.#names.set(base64, name);
    }
    return name;
  }
}
