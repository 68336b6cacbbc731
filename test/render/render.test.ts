import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { VFile } from 'vfile';
import type { Session } from '../../src/model/types.js';
import { parseSession } from '../../src/parse/parse-session.js';
import {
  indexHeading,
  renderExtrait,
  renderIndex,
  renderListeDeliberations,
  renderSessionHtml,
} from '../../src/render/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const samplePath = 'sessions/2022-06-28-comite-syndical.md';
const sampleSource = readFileSync(path.join(root, samplePath), 'utf8');
const reference = readFileSync('/work/shared/reference/pv-comite-syndical-2022-06-28.md', 'utf8');

async function parse(source: string, filePath = samplePath): Promise<Session> {
  const file = new VFile({ path: filePath, value: source, cwd: root });
  const session = await parseSession(file);
  if (!session) throw new Error(`parse failed: ${file.messages.map(String).join('\n')}`);
  return session;
}

/** The text a reader sees: tags removed, entities decoded, every kind of space folded into one. */
function visibleText(html: string): string {
  return html
    .replace(/^[\s\S]*?<body[^>]*>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

let session: Session;
let html: string;

beforeAll(async () => {
  session = await parse(sampleSource);
  html = renderSessionHtml(session).html;
});

describe('the procès-verbal of the sample', () => {
  it('is a standalone French HTML5 document', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="fr">');
    expect(html).toMatch(
      /<title>Procès-verbal — Comité syndical du syndicat mixte Somme Numérique — séance du 28 juin 2022<\/title>/,
    );
    expect(html).toContain("font-family: 'Source Serif 4'");
    expect(html).toContain('src: url(data:font/woff2;base64,');
  });

  it('carries only the fonts its text needs: a French PV, Source Serif 4 alone', () => {
    // print.css's comments hold box-drawing characters (U+2500): they print nothing and must not pull DejaVu Sans in.
    const families = new Set([...html.matchAll(/font-family: '([^']+)';\s*font-style/gu)].map((match) => match[1]));
    expect([...families]).toEqual(['Source Serif 4']);
    expect(html.length).toBeLessThan(400_000);
  });

  it('carries the latin-ext faces only when a character needs them (œ is drawn by latin)', async () => {
    const faces = (text: string) => [...text.matchAll(/url\(data:font\/woff2;base64,/gu)].length;
    // The sample's « maîtrise d'œuvre »: œ is in both unicode-ranges, and latin, declared last, draws it.
    expect(html).toContain('œ');
    expect(faces(html)).toBe(4);
    expect(html).not.toContain('unicode-range: U+0100-02BA');
    const polish = await parse(sampleSource.replace('Le Président propose', 'M. Łukasz Wałęsa propose'));
    const withExt = renderSessionHtml(polish).html;
    expect(faces(withExt)).toBe(8);
    expect(withExt).toContain('unicode-range: U+0100-02BA');
  });

  it('opens with the sentence of the reference PV, word for word', () => {
    const text = visibleText(html);
    const opening = fold(reference.split('\n').find((line) => line.startsWith('L’an'))!);
    expect(text).toContain(opening);
    expect(text).toContain(
      'La séance est présidée par M. PARSIS Laurent, conformément à l’arrêté du 24 juin 2022 portant délégation pour présider le comité syndical de Somme numérique.',
    );
    expect(text).toMatch(/^Somme Numérique Procès-verbal – COMITÉ SYNDICAL L’an deux mille vingt-deux/);
  });

  it('writes the formalities, the composition and the quorum as the reference PV', () => {
    const text = visibleText(html);
    for (const sentence of [
      'Composition du Comité syndical et répartition des voix (article 7 des statuts) :',
      'Le Département de la Somme désigne 6 délégués qui disposent chacun de 6 voix',
      'Amiens Métropole désigne 6 délégués qui disposent chacun de 6 voix',
      'Les EPCI de moins de 30 000 habitants désignent 2 délégués qui disposent chacun d’une voix',
      'Les EPCI de 30 000 à 50 000 habitants désignent 3 délégués qui disposent chacun d’une voix',
      'Les EPCI de plus de 50 000 habitants désignent 4 délégués.',
      'Les statuts ne prévoient pas la désignation de suppléant.',
      'Tenant compte de ces éléments, nous comptabilisons 104 voix pour la totalité des délégués.',
      '« le Comité syndical ne délibère valablement que lorsque la majorité de ses délégués en exercice, sont présents ou représentés » (cf. article 13 du règlement intérieur). Pour cette séance, le comité syndical est constitué de 13 élus présents et 12 délégués représentés, soit un total de 64 voix.',
      'Pouvoirs (aucun membre ne peut disposer de plus d’un pouvoir de vote) : ils sont listés dans les tableaux ci-dessous.',
      'Désignation du secrétaire de séance du jour : Mme Margaux DELETRE',
      'Approbation du procès-verbal de la séance du 26 avril 2022',
      'La séance est levée à 19h00',
    ]) {
      expect(text).toContain(sentence);
    }
  });

  it('follows the order of the reference PV', () => {
    const text = visibleText(html);
    const milestones = [
      'L’an deux mille vingt-deux',
      'La séance est présidée',
      'Ouverture de la séance',
      'Composition du Comité syndical',
      'Tenant compte de ces éléments',
      'Constat du quorum :',
      'Désignation du secrétaire de séance du jour',
      'PARSIS LAURENT',
      'Présents en téléconférence',
      'Excusés',
      "Dans le cadre d'une vidéo diffusée",
      'Délibérations',
      '1. Compte de gestion 2021',
      '14. Adhésion au groupement de commandes ENT',
      'La séance est levée à 19h00',
      'Le Président de séance',
    ];
    let from = 0;
    for (const milestone of milestones) {
      const at = text.indexOf(milestone, from);
      expect(at, milestone).toBeGreaterThanOrEqual(from);
      from = at + milestone.length;
    }
  });

  it('titles every deliberation with an <h2>, in order', () => {
    const titles = [...html.matchAll(/<h2 id="([^"]+)"><span class="number">(\d+)\.<\/span> ([^<]+)<\/h2>/g)];
    expect(titles.map((match) => Number(match[2]))).toEqual(session.deliberations.map((d) => d.number.value));
    expect(titles).toHaveLength(14);
    expect(titles[0]![3]).toBe('Compte de gestion 2021');
    expect(titles[0]![1]).toBe('compte-de-gestion-2021');
    const referenceTitles = reference
      .split('\n')
      .filter((line) => /^\d+\. \S/.test(line) && !line.startsWith('1. 400') && !line.startsWith('2. 1 300'));
    expect(titles.map((match) => `${match[2]}. ${visibleText(match[3]!)}`)).toEqual(referenceTitles.map(fold));
  });

  it('prints the attendance tables with header cells, the stated voices and computed totals', () => {
    expect(html).toContain(
      '<th scope="col">Présents</th><th scope="col">Pouvoirs</th><th scope="col" class="num">Voix</th>',
    );
    expect(html).toContain('<th scope="col">Présents en téléconférence</th>');
    expect(html).toMatch(/<th scope="col">Excusés<\/th>/);
    expect(html).toContain('<thead>');
    const text = visibleText(html);
    expect(text).toContain('3 PENAUD Guy ROY Mathilde 12');
    expect(text).toContain('8 DEFrance Hervé DEBEUGNY François 1');
    expect(text).toContain('6 DESCHAMPS -DERCHEU Thierry');
    expect(text).toContain('Total 5 présents 5 pouvoirs 40');
    expect(text).toContain('Total 8 présents 7 pouvoirs 24');
    expect(text).toContain('Total 33 excusés');
  });

  it('shows each vote apart, as typed', () => {
    expect(html.match(/<p class="vote-result">Adoptée à l(?:'|&#x27;)unanimité<\/p>/g)).toHaveLength(14);
  });

  it('hides annotations and comments, keeps amounts on one line', () => {
    const body = html.slice(html.indexOf('<body'));
    expect(body).not.toMatch(/\{#|\{=|\{<=|\{>=|\{≈/);
    expect(body).not.toContain('<!--');
    expect(body).not.toContain('Le PV compte déjà FOURNIER');
    expect(body).toContain('<span class="num">564 614,75 €</span>');
    expect(body).toContain('<span class="num">1 746 700€ HT</span>');
    expect(body).toMatch(/<td class="num">(?:<span class="num">)?1 146 800,00 €/);
    expect(body).toContain('<td class="num">7,37</td>');
  });

  it('requests nothing from outside: no http, no file:, only data: URLs', () => {
    const withoutData = html.replace(/url\(data:[^)]*\)/g, '');
    expect(withoutData).not.toMatch(/https?:|file:|\/\/[a-z]/i);
    expect(withoutData).not.toMatch(/<(?:img|script|link|iframe)\b/i);
  });

  it('is reproducible: same session, same bytes', async () => {
    const again = renderSessionHtml(await parse(sampleSource)).html;
    expect(again).toBe(html);
  });

  it('writes its running header and page footer as CSS @page margin boxes, not Chromium templates', () => {
    const pv = renderSessionHtml(session);
    expect(pv.html).toContain('@top-left { content: "Somme Numérique — Comité syndical — 28 juin 2022"; }');
    expect(pv.html).toContain('@bottom-right { content: "page " counter(page) " / " counter(pages); }');
    expect(pv.headerTemplate).toBe('');
    expect(pv.footerTemplate).toBe('');
    expect(pv.title).toContain('28 juin 2022');
    expect(pv.subject).toBe('Procès-verbal de la séance du 28 juin 2022');
    expect(pv.dropped).toEqual([]);
  });
});

describe('a hostile session body', () => {
  const hostile = [
    '### 15. Point piégé {{7*7}}',
    '',
    'Texte {{7*7}} et {{{x}}} et <script>alert("x")</script> fin.',
    '',
    '<img src="http://example.com/x.png" onerror="alert(1)">',
    '',
    '<iframe src="https://evil.example"></iframe>',
    '',
    '[cliquer](javascript:alert(1)) <a href="https://example.org" onclick="steal()">lien</a> <span style="position:fixed">s</span>',
    '',
    '<p onmouseover="alert(2)">survol</p>',
    '',
    "Adoptée à l'unanimité",
    '',
  ].join('\n');

  let rendered: ReturnType<typeof renderSessionHtml>;
  let hostileSession: Session;

  beforeAll(async () => {
    const source = sampleSource.replace('La séance est levée à 19h00', `${hostile}\nLa séance est levée à 19h00`);
    hostileSession = await parse(source);
    rendered = renderSessionHtml(hostileSession);
  });

  it('is neutralised', () => {
    const body = rendered.html.slice(rendered.html.indexOf('<body'));
    expect(body).not.toMatch(/<script|<iframe|<img|onerror|onclick|onmouseover|javascript:|style="/i);
    expect(body).not.toContain('alert(');
    expect(body).toContain('<a href="https://example.org">lien</a>');
  });

  it('prints template syntax as typed: session content is never compiled', () => {
    const text = visibleText(rendered.html);
    expect(text).toContain('Texte {{7*7}} et {{{x}}} et fin.');
    expect(text).toContain('15. Point piégé {{7*7}}');
    expect(text).not.toMatch(/piégé 49|Texte 49/);
  });

  it('reports what the sanitizer dropped, with positions', () => {
    const dropped = rendered.dropped.map((item) => item.tagOrAttr);
    expect(dropped).toEqual(
      expect.arrayContaining([
        '<script>',
        '<img>',
        '<iframe>',
        'href="javascript:alert(1)"',
        'onclick',
        'style',
        'onmouseover',
      ]),
    );
    const line = sampleSource.slice(0, sampleSource.indexOf('La séance est levée')).split('\n').length;
    for (const item of rendered.dropped) expect(item.position?.start.line).toBeGreaterThanOrEqual(line);
  });

  it('is neutralised in the extract too', () => {
    const deliberation = hostileSession.deliberations.at(-1)!;
    const extrait = renderExtrait(hostileSession, deliberation);
    expect(extrait.html).not.toMatch(/<script|onerror|javascript:/i);
    expect(extrait.dropped.length).toBeGreaterThan(0);
  });
});

describe('the liste des délibérations', () => {
  it('lists every deliberation with its vote, the attendance and the publication mention', () => {
    const liste = renderListeDeliberations(session);
    const text = visibleText(liste.html);
    expect(liste.title).toBe(
      'Liste des délibérations examinées par le Comité syndical lors de sa séance du 28 juin 2022',
    );
    expect(text).toContain(
      'Liste des délibérations examinées par le Comité syndical lors de sa séance du 28 juin 2022',
    );
    expect(text).toContain('N° Objet Résultat du vote');
    expect(text).toContain("1 Compte de gestion 2021 Adoptée à l'unanimité");
    expect(text).toContain('14 Adhésion au groupement de commandes ENT sur le territoire régional des Hauts de France');
    expect(text).toContain('Présents : 13');
    expect(text).toContain('Représentés : 12');
    expect(text).toContain('L2121-25');
    expect(liste.html).toContain('<html lang="fr">');
  });
});

describe('the extrait du registre', () => {
  it('certifies one deliberation with the attendance figures', () => {
    const deliberation = session.deliberations[2]!;
    const extrait = renderExtrait(session, deliberation, { signedAt: { date: '2022-07-01' } });
    const text = visibleText(extrait.html);
    expect(text).toContain(
      'Extrait du registre des délibérations du Comité syndical du syndicat mixte Somme Numérique',
    );
    expect(text).toContain('Séance du 28 juin 2022');
    expect(text).toContain('Date de convocation : 30 mai 2022');
    expect(text).toContain('Présents : 13');
    expect(text).toContain('Votants : 25');
    expect(text).toContain('Voix : 64');
    expect(text).toContain('Secrétaire de séance : Mme Margaux DELETRE');
    expect(text).toContain('Délibération n° 3');
    expect(text).toContain('3. Affectation du résultat 2021');
    expect(text).toContain('564 614,75 €');
    expect(text).not.toContain('{#');
    expect(text).toContain('Pour extrait certifié conforme.');
    expect(text).toContain('Fait à Amiens, le 1er juillet 2022');
    expect(text).toContain('Le Président de séance M. PARSIS Laurent');
    expect(text).not.toContain('Compte de gestion 2021');
  });
});

describe('the index', () => {
  it('links every session to its documents with the given relative hrefs', () => {
    const index = renderIndex([
      {
        heading: indexHeading(session),
        pv: { html: '2022-06-28-comite-syndical/pv.html', pdf: '2022-06-28-comite-syndical/pv.pdf' },
        liste: { html: '2022-06-28-comite-syndical/liste.html' },
        extraits: [{ number: 1, title: 'Compte de gestion 2021', html: '2022-06-28-comite-syndical/extrait-1.html' }],
      },
    ]);
    expect(index.html).toContain('<a href="2022-06-28-comite-syndical/pv.html">Procès-verbal</a>');
    expect(index.html).toContain('<a href="2022-06-28-comite-syndical/pv.pdf">PDF</a>');
    expect(index.html).toContain('<a href="2022-06-28-comite-syndical/extrait-1.html">');
    expect(visibleText(index.html)).toContain('Somme Numérique — Comité syndical — 28 juin 2022');
  });
});

describe('an organisation’s own templates', () => {
  it('replace the defaults file by file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'minutier-templates-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(
      path.join(dir, 'signatures.hbs'),
      '<p class="signatures">Signé : {{#each signers}}{{name}} {{/each}}</p>\n',
    );
    const pv = renderSessionHtml(session, { templatesDir: dir });
    expect(pv.html).toContain('<p class="signatures">Signé : M. PARSIS Laurent Mme Margaux DELETRE </p>');
    expect(pv.html).toContain('<p class="closing">La séance est levée à 19h00</p>');
    expect(pv.html).toContain('<h2 class="part" id="deliberations">Délibérations</h2>');
  });
});
