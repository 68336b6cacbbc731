/** The list of the deliberations examined at a session (article L2121-25 du CGCT). */
import type { Session, Vote } from '../../model/types.js';
import { agree, formatDate, formatDateLong, formatNumber, NBSP } from '../../model/french.js';
import { presidingTitle } from '../../model/vocabulary.js';
import { instanceName, ofOrganisation, withArticle } from '../sentences.js';
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
  const html = page(
    templates,
    'liste',
    {
      title: `${title} — ${organisationName(session)}`,
      bodyClass: 'liste',
      organisationName: organisationName(session),
      documentTitle: title,
      sessionLine: sessionLine(session),
      figures: figuresList(session, true),
      ...presidingLine(session),
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
    },
    running,
  );
  return {
    html,
    dropped: [],
    title,
    subject: `Liste des délibérations — ${organisationName(session)} — ${date}`,
    ...headerFooter(templates, running),
  };
}

/** « Présidente de séance : Mme LEFEBVRE Claire, maire »: the label and name of who presides, in the body's words. */
function presidingLine(session: Session): { president?: string; presidentLabel?: string } {
  const presiding = presidingTitle(session);
  if (!session.president || !presiding) return {};
  const name = session.president.name.trim();
  return {
    president: presiding.quality ? `${name}, ${presiding.quality}` : name,
    presidentLabel: presiding.label,
  };
}
