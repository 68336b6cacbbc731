/**
 * The sentences the templates generate from the session facts, written as the reference PV writes them
 * (opening, presidency, formalities, composition, quorum, proxies, secretary). Plain text: the templates escape it.
 */
import { Decimal } from 'decimal.js';
import type { College, FrenchNumber, Organisation, PersonRef, Session } from '../model/types.js';
import { agree, formatDate, formatNumber, NBSP, numberToWords, ofVoices, openingDateInWords } from '../model/french.js';
import { vocabularyOf } from '../model/vocabulary.js';
import { membersInOffice, totalVoicesOf } from '../model/attendance.js';
import { quorumStated } from '../model/mentions.js';

/** « … » with the no-break spaces French typography puts inside guillemets. */
export function quote(text: string): string {
  return `«${NBSP}${text.trim()}${NBSP}»`;
}

/** Adds a final period unless the sentence already ends with punctuation. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…:;]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

const VOWEL = /^[aàâeéèêëiîïoôuùûyh]/iu;
const FEMININE_NOUNS =
  /^(assemblée|commission|conférence|communauté|commune|métropole|région|collectivité|association|agglomération|délégation)(?!\p{L})/iu;

function isFeminine(noun: string): boolean {
  return FEMININE_NOUNS.test(noun.trim());
}

/** "le Comité syndical", "l’Assemblée générale", "la Commission permanente". */
export function withArticle(noun: string): string {
  if (VOWEL.test(noun)) return `l’${noun}`;
  return `${isFeminine(noun) ? 'la' : 'le'} ${noun}`;
}

/** "de Somme Numérique", "d’Amiens". */
function de(name: string): string {
  return VOWEL.test(name) ? `d’${name}` : `de ${name}`;
}

/** A name that begins with the noun of its kind: « Commune de Saint-Martin », « Communauté de communes du Vimeu ». */
const NAME_WITH_NOUN =
  /^(commune|ville|communauté|métropole|syndicat|sivom|sivu|pôle|établissement|agglomération)(?!\p{L})/iu;

/** « de la » / « du » / « de l’ » before a common noun. */
function ofNoun(noun: string): string {
  if (VOWEL.test(noun)) return `de l’${noun}`;
  return isFeminine(noun) ? `de la ${noun}` : `du ${noun}`;
}

/**
 * "du syndicat mixte Somme Numérique", "de la commune d’Amiens", "de la communauté de communes du Vimeu"; a name that
 * already begins with its noun keeps it once: « Commune de Saint-Martin » → "de la commune de Saint-Martin".
 */
export function ofOrganisation(organisation: Organisation): string {
  const name = organisation.name.value.trim();
  const kind = organisation.kind?.value;
  const noun = NAME_WITH_NOUN.exec(name);
  if (noun) {
    const lowered = `${noun[1]!.toLocaleLowerCase('fr')}${name.slice(noun[1]!.length)}`;
    return ofNoun(lowered);
  }
  if (!kind) return de(name);
  if (/^commune$/iu.test(kind)) return `de la commune ${de(name)}`;
  return `${ofNoun(kind)} ${name}`;
}

export function instanceName(session: Session): string {
  return session.instance.value || session.organisation.instance?.value || vocabularyOf(session.organisation).instance;
}

/** "L’an deux mille vingt-deux, le vingt-huit juin à 17h30, le Comité syndical du syndicat mixte … s’est réuni …". */
export function openingSentence(session: Session): string {
  const instance = instanceName(session);
  const feminine = isFeminine(instance) || /^(assemblée)/iu.test(instance);
  const parts = [
    `${openingDateInWords(session.date.value, session.time?.value)}, ${withArticle(instance)} ${ofOrganisation(session.organisation)}`,
  ];
  if (session.convocation) {
    parts.push(` légalement convoqué${feminine ? 'e' : ''} le ${formatDate(session.convocation.value)},`);
  }
  const met = ` s’est réuni${feminine ? 'e' : ''}`;
  const basis = session.teleconferenceBasis ? ` conformément à ${session.teleconferenceBasis.value.trim()}` : '';
  const place = session.place?.value.trim();
  switch (session.mode.value) {
    case 'teleconference':
      parts.push(`${met} par téléconférence${basis}`);
      break;
    case 'mixte':
      parts.push(`${met}${place ? ` ${place}` : ''} et par téléconférence${basis}`);
      break;
    default:
      parts.push(`${met}${place ? ` ${place}` : ''}`);
  }
  return sentence(parts.join(''));
}

