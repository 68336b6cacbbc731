import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { remarkTables } from '../../src/parse/remark-tables.js';
import { renderMarkdown } from '../../src/html/markdown.js';
import { sanitizeSchema } from '../../src/html/sanitize-schema.js';

const render = (markdown: string, minHeadingDepth?: number) =>
  renderMarkdown(unified().use(remarkParse).use(remarkTables).parse(markdown), {
    source: markdown,
    ...(minHeadingDepth ? { minHeadingDepth } : {}),
  });

describe('renderMarkdown', () => {
  it('removes annotations but keeps braces that are not annotations', () => {
    const { html } = render(
      'Total 564 614,75 €{#a = b + c}, 7,37{= t / n}, 3%{#taux} et 25 000{≈ e ± 10 %} ; {x} {{7*7}}',
    );
    expect(html).not.toMatch(/\{#|\{=|\{≈/);
    expect(html).toContain('{x} {{7*7}}');
    expect(html).toContain('3%');
  });

  it('removes HTML comments', () => {
    const { html } = render('Avant\n\n<!-- minutier-disable-next-line table-total-row -->\n\nAprès <!-- note --> fin');
    expect(html).not.toContain('<!--');
    expect(html).not.toContain('minutier-disable');
    expect(html).toContain('Après');
  });

  it('marks number cells, right-aligns the header of a column of numbers, drops an empty header row', () => {
    const { html } = render(
      '| Objet | Montant |\n|---|---|\n| A | 1 000,00 |\n| B | 2 500,50 € |\n\n| | |\n|---|---|\n| x | 3 |',
    );
    expect(html).toContain('<th class="num">Montant</th>');
    expect(html).toContain('<td class="num"><span class="num">1 000,00</span></td>');
    expect(html).toContain('<td>A</td>');
    expect(html.match(/<thead>/g)).toHaveLength(1);
  });

  it('keeps amounts in prose on one line', () => {
    const { html } = render('Estimé à 1 746 700€ HT en 2022.');
    expect(html).toContain('<span class="num">1 746 700€ HT</span>');
    expect(html).not.toContain('<span class="num">2022</span>');
  });

  it('brings headings under the fragment level', () => {
    expect(render('# Titre', 3).html).toBe('<h3>Titre</h3>');
  });

  it('keeps u, sup, sub, br and safe links; drops images, styles and unsafe links', () => {
    const { html, dropped } = render(
      '<u>a</u> m<sup>2</sup> H<sub>2</sub>O<br>[w](https://a.fr) [m](mailto:a@b.fr) [f](ftp://x) <img src="data:image/png;base64,AAAA"> <b style="color:red">b</b>',
    );
    expect(html).toContain('<u>a</u>');
    expect(html).toContain('<sup>2</sup>');
    expect(html).toContain('<sub>2</sub>');
    expect(html).toContain('<br>');
    expect(html).toContain('<a href="https://a.fr">w</a>');
    expect(html).toContain('<a href="mailto:a@b.fr">m</a>');
    expect(html).not.toContain('ftp:');
    expect(html).not.toContain('<img');
    expect(html).toContain('<b>b</b>');
    expect(dropped.map((item) => item.tagOrAttr)).toEqual(['href="ftp://x"', '<img>', 'style']);
  });

  it('documents its allow-list', () => {
    expect(sanitizeSchema.tagNames).not.toContain('img');
    expect(sanitizeSchema.tagNames).not.toContain('input');
    expect(sanitizeSchema.tagNames).toContain('u');
    expect(sanitizeSchema.protocols?.href).toEqual(['http', 'https', 'mailto']);
  });
});
