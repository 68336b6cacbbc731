/**
 * DELIB_ID: « identifiant interne de délibération respectant le formalisme propre à la collectivité » (SCDL). minutier
 * builds it from a pattern the organisation may set (`delib-id:` in its file); the default is
 * `{annee}-{seance}-{point}` (year, session number, item number: « 2022-3-6 »). Without a session number (`numero:` in
 * the session), the default becomes `{date}-{point}` (« 2022-06-28-6 »): stable, and nothing invented.
 */
import type { Deliberation, Session } from './types.js';

export const DEFAULT_DELIB_ID = '{annee}-{seance}-{point}';
export const DEFAULT_DELIB_ID_WITHOUT_NUMBER = '{date}-{point}';

/** Placeholders a pattern may use, and what they stand for (docs/publication.md). */
export const DELIB_ID_PLACEHOLDERS = {
  annee: "l'année de la séance (2022)",
  seance: "le numéro de la séance dans l'année (clé « numero » de la séance)",
  date: 'la date de la séance (2022-06-28)',
  point: 'le numéro de la délibération (6)',
  point2: 'le numéro de la délibération sur deux chiffres (06)',
  organisme: "l'identifiant de l'organisme (somme-numerique)",
} as const;

const PLACEHOLDER = /\{([^{}]*)\}/gu;

export function delibIdPatternProblem(pattern: string): string | undefined {
  const unknown = [...pattern.matchAll(PLACEHOLDER)]
    .map((m) => m[1]!)
    .filter((name) => !(name in DELIB_ID_PLACEHOLDERS));
  if (unknown.length) {
    return `« {${unknown[0]}} » n'est pas un repère connu : utilisez ${Object.keys(DELIB_ID_PLACEHOLDERS)
      .map((k) => `{${k}}`)
      .join(', ')}`;
  }
  if (!pattern.includes('{point}') && !pattern.includes('{point2}')) {
    return 'le modèle doit contenir {point} (ou {point2}) pour que chaque délibération ait son identifiant';
  }
  return undefined;
}

/** The DELIB_ID of a deliberation, or undefined (with the missing key) when the pattern needs a session number it lacks. */
export function delibId(session: Session, deliberation: Deliberation): { value?: string; missing?: 'numero' } {
  const stated = session.organisation.delibIdPattern?.value;
  const pattern = stated ?? (session.number ? DEFAULT_DELIB_ID : DEFAULT_DELIB_ID_WITHOUT_NUMBER);
  if (pattern.includes('{seance}') && !session.number) return { missing: 'numero' };
  const values: Record<keyof typeof DELIB_ID_PLACEHOLDERS, string> = {
    annee: session.date.value.slice(0, 4),
    seance: String(session.number?.value ?? ''),
    date: session.date.value,
    point: String(deliberation.number.value),
    point2: String(deliberation.number.value).padStart(2, '0'),
    organisme: session.organisation.id,
  };
  return { value: pattern.replace(PLACEHOLDER, (_, name: keyof typeof values) => values[name]) };
}
