/**
 * Matching people's names across the lists of a PV despite the ways authors write them:
 * "DECLÉ Paul-Eric" / "DECLÉ Paul-Éric", "PARSIS LAURENT" / "Laurent PARSIS", "Mme Margaux DELETRE" / "DELETRE Margaux",
 * "DESCHAMPS -DERCHEU Thierry" / "DESCHAMPS-DERCHEU Thierry".
 */

/**
 * Civilities and titles written before a name: « M. », « Mme », « Monsieur », « Madame », « Maître », « Docteur »,
 * « Le Président », « la Maire », « Mme le Maire », « M. l’adjoint »… (several may follow one another).
 */
const TITLE = String.raw`(?:m\.?|mr\.?|mm\.?|mme\.?|mmes\.?|mlle\.?|monsieur|madame|mademoiselle|messieurs|mesdames|ma[iî]tre|me\.?|docteure?|dr\.?|pr\.?|professeure?|(?:(?:le|la)\s+|l['’]\s*)(?:pr[ée]sidente?|maire|vice-pr[ée]sidente?|adjointe?|conseill[eè]re?(?:\s+municipale?|\s+communautaire)?|d[ée]l[ée]gu[ée]e?|doyenne?)|(?:premi[eè]re?|deuxi[eè]me|troisi[eè]me|\d+(?:e|er|ère|ème))\s+adjointe?)`;
const CIVILITES = new RegExp(String.raw`^(?:${TITLE}\s+)+`, 'iu');

/** The name without its civilité and with white space folded, as it should be displayed. */
export function displayName(name: string): string {
  return name.replace(/\s+/gu, ' ').trim().replace(CIVILITES, '');
}

/** The civilité written before a name, if any, as "M." or "Mme". */
export function civiliteOf(name: string): 'M.' | 'Mme' | undefined {
  const match = CIVILITES.exec(name.trim());
  if (!match) return undefined;
  if (/^(?:mme|mlle|madame|mademoiselle|la\s)/iu.test(match[0])) return 'Mme';
  if (/^(?:(?:m|mr)\.?\s|monsieur\s|le\s)/iu.test(match[0])) return 'M.';
  return undefined;
}

function words(name: string): string[] {
  return displayName(name)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[\s\-‐‑–'’.]+/u)
    .filter(Boolean);
}

/** The key two spellings of the same person share: no case, accents, civilité, hyphens, or surname/first-name order. */
export function nameKey(name: string): string {
  return words(name).sort().join(' ');
}

/** True when two spellings designate the same person but are not written the same way (case, accents, hyphens). */
export function isSpellingVariant(a: string, b: string): boolean {
  if (nameKey(a) !== nameKey(b)) return false;
  // Order and civilité differences are not spelling variants: compare the words as typed, in sorted order.
  const typed = (name: string) => displayName(name).split(' ').sort().join(' ');
  return typed(a) !== typed(b);
}

/** The words of a name without civilities, folded (for matching). */
export function nameWords(name: string): string[] {
  return words(name);
}

/**
 * A name as written in a vote or a list, matched against a roster: the same key (any order, case, accents, hyphens,
 * civilities), else the only roster member whose name contains all its words (« DUPONT » alone; an initial stands for
 * a first name: « R. PRADELLES » / « Rémy PRADELLES »). Ambiguous when several contain them.
 */
export function matchName<T extends { key: string; name: string }>(
  name: string,
  roster: readonly T[],
): { match?: T; ambiguous?: T[] } {
  const key = nameKey(name);
  const exact = roster.find((entry) => entry.key === key);
  if (exact) return { match: exact };
  const wanted = words(name);
  if (wanted.length === 0) return {};
  const candidates = roster.filter((entry) => {
    const have = words(entry.name);
    // An initial (« R. PRADELLES ») stands for the first name it begins (« Rémy PRADELLES »), either way.
    const same = (a: string, b: string) =>
      a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
    return wanted.every((word) => have.some((candidate) => same(word, candidate)));
  });
  if (candidates.length === 1) return { match: candidates[0]! };
  if (candidates.length > 1) return { ambiguous: candidates };
  return {};
}