/** "La séance est présidée par M. PARSIS Laurent, conformément à l’arrêté du 24 juin 2022 …." */
export function presidencySentence(session: Session): string | undefined {
  if (!session.president) return undefined;
  const delegation = session.presidentDelegation ? `, conformément à ${session.presidentDelegation.value.trim()}` : '';
  return sentence(`La séance est présidée par ${session.president.name.trim()}${delegation}`);
}

/** "aucun membre ne peut disposer de plus d’un pouvoir de vote". */
export function proxyLimit(organisation: Organisation): string {
  const max = organisation.proxies.maxPerHolder;
  const amount = max === 1 ? 'd’un pouvoir' : `de ${numberToWords(max)} pouvoirs`;
  return `aucun membre ne peut disposer de plus ${amount} de vote`;
}

/** "« le Comité syndical ne délibère valablement que … » (cf. article 13 du règlement intérieur)", or undefined. */
export function quorumQuote(organisation: Organisation): string | undefined {
  const { text, source } = organisation.quorum;
  if (!text) return undefined;
  return `${quote(text)}${source ? ` (cf. ${source.trim()})` : ''}`;
}

function secretaryTitle(count: number): string {
  return count > 1 ? 'des secrétaires de séance' : 'du secrétaire de séance';
}

/** The « Ouverture de la séance » agenda, numbered as the PV numbers it. */
export function formalities(session: Session): string[] {
  const quorum = quorumQuote(session.organisation);
  const items: string[] = [];
  if (quorumStated(session)) items.push(`Constat du quorum${quorum ? ` – ${quorum}` : ''}`);
  if (proxiesStated(session)) items.push(`Pouvoirs (${proxyLimit(session.organisation)}).`);
  if (session.secretaries.length > 0) items.push(`Désignation ${secretaryTitle(session.secretaries.length)}`);
  if (session.previousMinutesApproved) {
    items.push(`Approbation du procès-verbal de la séance du ${formatDate(session.previousMinutesApproved.value)}`);
  }
  return items;
}

function collegeIsPlural(college: College): boolean {
  return college.members.value > 1 || /^(les|des)\s/iu.test(college.name.value.trim());
}

/** "Le Département de la Somme désigne 6 délégués qui disposent chacun de 6 voix". */
export function collegeSentence(college: College): string {
  const delegates = college.delegatesPerMember.value;
  const verb = collegeIsPlural(college) ? 'désignent' : 'désigne';
  const head = `${college.name.value.trim()} ${verb} ${formatNumber(delegates)}${NBSP}${agree(delegates, 'délégué')}`;
  if (!college.voicesPerDelegate.stated) return head;
  const voices = college.voicesPerDelegate.value;
  return delegates > 1 ? `${head} qui disposent chacun ${ofVoices(voices)}` : `${head} qui dispose ${ofVoices(voices)}`;
}

/** The source of the composition ("article 7 des statuts"), from the organisation's `composition-source:`. */
export function compositionSource(organisation: Organisation): string | undefined {
  return organisation.compositionSource?.value;
}

export function compositionHeading(session: Session): string {
  const source = compositionSource(session.organisation);
  const instance = instanceName(session);
  return `Composition ${de(instance).replace(/^de /, 'du ')} et répartition des voix${source ? ` (${source.trim()})` : ''}${NBSP}:`;
}

export function substitutesSentence(organisation: Organisation): string | undefined {
  if (organisation.substitutesAllowed === false) return 'Les statuts ne prévoient pas la désignation de suppléant.';
  if (organisation.substitutesAllowed === true) return 'Les statuts prévoient la désignation de suppléants.';
  return undefined;
}

/** The total of voices stated by the statuts, else the colleges' product when every college states its voices. */
export function totalVoices(organisation: Organisation): number | undefined {
  // The model computes the figure (model/attendance.ts); the PV prints it only when the statuts or a complete
  // composition give it, never the roster's sum.
  const total = totalVoicesOf(organisation);
  return total && total.source !== 'liste' && total.complete ? total.value : undefined;
}

export function totalVoicesSentence(organisation: Organisation): string | undefined {
  const total = totalVoices(organisation);
  if (total === undefined) return undefined;
  return `Tenant compte de ces éléments, nous comptabilisons ${formatNumber(total)}${NBSP}${agree(total, 'voix')} pour la totalité des délégués.`;
}

// ─── Figures ───────────────────────────────────────────────────────────────────────────────────────────────────

