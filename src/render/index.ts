/**
 * The rendered documents of a session, as standalone HTML (fonts and CSS inlined, no external request):
 * the procès-verbal, the liste des délibérations (L2121-25), one extrait du registre per deliberation, and the index
 * of every session. Each comes with its title, subject and the running header/footer templates Chromium prints.
 *
 * Reproducible: nothing depends on the clock or the machine; the same session gives the same bytes.
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { Decimal } from 'decimal.js';
import { attendanceAt, nameOf, votersAt, type ItemAttendance } from '../model/attendance.js';
import type { Deliberation, PersonRef, Session, Vote } from '../model/types.js';
import { fontFaces, headerFontFaces } from './assets.js';
import { formatDate, formatDateLong, formatNumber, agree, NBSP } from '../model/french.js';
import type { DroppedItem } from './markdown.js';
import { renderDeliberationBody, renderSessionBody } from './body.js';
import {
  collegeSentence,
  compositionHeading,
  formalities,
  instanceName,
  openingSentence,
  presidencySentence,
  proxiesStatement,
  quorumStatement,
  quorumStated,
  proxiesStated,
  secretaryStatement,
  sessionFigures,
  substitutesSentence,
  totalVoicesSentence,
  townOf,
  withArticle,
  ofOrganisation,
} from './sentences.js';
import { loadTemplates, type TemplateSet } from './templates.js';
import { vocabularyOf } from '../model/vocabulary.js';

export type { DroppedItem } from './markdown.js';
export { renderMarkdown } from './markdown.js';
export { renderDeliberationBody, renderSessionBody } from './body.js';
export { loadTemplates, clearTemplateCache } from './templates.js';

/** A standalone HTML document and what the PDF printer needs with it. */
export interface RenderedDocument {
  html: string;
  /** What the sanitizer removed from the session body (hostile or unsupported HTML), with positions in the file. */
  dropped: DroppedItem[];
  /** PDF metadata: title. */
  title: string;
  /** PDF metadata: subject. */
  subject: string;
  /** Chromium `headerTemplate` (inline styles, 8 pt). */
  headerTemplate: string;
  /** Chromium `footerTemplate`: "page X / N". */
  footerTemplate: string;
}

export interface RenderOptions {
  /** A templates folder to use instead of the organisation's (`organisation.templates`) and the defaults. */
  templatesDir?: string;
  /** "Fait à …, le …" under the signatures: the town (default: the town of the session's place) and ISO date. */
  signedAt?: { town?: string; date?: string };
}

// ─── Shared pieces ─────────────────────────────────────────────────────────────────────────────────────────────

