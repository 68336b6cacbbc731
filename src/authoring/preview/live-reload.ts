/**
 * What the preview server adds to the review page: its bar (link to the PDF) and the live-reload script, the only
 * script allowed by the page's Content-Security-Policy (a per-run nonce).
 */

/** The server's own bar and live-reload script, added to the page (the session's content has no script). */
export function decorate(html: string, nonce: string, version: number): string {
  const bar =
    `<div id="minutier-apercu" data-version="${version}"><span>Aperçu en direct</span> <a href="/pdf" target="_blank" rel="noopener">PDF</a></div>` +
    '<style>#minutier-apercu{position:fixed;right:1rem;bottom:1rem;z-index:1000;background:#1f3a5f;color:#fff;' +
    'font:14px system-ui,sans-serif;padding:.4rem .8rem;border-radius:.4rem;box-shadow:0 2px 6px #0004}' +
    '#minutier-apercu a{color:#fff;font-weight:600;margin-left:.6rem}@media print{#minutier-apercu{display:none}}</style>' +
    `<script nonce="${nonce}">(()=>{if(window.__minutierLive)return;window.__minutierLive=1;` +
    'const events=new EventSource("/events");' +
    'events.addEventListener("reload",async()=>{' +
    'const response=await fetch("/",{cache:"no-store"});if(!response.ok)return;' +
    'const next=new DOMParser().parseFromString(await response.text(),"text/html");' +
    'const x=scrollX,y=scrollY;document.title=next.title;' +
    // The styles carry the inlined fonts (a few hundred kB): swapped only when they changed.
    'const css=(d)=>[...d.head.querySelectorAll("style")].map((s)=>s.textContent).join("");' +
    'if(css(next)!==css(document)){for(const s of document.head.querySelectorAll("style"))s.remove();' +
    'for(const s of next.head.querySelectorAll("style"))document.head.append(s);}' +
    'document.body.replaceWith(document.adoptNode(next.body));scrollTo(x,y);' +
    '});})();</script>';
  const at = html.lastIndexOf('</body>');
  return at < 0 ? `${html}${bar}` : `${html.slice(0, at)}${bar}${html.slice(at)}`;
}

/** The preview page's Content-Security-Policy: no script but the server's own (`nonce`). */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "img-src 'self' data:",
    'font-src data:',
    "style-src 'unsafe-inline'",
    `script-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
