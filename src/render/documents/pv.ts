/** The procès-verbal of a session as a standalone HTML document. */
import type { Session } from '../../model/types.js';
import { fontFaces } from '../assets.js';
import { renderSessionBody, type RenderedSessionBody } from '../../html/body.js';
import { formatDate } from '../../model/french.js';
import type { DroppedItem } from '../../html/markdown.js';
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
  substitutesSentence,
  totalVoicesSentence,
  ofOrganisation,
} from '../sentences.js';
import { attendanceView } from './attendance.js';
import {
  headerFooter,
  organisationName,
  page,
  runningTitle,
  signaturesView,
  type RenderedDocument,
  type RenderOptions,
  type Running,
} from './layout.js';
import { templatesFor } from './templates-folder.js';

/** What the pv template is given, and the running header and footer. */
function pvView(session: Session, options: RenderOptions) {
  const body = renderSessionBody(session);
  const instance = instanceName(session);
  const date = formatDate(session.date.value);
  const title = `Procès-verbal — ${instance} ${ofOrganisation(session.organisation)} — séance du ${date}`;
  const running: Running = {
    left: runningTitle(session),
    right: 'Procès-verbal',
    footerLeft: `Procès-verbal — séance du ${date}`,
  };
  const data = {
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
    signatures: signaturesView(session, options),
  };
  return { data, body, running, title, date, dropped: [...body.dropped] as DroppedItem[] };
}

/** Renders the procès-verbal of a session as a standalone HTML document. */
export function renderSessionHtml(session: Session, options: RenderOptions = {}): RenderedDocument {
  const templates = templatesFor(session, options);
  const { data, body, running, title, date, dropped } = pvView(session, options);
  const html = page(templates, 'pv', { ...data, bodyHtml: body.html }, running);
  return {
    html,
    dropped,
    title,
    subject: `Procès-verbal de la séance du ${date}`,
    ...headerFooter(templates, running),
  };
}

/**
 * The procès-verbal without its page: the HTML of what its `<body>` holds, and the stylesheet it needs (fonts for the
 * characters of that fragment, then the print CSS). For pages that show the PV inside their own (the review page).
 */
export function renderSessionFragment(session: Session, options: RenderOptions = {}): { html: string; css: string } {
  const templates = templatesFor(session, options);
  const { data, body } = pvView(session, options);
  const html = templates.renderFragment('pv', { ...data, bodyHtml: body.html, css: templates.css, fontFaces: '' });
  return { html, css: `${fontFaces(html)}\n${templates.css}` };
}

/**
 * The same fragment with its body apart: the templates' HTML with `placeholder` where the body goes, and the body
 * (its finished tree, read only; its HTML made only if asked for), and the print CSS (the caller adds the fonts of
 * the characters the whole fragment holds). For the review page, which splices the body's tree into the parsed
 * templates rather than serialising it to parse it again.
 */
export function renderSessionFragmentParts(
  session: Session,
  placeholder: string,
  options: RenderOptions = {},
): { html: string; body: RenderedSessionBody; templatesCss: string } {
  const templates = templatesFor(session, options);
  const { data, body } = pvView(session, options);
  const html = templates.renderFragment('pv', { ...data, bodyHtml: placeholder, css: templates.css, fontFaces: '' });
  return { html, body, templatesCss: templates.css };
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
