/**
 * The names a vote lists with a count: « MM. DUPONT et MARTIN », « Mme X, M. Y », « Éric VIOLLEAU ».
 */

/** Civilities that introduce several names and are not part of any: « MM. », « Mmes », « Messieurs », « Mesdames ». */
const PLURAL_CIVILITY = /^(?:MM\.?|Mmes\.?|Messieurs|Mesdames)\s+/u;

/**
 * The names of a list such as « MM. DUPONT et MARTIN », « Mme X, M. Y », « Éric VIOLLEAU » (index in `text`).
 * Undefined when the text does not look like names (digits, lower-case words only).
 */
export function readNames(text: string, offset = 0): Array<{ name: string; from: number; to: number }> | undefined {
  let body = text;
  let shift = 0;
  const plural = PLURAL_CIVILITY.exec(body);
  if (plural) {
    shift = plural[0].length;
    body = body.slice(shift);
  }
  if (/\d/u.test(body) || !/\p{Lu}/u.test(body)) return undefined;
  const names: Array<{ name: string; from: number; to: number }> = [];
  const separator = /\s*(?:,|;|\s+et\s+|\s+&\s+)\s*/gu;
  let last = 0;
  const push = (from: number, to: number) => {
    const raw = body.slice(from, to);
    const trimmed = raw.trim().replace(/[.)]+$/u, '');
    if (!trimmed) return;
    const start = from + raw.indexOf(trimmed);
    names.push({
      name: trimmed.replace(/\s+/gu, ' '),
      from: offset + shift + start,
      to: offset + shift + start + trimmed.length,
    });
  };
  for (const match of body.matchAll(separator)) {
    push(last, match.index);
    last = match.index + match[0].length;
  }
  push(last, body.length);
  // Every name has a capital letter (a surname or a first name): otherwise this is prose, not a list of names.
  if (names.length === 0 || names.some((entry) => !/\p{Lu}/u.test(entry.name) || entry.name.split(/\s+/u).length > 5)) {
    return undefined;
  }
  return names;
}