/** The attendance figures: stated by the PV when it states them, else counted from the attendance lists. */
export interface Figures {
  inOffice?: Decimal;
  present: Decimal;
  represented: Decimal;
  voters: Decimal;
  voices?: Decimal;
  /** True when each figure comes from the PV's own statement. */
  stated: { present: boolean; represented: boolean; voices: boolean };
}

function value(number: FrenchNumber | undefined): Decimal | undefined {
  return number?.value;
}

export function sessionFigures(session: Session): Figures {
  const rows = [...session.attendance.room, ...session.attendance.remote];
  const countedPresent = new Decimal(rows.length);
  const countedRepresented = new Decimal(rows.reduce((sum, row) => sum + row.proxies.length, 0));
  const statedVoices = rows.filter((row) => row.voices);
  const countedVoices =
    rows.length > 0 && statedVoices.length === rows.length
      ? statedVoices.reduce((sum, row) => sum.plus(row.voices!.value), new Decimal(0))
      : undefined;
  const present = value(session.stated.present) ?? countedPresent;
  const represented = value(session.stated.represented) ?? countedRepresented;
  const organisation = session.organisation;
  // Members in office by the model (model/attendance.ts), printed only from the statuts or the composition.
  const members = membersInOffice(organisation);
  const inOffice =
    value(session.stated.inOffice) ?? (members && members.source !== 'liste' ? new Decimal(members.value) : undefined);
  const voices = value(session.stated.voices) ?? countedVoices;
  return {
    ...(inOffice ? { inOffice } : {}),
    present,
    represented,
    voters: present.plus(represented),
    ...(voices ? { voices } : {}),
    stated: {
      present: session.stated.present !== undefined,
      represented: session.stated.represented !== undefined,
      voices: session.stated.voices !== undefined,
    },
  };
}

function count(number: Decimal, singular: string, plural?: string): string {
  return `${formatNumber(number)}${NBSP}${agree(number, singular, plural)}`;
}

/** The PV speaks of the quorum (src/model/mentions.ts, shared with the legal-mentions check). */
export { quorumStated };

/** The PV speaks of proxies: the organisation states its proxy rule (statuts, règlement, dated regime). */
export function proxiesStated(session: Session): boolean {
  return session.organisation.proxies.stated === true;
}

/** "1 – Constat du quorum : « … » (cf. …). Pour cette séance, le comité syndical est constitué de 13 élus présents …". */
export function quorumStatement(session: Session): string {
  const figures = sessionFigures(session);
  const quorum = quorumQuote(session.organisation);
  const instance = instanceName(session).toLocaleLowerCase('fr');
  let text = quorum ? `${sentence(quorum)} ` : '';
  text += `Pour cette séance, ${withArticle(instance)} est constitué${isFeminine(instance) ? 'e' : ''} de ${count(figures.present, 'élu présent')} et ${count(figures.represented, `${vocabularyOf(session.organisation).member.singular} représenté`, `${vocabularyOf(session.organisation).member.plural} représentés`)}`;
  text += figures.voices ? `, soit un total de ${count(figures.voices, 'voix')}.` : '.';
  const reached = session.stated.quorumReached?.value;
  if (reached === true) text += ' Le quorum est atteint.';
  if (reached === false) text += ' Le quorum n’est pas atteint.';
  return text;
}

export function proxiesStatement(session: Session): string {
  const any = [...session.attendance.room, ...session.attendance.remote].some((row) => row.proxies.length > 0);
  return `(${proxyLimit(session.organisation)})${NBSP}: ${any ? 'ils sont listés dans les tableaux ci-dessous.' : 'aucun pouvoir n’a été donné.'}`;
}

export function secretaryStatement(session: Session): { lead: string; names: string } | undefined {
  if (session.secretaries.length === 0) return undefined;
  const names = session.secretaries.map((person: PersonRef) => person.name.trim());
  const joined = names.length > 1 ? `${names.slice(0, -1).join(', ')} et ${names.at(-1)}` : (names[0] ?? '—');
  return { lead: `Désignation ${secretaryTitle(names.length)} du jour`, names: joined };
}

/** The town in a place such as "dans la salle de réunion de Somme numérique à Amiens" → "Amiens". */
export function townOf(place: string): string | undefined {
  const match =
    /(?:^|\s)à\s+((?:[A-ZÀ-Ý][\p{L}'’-]*)(?:[\s-]+(?:sur|sous|en|lès|les|le|la|de|du|des|[A-ZÀ-Ý][\p{L}'’-]*))*)\s*\.?$/u.exec(
      place.trim(),
    );
  return match?.[1];
}
