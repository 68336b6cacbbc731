/**
 * Initials written for a voter (« 3 voix contre (MF, JPE et AR) »), as some PVs of small communes write them: two or
 * three capital letters alone, no civility, no point. The roster cannot match them as names; they designate the one
 * member whose first names and surname begin with these letters, when only one does (docs/format.md, « Les votes »).
 */

/** True when a name as written is initials: « MF », « JPE », « AR ». */
export function isInitials(name: string): boolean {
  return /^\p{Lu}{2,3}$/u.test(name.trim());
}

/** The initials of a roster name written « NOM Prénom(s) »: first names then surname (« JPE »), and the other order. */
function initialsOf(name: string): string[] {
  const words = name.split(/\s+/u).filter(Boolean);
  const surname = words.filter((word) => word.length > 1 && word === word.toUpperCase());
  const given = words.filter((word) => !surname.includes(word));
  const letters = (parts: string[]) =>
    parts
      .flatMap((part) => part.split(/[-‐‑]/u))
      .filter(Boolean)
      .map((part) => part[0]!.normalize('NFD')[0]!.toUpperCase())
      .join('');
  return [letters([...given, ...surname]), letters([...surname, ...given])];
}

/** The one roster member these initials designate, else undefined (none, or several). */
export function matchInitials<T extends { name: string }>(initials: string, roster: readonly T[]): T | undefined {
  const wanted = initials.trim();
  const candidates = roster.filter((entry) => initialsOf(entry.name).includes(wanted));
  return candidates.length === 1 ? candidates[0] : undefined;
}
