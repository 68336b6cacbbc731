/** One deliberation as an extract of the register, certified by the président de séance. */
import { attendanceAt, nameOf, votersAt, type ItemAttendance } from '../../model/attendance.js';
import type { Deliberation, Session } from '../../model/types.js';
import { vocabularyOf } from '../../model/vocabulary.js';
import { renderDeliberationBody } from '../../html/body.js';
import { formatDate, formatNumber, NBSP } from '../../model/french.js';
import type { DroppedItem } from '../../html/markdown.js';
import {
  instanceName,
  ofOrganisation,
  openingSentence,
  presidencySentence,
  sessionFigures,
  townOf,
  withArticle,
} from '../sentences.js';
import { figuresList } from './figures.js';
import {
  headerFooter,
  names,
  organisationName,
  page,
  runningTitle,
  signaturesView,
  type RenderedDocument,
  type RenderOptions,
  type Running,
} from './layout.js';
import { templatesFor } from './templates-folder.js';

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
  if (figures.inOffice)
    list.push({ label: vocabularyOf(session.organisation).inOfficeLabel, value: formatNumber(figures.inOffice) });
  list.push({ label: 'Présents', value: formatNumber(present) });
  list.push({ label: 'Représentés', value: formatNumber(represented) });
  list.push({ label: 'Votants', value: formatNumber(present.plus(represented)) });
  if (figures.voices) list.push({ label: 'Voix', value: formatNumber(figures.voices.minus(voicesDelta)) });
  const withdrawn = [
    ...item.excluded,
    ...item.withdrawn.map((sitting) => `${nameOf(session, sitting.person)} se retire`),
  ];
  return withdrawn.length > 0 ? { figures: list, note: withdrawn.join(' ; ') } : { figures: list };
}

/** One deliberation as an extract of the register, certified by the président de séance. */
export function renderExtrait(
  session: Session,
  deliberation: Deliberation,
  options: RenderOptions = {},
): RenderedDocument {
  const templates = templatesFor(session, options);
  const dropped: DroppedItem[] = [];
  const instance = instanceName(session);
  const date = formatDate(session.date.value);
  const documentTitle = `Extrait du registre des délibérations ${withArticle(instance).replace(/^le /, 'du ').replace(/^la /, 'de la ').replace(/^l’/, 'de l’')} ${ofOrganisation(session.organisation)}`;
  const view = deliberationView(session, deliberation, dropped);
  const atItem = itemFigures(session, deliberation);
  const figures = atItem?.figures ?? figuresList(session, true);
  if (session.convocation)
    figures.unshift({ label: 'Date de convocation', value: formatDate(session.convocation.value) });
  const signedAt = options.signedAt ?? {};
  const town = signedAt.town ?? (session.place ? townOf(session.place.value) : undefined);
  const running: Running = {
    left: runningTitle(session),
    right: `Extrait — délibération n°${NBSP}${deliberation.label}`,
    footerLeft: `Extrait du registre — séance du ${date}`,
  };
  const html = page(
    templates,
    'extrait',
    {
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
    },
    running,
  );
  return {
    html,
    dropped,
    title: `Extrait — délibération n° ${deliberation.label} — ${deliberation.title.value}`,
    subject: `${documentTitle} — séance du ${date}`,
    ...headerFooter(templates, running),
  };
}
