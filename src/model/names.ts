/**
 * Matching people's names across the lists of a PV despite the ways authors write them:
 * "DECLÉ Paul-Eric" / "DECLÉ Paul-Éric", "PARSIS LAURENT" / "Laurent PARSIS", "Mme Margaux DELETRE" / "DELETRE Margaux",
 * "DESCHAMPS -DERCHEU Thierry" / "DESCHAMPS-DERCHEU Thierry".
 */

const CIVILITES = /^(?:m\.?|mr\.?|mme\.?|mlle\.?|monsieur|madame|mademoiselle)\s+/iu;

/** The name without its civilité and with white space folded, as it should be displayed. */
export function displayName(name: string): string {
  return name.replace(/\s+/gu, ' ').trim().replace(CIVILITES, '');
}

/** The civilité written before a name, if any, as "M." or "Mme". */
export function civiliteOf(name: string): 'M.' | 'Mme' | undefined {
  const match = CIVILITES.exec(name.trim());
  if (!match) return undefined;
  return /^(?:mme|mlle|madame|mademoiselle)/iu.test(match[0]) ? 'Mme' : 'M.';
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
