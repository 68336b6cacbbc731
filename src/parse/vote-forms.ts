/**
 * The grammar of vote forms: which texts state the result of a ballot (« Adoptée à l'unanimité », « … décide à
 * l'unanimité … », « Pour : 19 Contre : 0 », « le compte rendu est approuvé. »), the outcome, majority and ballot
 * they state, with the counts of src/parse/vote-counts.ts.
 */
import { withoutAnnotations } from '../model/annotation-syntax.js';
import {
  MAX_COUNT,
  fold,
  readCounts,
  unquoted,
  type CountKey,
  type CountOptions,
  type TextCount,
} from './vote-counts.js';

export interface VoteText {
  outcome: 'adoptee' | 'rejetee';
  /** False when the text only gives counts (« Pour : 19 Contre : 0 »): the outcome is then read from them. */
  outcomeStated: boolean;
  unanimous: boolean;
  majority?: 'absolue' | 'relative' | 'deux-tiers';
  ballot: 'ordinaire' | 'public' | 'secret';
  counts: TextCount[];
}

/** « Adopté(e)(s) », « Approuvé(e)(s) », « Rejeté(e)(s) », « ADOPTÉ », « Adoption », « Approbation », « Rejet » at the start. */
export const STARTS_WITH_OUTCOME = /^\s*(adopt|approuv|approb|rejet)(?:e|ee|es|ees|ion|ation)?(?![\p{L}\d])/u;
/**
 * A verb of decision in the present, read with its accents (« décide », not the participle of a past report
 * « a décidé »): « adopte », « approuvent », « décide », « est adopté », « rejette », « APPROUVE ».
 */
const DECISION_VERB =
  /(?<![\p{L}])(adoptent|adopte|approuvent|approuve|d[ée]cident|d[ée]cide|rejettent|rejette|refusent|refuse|acceptent|accepte|valident|valide|(?:est|sont)\s+(?:adopt|approuv|rejet|accept|valid)(?:[ée]|[ée]e|[ée]s|[ée]es))(?![\p{L}])/u;
/** Words that say how the result was reached. */
const MARKER =
  /unanimite|majorite|(?<![\p{L}])par\s+\d|\d[\d\s\u00A0\u202F]*\s*(?:voix\s+)?(?:pour|contre)(?![\p{L}])/u;
/** « Vote : », « Votes : », « Résultat du vote : », « À l'unanimité », « Unanimité ». */
const VOTE_LEAD = /^\s*(?:votes?\s*:|resultats?\s+du\s+vote\s*:?|a\s+l[’']unanimite|unanimite)/u;
/** « Pour : 19 », a paragraph of counts. */
export const COUNTS_LEAD = /^\s*(?:pour|contre|abstentions?)\s*:\s*\d/u;
/** Words that make a vote sentence the vote rather than a remark: a count, a majority, unanimity. */
export const VOTE_SIGNAL = /unanimite|(?<![\p{L}])(?:voix|pour|contre|scrutin)(?![\p{L}])|abstention|majorite|\d/u;
/**
 * « par 12 voix « Pour » et 1 abstention », « Le conseil municipal par 3 voix contre (…) et 10 voix pour », « par 1
 * « abstention » et 11 voix »: « par », a count and a vote word, with no verb (the decisions follow, « DÉCIDE … »).
 */
const BY_COUNT = /(?<![\p{L}])par\s+(\d+)\s+(?:voix|votes?|suffrages?|abstentions?|contre|pour)(?![\p{L}])/u;
/** A passive outcome ending the sentence: « le compte rendu est approuvé. » */
const PASSIVE_END = /(?<![\p{L}])(?:est|sont)\s+(?:adopt|approuv|rejet)(?:e|ee|es|ees)\s*\.?\s*$/u;

/** True when a text reads as a vote sentence (see the forms above). */
export function isVoteText(text: string, options: CountOptions = {}): boolean {
  const clean = withoutAnnotations(text);
  return isVote(clean, fold(unquoted(clean)), options);
}

/** isVoteText on the text without its annotations (`clean`) and that text unquoted and folded. */
function isVote(clean: string, folded: string, options: CountOptions): boolean {
  if (STARTS_WITH_OUTCOME.test(folded)) return true;
  if (VOTE_LEAD.test(folded) || COUNTS_LEAD.test(folded)) return true;
  if (PASSIVE_END.test(folded)) return true;
  const byCount = BY_COUNT.exec(folded);
  if (byCount && Number(byCount[1]) <= (options.maxCount ?? MAX_COUNT)) return true;
  return DECISION_VERB.test(clean.toLowerCase()) && MARKER.test(folded);
}

function outcomeOf(folded: string, lower: string): { outcome: 'adoptee' | 'rejetee'; stated: boolean } {
  const start = STARTS_WITH_OUTCOME.exec(folded);
  if (start) return { outcome: start[1] === 'rejet' ? 'rejetee' : 'adoptee', stated: true };
  const verb = DECISION_VERB.exec(lower);
  if (verb) return { outcome: /rejet|refus/u.test(verb[1]!) ? 'rejetee' : 'adoptee', stated: true };
  if (/(?<![\p{L}])(?:est|sont)\s+rejet/u.test(folded)) return { outcome: 'rejetee', stated: true };
  if (/(?<![\p{L}])(?:est|sont)\s+(?:adopt|approuv)|unanimite/u.test(folded))
    return { outcome: 'adoptee', stated: true };
  return { outcome: 'adoptee', stated: false };
}

/** Reads one vote text, or undefined when it is not one. */
export function readVoteText(
  text: string,
  options: { countsOnly?: boolean } & CountOptions = {},
): VoteText | undefined {
  const clean = withoutAnnotations(text);
  const folded = fold(unquoted(clean));
  if (!options.countsOnly && !isVote(clean, folded, options)) return undefined;
  const outcome = outcomeOf(folded, clean.toLowerCase());
  const vote: VoteText = {
    outcome: outcome.outcome,
    outcomeStated: outcome.stated,
    unanimous: /unanimite/u.test(folded),
    ballot: /scrutin\s+secret|bulletins?\s+secrets?|a\s+bulletin\s+secret/u.test(folded)
      ? 'secret'
      : /scrutin\s+public|appel\s+nominal/u.test(folded)
        ? 'public'
        : 'ordinaire',
    counts: readCounts(text),
  };
  if (/majorite\s+absolue/u.test(folded)) vote.majority = 'absolue';
  else if (/majorite\s+relative/u.test(folded)) vote.majority = 'relative';
  else if (/majorite\s+des\s+deux\s+tiers|deux\s+tiers/u.test(folded)) vote.majority = 'deux-tiers';
  if (!vote.outcomeStated) {
    const of = (key: CountKey) => vote.counts.find((count) => count.key === key)?.number?.value.toNumber() ?? 0;
    if (of('against') > of('for')) vote.outcome = 'rejetee';
  }
  return vote;
}