/** True when `folder` is `root` or inside it (both absolute). */
function isInside(root: string, folder: string): boolean {
  const relative = path.relative(root, folder);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The organisation's templates folder (relative to its file), or the explicit option, or the defaults.
 * Templates are compiled code: besides the parser's refusal, a folder is only used when it lies inside the
 * repository of the organisation file (the folder that holds `organisations/`), and never for an inline organisation.
 */
function templatesFor(session: Session, options: RenderOptions = {}): TemplateSet {
  if (options.templatesDir) return loadTemplates(options.templatesDir);
  const custom = session.organisation.templates;
  if (!custom) return loadTemplates();
  if (!session.organisation.file) {
    throw new Error('Une séance ne choisit pas ses gabarits : « templates » n\'est permis que dans organisations/<id>.yml.');
  }
  const organisationsDir = path.dirname(path.resolve(session.organisation.file));
  const root = path.dirname(organisationsDir);
  const folder = path.resolve(organisationsDir, custom);
  const real = (target: string) => (existsSync(target) ? realpathSync(target) : target);
  if (!isInside(root, folder) || !isInside(real(root), real(folder))) {
    throw new Error(`Dossier de gabarits refusé : « ${custom} » sort du dépôt de ${session.organisation.file}.`);
  }
  return loadTemplates(folder);
}

function organisationName(session: Session): string {
  return session.organisation.name.value.trim();
}

function runningTitle(session: Session): string {
  return `${organisationName(session)} — ${instanceName(session)} — ${formatDate(session.date.value)}`;
}

/** The running header (left and right) and the footer's left part of a printed document; the footer's right is "page X / N". */
interface Running {
  left: string;
  right: string;
  footerLeft: string;
}

/** A CSS string literal that cannot close the string, the rule or the `<style>` element it is written in. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>&\n\r\f]/g, (char) => `\\${char.codePointAt(0)!.toString(16)} `)}"`;
}

/**
 * The running header and footer as CSS `@page` margin boxes (their look is in print.css): Chromium draws them with the
 * page's own fonts, counts `page X / N` itself, and prints them without a second document per page.
 * Empty when the templates folder brings its own `header.hbs` or `footer.hbs`: those are Chromium header and footer
 * templates, printed the older way (see headerFooter).
 */
function runningCss(templates: TemplateSet, running: Running | undefined): string {
  if (!running || legacyHeaderFooter(templates)) return '';
  return [
    '@page {',
    `  @top-left { content: ${cssString(running.left)}; }`,
    `  @top-right { content: ${cssString(running.right)}; }`,
    `  @bottom-left { content: ${cssString(running.footerLeft)}; }`,
    '  @bottom-right { content: "page " counter(page) " / " counter(pages); }',
    '}',
  ].join('\n');
}

function legacyHeaderFooter(templates: TemplateSet): boolean {
  return templates.overridden.has('header') || templates.overridden.has('footer');
}

/** Chromium header and footer templates, only for a templates folder with its own header.hbs or footer.hbs. */
function headerFooter(templates: TemplateSet, running: Running) {
  if (!legacyHeaderFooter(templates)) return { headerTemplate: '', footerTemplate: '' };
  const { left, right, footerLeft } = running;
  return {
    headerTemplate: `<style>${headerFontFaces()}</style>${templates.render('header', { left, right }).trim()}`,
    footerTemplate: `<style>${headerFontFaces()}</style>${templates.render('footer', { left: footerLeft }).trim()}`,
  };
}

function page(
  templates: TemplateSet,
  name: 'pv' | 'liste' | 'extrait' | 'index',
  data: Record<string, unknown>,
  running?: Running,
): string {
  const css = `${templates.css}\n${runningCss(templates, running)}`;
  // The fonts depend on the characters of the document: rendered first with a marker, then replaced.
  const marker = '/* minutier:font-faces */';
  const html = templates.render(name, { ...data, css, fontFaces: marker });
  const at = html.indexOf(marker);
  return at < 0 ? html : html.slice(0, at) + fontFaces(html) + html.slice(at + marker.length);
}

function names(people: PersonRef[]): string {
  const list = people.map((person) => person.name.trim());
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} et ${list.at(-1)}` : (list[0] ?? '—');
}

function signaturesView(session: Session, options: RenderOptions, presidentOnly = false) {
  const signers: Array<{ role: string; name: string }> = [];
  if (session.president) signers.push({ role: 'Le Président de séance', name: session.president.name.trim() });
  if (!presidentOnly) {
    for (const secretary of session.secretaries) signers.push({ role: 'Le secrétaire de séance', name: secretary.name.trim() });
  }
  let doneAt: string | undefined;
  if (options.signedAt) {
    const town = options.signedAt.town ?? (session.place ? townOf(session.place.value) : undefined);
    const date = options.signedAt.date ? formatDate(options.signedAt.date) : undefined;
    doneAt = `Fait${town ? ` à ${town}` : ''}${date ? `, le ${date}` : ''}.`;
  }
  return { signers, ...(doneAt ? { doneAt } : {}) };
}

// ─── Deliberations ─────────────────────────────────────────────────────────────────────────────────────────────

/** One deliberation as the templates see it: its whole slice of the body, rendered in order (src/render/body.ts). */
function deliberationView(session: Session, deliberation: Deliberation, dropped: DroppedItem[]) {
  const body = renderDeliberationBody(session, deliberation);
  dropped.push(...body.dropped);
  return {
    number: deliberation.label,
    numberText: deliberation.prefix.trimEnd(),
    title: deliberation.title.value,
    slug: deliberation.slug,
    html: body.html,
  };
}

// ─── Attendance ────────────────────────────────────────────────────────────────────────────────────────────────

function attendanceTable(rows: Session['attendance']['room'], heading: string) {
  let voices = new Decimal(0);
  let anyVoices = false;
  let proxies = 0;
  const viewRows = rows.map((row, index) => {
    if (row.voices) {
      voices = voices.plus(row.voices.value);
      anyVoices = true;
    }
    proxies += row.proxies.length;
    return {
      index: index + 1,
      name: row.person.name.trim(),
      proxies: row.proxies.map((proxy) => proxy.name.trim()),
      voices: row.voices ? formatNumber(row.voices.value, row.voices.decimals) : '',
      ...(row.substituteFor ? { substituteFor: row.substituteFor.name.trim() } : {}),
    };
  });
  return {
    heading,
    rows: viewRows,
    total: {
      members: `${formatNumber(rows.length)}${NBSP}${agree(rows.length, 'présent')}`,
      proxies: `${formatNumber(proxies)}${NBSP}${agree(proxies, 'pouvoir')}`,
      voices: anyVoices ? formatNumber(voices) : '',
    },
  };
}

/** A numbered list of names in two column pairs when it is long, as the reference PV prints the excused members. */
function namesList(people: PersonRef[], heading: string, singular: string) {
  const entries = people.map((person, index) => ({ index: index + 1, name: person.name.trim() }));
  const columns = entries.length > 12 ? 2 : 1;
  const perColumn = Math.ceil(entries.length / columns);
  const rows: Array<Array<{ index: number | string; name: string }>> = [];
  for (let row = 0; row < perColumn; row++) {
    const cells = [];
    for (let column = 0; column < columns; column++) {
      cells.push(entries[column * perColumn + row] ?? { index: '', name: '' });
    }
    rows.push(cells);
  }
  return {
    heading,
    columns: Array.from({ length: columns }, (_, k) => k),
    rows,
    totalSpan: columns * 2 - 1,
    total: `${formatNumber(entries.length)}${NBSP}${agree(entries.length, singular)}`,
  };
}

function attendanceView(session: Session) {
  const { room, remote, excused, absent } = session.attendance;
  const tables = [];
  if (room.length > 0 || remote.length === 0) tables.push(attendanceTable(room, 'Présents'));
  if (remote.length > 0) tables.push(attendanceTable(remote, 'Présents en téléconférence'));
  const lists = [];
  if (excused.length > 0) lists.push(namesList(excused, 'Excusés', 'excusé'));
  if (absent.length > 0) lists.push(namesList(absent, 'Absents', 'absent'));
  return { tables, lists };
}

// ─── The procès-verbal ─────────────────────────────────────────────────────────────────────────────────────────

/** Renders the procès-verbal of a session as a standalone HTML document. */
export function renderSessionHtml(session: Session, options: RenderOptions = {}): RenderedDocument {
  const templates = templatesFor(session, options);
  const body = renderSessionBody(session);
  const dropped: DroppedItem[] = [...body.dropped];
  const instance = instanceName(session);
  const date = formatDate(session.date.value);
  const title = `Procès-verbal — ${instance} ${ofOrganisation(session.organisation)} — séance du ${date}`;

  const running: Running = { left: runningTitle(session), right: 'Procès-verbal', footerLeft: `Procès-verbal — séance du ${date}` };
  const html = page(templates, 'pv', {
    title,
    bodyClass: 'pv',
    organisationName: organisationName(session),
    documentTitle: `Procès-verbal – ${instance.toLocaleUpperCase('fr')}`,
    openingSentence: openingSentence(session),
    presidencySentence: presidencySentence(session),
    formalities: formalities(session),
    compositionHeading: compositionHeading(session),
    colleges: session.organisation.colleges.map(collegeSentence),
    substitutesSentence: substitutesSentence(session.organisation),
    totalVoicesSentence: totalVoicesSentence(session.organisation),
    quorumStatement: quorumStated(session) ? quorumStatement(session) : undefined,
    proxiesStatement: proxiesStated(session) ? proxiesStatement(session) : undefined,
    secretary: secretaryStatement(session),
    statements: statements(session),
    attendance: attendanceView(session),
    bodyHtml: body.html,
    signatures: signaturesView(session, options),
  }, running);
  return {
    html,
    dropped,
    title,
    subject: `Procès-verbal de la séance du ${date}`,
    ...headerFooter(templates, running),
  };
}

/** The numbered statements after the composition: quorum, proxies, secretary — each only when the PV states it. */
function statements(session: Session): Array<{ lead: string; text: string; colon: boolean }> {
  const list: Array<{ lead: string; text: string; colon: boolean }> = [];
  if (quorumStated(session)) list.push({ lead: 'Constat du quorum', text: quorumStatement(session), colon: true });
  if (proxiesStated(session)) list.push({ lead: 'Pouvoirs', text: proxiesStatement(session), colon: false });
  const secretary = secretaryStatement(session);
  if (secretary) list.push({ lead: secretary.lead, text: secretary.names, colon: true });
  return list;
}

// ─── Liste des délibérations ───────────────────────────────────────────────────────────────────────────────────

function figuresList(session: Session, withInOffice: boolean) {
  const figures = sessionFigures(session);
  const list: Array<{ label: string; value: string }> = [];
  if (withInOffice && figures.inOffice) list.push({ label: vocabularyOf(session.organisation).inOfficeLabel, value: formatNumber(figures.inOffice) });
  list.push({ label: 'Présents', value: formatNumber(figures.present) });
  list.push({ label: 'Représentés', value: formatNumber(figures.represented) });
  list.push({ label: 'Votants', value: formatNumber(figures.voters) });
  if (figures.voices) list.push({ label: 'Voix', value: formatNumber(figures.voices) });
  return list;
}

/**
 * The figures of one deliberation: the session's as the PV states them, adjusted by what differs at that item —
 * members who arrived, left or withdrew, and for the compte administratif the ordonnateur and the proxy he gave or
 * holds (L2121-14), which are not counted. Undefined when nothing differs from the opening.
 */
function itemFigures(
  session: Session,
  deliberation: Deliberation,
): { figures: Array<{ label: string; value: string }>; note?: string } | undefined {
  const opening = attendanceAt(session, undefined);
  const item = attendanceAt(session, deliberation.number.value, deliberation);
  const presentOf = (at: ItemAttendance) => at.sitting.length;
  const representedOf = (at: ItemAttendance) => at.sitting.reduce((sum, sitting) => sum + sitting.proxies.length, 0);
  const presentDelta = presentOf(opening) - presentOf(item);
  const representedDelta = representedOf(opening) - representedOf(item);
  const voicesDelta = votersAt(session, opening).count - votersAt(session, item).count;
  if (presentDelta === 0 && representedDelta === 0 && voicesDelta === 0 && item.excluded.length === 0) return undefined;
  const figures = sessionFigures(session);
  const present = figures.present.minus(presentDelta);
  const represented = figures.represented.minus(representedDelta);
  const list: Array<{ label: string; value: string }> = [];
  if (figures.inOffice) list.push({ label: vocabularyOf(session.organisation).inOfficeLabel, value: formatNumber(figures.inOffice) });
  list.push({ label: 'Présents', value: formatNumber(present) });
  list.push({ label: 'Représentés', value: formatNumber(represented) });
  list.push({ label: 'Votants', value: formatNumber(present.plus(represented)) });
  if (figures.voices) list.push({ label: 'Voix', value: formatNumber(figures.voices.minus(voicesDelta)) });
  const withdrawn = [...item.excluded, ...item.withdrawn.map((sitting) => `${nameOf(session, sitting.person)} se retire`)];
  return withdrawn.length > 0 ? { figures: list, note: withdrawn.join(' ; ') } : { figures: list };
}

function sessionLine(session: Session): string {
  return `Séance du ${formatDateLong(session.date.value)}${session.time ? ` à ${session.time.value.trim()}` : ''}`;
}

function voteSummary(vote: Vote | undefined): string {
  if (!vote) return 'Résultat non indiqué au procès-verbal';
  return vote.countsText ? `${vote.text} ${vote.countsText}` : vote.text;
}

/** The list of the deliberations examined at the session (article L2121-25 du CGCT). */
export function renderListeDeliberations(session: Session, options: RenderOptions = {}): RenderedDocument {
  const templates = templatesFor(session, options);
  const instance = instanceName(session);
  const date = formatDate(session.date.value);
  const title = `Liste des délibérations examinées par ${withArticle(instance)} lors de sa séance du ${date}`;
  const count = session.deliberations.length;
  const running: Running = {
    left: runningTitle(session),
    right: 'Liste des délibérations',
    footerLeft: `Liste des délibérations — séance du ${date}`,
  };
  const html = page(templates, 'liste', {
    title: `${title} — ${organisationName(session)}`,
    bodyClass: 'liste',
    organisationName: organisationName(session),
    documentTitle: title,
    sessionLine: sessionLine(session),
    figures: figuresList(session, true),
    president: session.president?.name.trim(),
    secretaryLabel: session.secretaries.length > 1 ? 'Secrétaires de séance' : 'Secrétaire de séance',
    secretaries: session.secretaries.length ? names(session.secretaries) : undefined,
    items: session.deliberations.map((deliberation) => ({
      number: deliberation.label,
      title: deliberation.title.value,
      result: voteSummary(deliberation.vote),
    })),
    itemsCount: `${formatNumber(count)}${NBSP}${agree(count, 'délibération examinée', 'délibérations examinées')}`,
    publication: `Liste affichée et publiée sur le site internet ${ofOrganisation(session.organisation)} dans un délai d’une semaine à compter de la séance, en application de l’article L2121-25 du code général des collectivités territoriales.`,
    signatures: signaturesView(session, options, true),
  }, running);
  return {
    html,
    dropped: [],
    title,
    subject: `Liste des délibérations — ${organisationName(session)} — ${date}`,
    ...headerFooter(templates, running),
  };
}

// ─── Extrait du registre ───────────────────────────────────────────────────────────────────────────────────────

/** One deliberation as an extract of the register, certified by the président de séance. */
export function renderExtrait(session: Session, deliberation: Deliberation, options: RenderOptions = {}): RenderedDocument {
  const templates = templatesFor(session, options);
  const dropped: DroppedItem[] = [];
  const instance = instanceName(session);
  const date = formatDate(session.date.value);
  const documentTitle = `Extrait du registre des délibérations ${withArticle(instance).replace(/^le /, 'du ').replace(/^la /, 'de la ').replace(/^l’/, 'de l’')} ${ofOrganisation(session.organisation)}`;
  const view = deliberationView(session, deliberation, dropped);
  const atItem = itemFigures(session, deliberation);
  const figures = atItem?.figures ?? figuresList(session, true);
  if (session.convocation) figures.unshift({ label: 'Date de convocation', value: formatDate(session.convocation.value) });
  const signedAt = options.signedAt ?? {};
  const town = signedAt.town ?? (session.place ? townOf(session.place.value) : undefined);
  const running: Running = {
    left: runningTitle(session),
    right: `Extrait — délibération n°${NBSP}${deliberation.label}`,
    footerLeft: `Extrait du registre — séance du ${date}`,
  };
  const html = page(templates, 'extrait', {
    title: `${documentTitle} — séance du ${date} — délibération n° ${deliberation.label}`,
    bodyClass: 'extrait',
    organisationName: organisationName(session),
    documentTitle,
    sessionLine: `Séance du ${date}`,
    figures,
    figuresNote: atItem?.note,
    openingSentence: openingSentence(session),
    presidencySentence: presidencySentence(session),
    secretaryLabel: session.secretaries.length > 1 ? 'Secrétaires de séance' : 'Secrétaire de séance',
    secretaries: session.secretaries.length ? names(session.secretaries) : undefined,
    deliberation: view,
    signatures: {
      ...signaturesView(session, options, true),
      doneAt: `Fait${town ? ` à ${town}` : ''}, le ${signedAt.date ? formatDate(signedAt.date) : '…………………………'}`,
    },
  }, running);
  return {
    html,
    dropped,
    title: `Extrait — délibération n° ${deliberation.label} — ${deliberation.title.value}`,
    subject: `${documentTitle} — séance du ${date}`,
    ...headerFooter(templates, running),
  };
}

// ─── Index ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** One session in output/index.html; every href is relative to the index, given by the caller. */
export interface IndexEntry {
  /** "Somme Numérique — Comité syndical — 28 juin 2022" (the caller may use `indexHeading(session)`). */
  heading: string;
  pv: { html: string; pdf?: string };
  liste?: { html: string; pdf?: string };
  extraits?: Array<{ number: number; title: string; html: string; pdf?: string }>;
}

/** The heading an index entry shows for a session. */
export function indexHeading(session: Session): string {
  return runningTitle(session);
}

/** The index of every rendered session, in the order given. */
export function renderIndex(entries: IndexEntry[], options: { templatesDir?: string; title?: string } = {}): RenderedDocument {
  const templates = loadTemplates(options.templatesDir);
  const title = options.title ?? 'Procès-verbaux et délibérations';
  const html = page(templates, 'index', {
    title,
    bodyClass: 'index',
    documentTitle: title,
    entries: entries.map((entry) => ({
      heading: entry.heading,
      links: [
        { label: 'Procès-verbal', href: entry.pv.html, pdf: entry.pv.pdf },
        ...(entry.liste ? [{ label: 'Liste des délibérations', href: entry.liste.html, pdf: entry.liste.pdf }] : []),
      ],
      extraits: (entry.extraits ?? []).map((extrait) => ({
        label: `N°${NBSP}${extrait.number} — ${extrait.title}`,
        href: extrait.html,
        pdf: extrait.pdf,
      })),
    })),
  });
  return {
    html,
    dropped: [],
    title,
    subject: title,
    ...headerFooter(templates, { left: title, right: '', footerLeft: title }),
  };
}
