/**
 * Deliberation numbers as bodies write them (docs/format.md, « Les numéros des délibérations »): `3.`, `3)`, `3 -`,
 * `4-4`, `18-1`, `2020/078`, `06.2019.01`, `DCM20161004.19`, `2019 12 n°01`, `N° 12 :`, `I -`. The number is kept as
 * written (headings, liste, extraits); order and gaps are checked only where the numbering is sequential.
 */

export interface HeadingNumber {
  /** The number as written, without the separator: "3", "4-4", "2020/078", "DCM20161004.19", "I". */
  label: string;
  /** Everything written before the title, separator included: "3. ", "4-4 – ", "N° 06.2019.01 – ". */
  prefix: string;
  /** Index of the label in the heading text. */
  labelFrom: number;
  /** The title after the separator, and its index. */
  title: string;
  titleFrom: number;
  /** The value of a plain integer label ("3", "03"), else undefined. */
  integer?: number;
}

const LEAD = String.raw`(?:(?:d[ée]lib[ée]ration|point|affaire|objet)\s+)?(?:n[°o]\s*)?`;
const LABELS = [
  String.raw`\d{4}\s\d{1,2}\s+n[°o]\s*\d+`, // « 2019 12 n°01 »
  String.raw`[A-Z]{1,10}[-_]?\d[\dA-Z]*(?:[./_-][\dA-Z]+)*`, // « DCM20161004.19 », « D11-2020 »
  String.raw`\d+(?:[./-]\d+)+`, // « 4-4 », « 18-1 », « 2020/078 », « 06.2019.01 »
  String.raw`\d+`, // « 3 »
];
const WITH_SEPARATOR = new RegExp(
  String.raw`^(\s*${LEAD})(${LABELS.join('|')})(\s*(?:[.)]|[-–—:])\s+|\s*[.)]$)(.*)$`,
  'iu',
);
/** A compound label may be followed by the title with a space only (« 4-4 Tarifs »). */
const COMPOUND_SPACE = new RegExp(String.raw`^(\s*${LEAD})(${LABELS.slice(0, 3).join('|')})(\s+)(\S.*)$`, 'u');
/** Roman numbers only with a dash: « I - APPROBATION DU COMPTE RENDU ». */
const ROMAN = new RegExp(String.raw`^(\s*${LEAD})([IVX]{1,6})(\s+[-–—]\s+)(.*)$`, 'u');

/** The number of a deliberation heading, or undefined when the heading does not start with one. */
export function readDeliberationHeading(text: string): HeadingNumber | undefined {
  const match = WITH_SEPARATOR.exec(text) ?? COMPOUND_SPACE.exec(text) ?? ROMAN.exec(text);
  if (!match) return undefined;
  const [, lead = '', label = '', separator = '', rest = ''] = match;
  const title = rest.trim();
  if (!title) return undefined;
  const labelFrom = lead.length;
  const titleFrom = text.indexOf(title, labelFrom + label.length + separator.length - 1);
  const result: HeadingNumber = {
    label,
    prefix: text.slice(0, titleFrom),
    labelFrom,
    title,
    titleFrom,
  };
  if (/^\d+$/u.test(label)) result.integer = Number(label);
  return result;
}

export type Numbering =
  /** 1, 2, 3…: every label a plain integer. */
  | { kind: 'entiers'; values: number[] }
  /** A common prefix and a final integer: « 18-1, 18-2 », « 2020/078, 2020/079 », « DCM20161004.19, …20 ». */
  | { kind: 'prefixe'; prefix: string; values: number[] }
  /** Anything else: only repeated numbers are checked. */
  | { kind: 'libre' };

/** How a session numbers its deliberations. */
export function numberingOf(labels: string[]): Numbering {
  if (labels.every((label) => /^\d+$/u.test(label))) return { kind: 'entiers', values: labels.map(Number) };
  const parts = labels.map((label) => /^(.*?)(\d+)$/u.exec(label));
  if (parts.every(Boolean)) {
    const prefix = parts[0]![1]!;
    if (prefix && parts.every((part) => part![1] === prefix)) {
      return { kind: 'prefixe', prefix, values: parts.map((part) => Number(part![2])) };
    }
  }
  return { kind: 'libre' };
}
