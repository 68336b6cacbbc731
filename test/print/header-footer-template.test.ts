import { describe, expect, it } from 'vitest';
import { pageFooter, runningHeader } from './header-footer-template.js';

describe('header and footer templates', () => {
  it('use Chromium’s page number classes and an explicit font size', () => {
    const footer = pageFooter();
    expect(footer).toContain('page <span class="pageNumber"></span> / <span class="totalPages"></span>');
    expect(footer).toMatch(/font-size:8pt/);
    expect(pageFooter({ label: 'Page', style: { fontSize: '9pt' } })).toMatch(/font-size:9pt.*>Page <span/);
  });

  it('escape their text and load nothing', () => {
    const header = runningHeader('Séance du 28 juin <script>alert(1)</script>', 'A & B "quoted"');
    expect(header).toContain('Séance du 28 juin &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(header).toContain('A &amp; B &quot;quoted&quot;');
    expect(header).not.toMatch(/<script|url\(|src=|href=/);
  });
});
