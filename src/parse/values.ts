/** Typed, positioned values read from YAML nodes: located texts, exact French numbers, people. */
import { closest, distance } from 'fastest-levenshtein';
import type { Position } from 'unist';
import type { Delegate, FrenchNumber, Located, PersonRef } from '../model/types.js';
import { matchName, nameKey } from '../model/names.js';
import { parseFrenchNumber } from '../model/numbers.js';
import type { Reporter } from './report.js';
import type { Path, YamlSource } from './yaml.js';

export class Values {
  constructor(
    readonly source: YamlSource,
    readonly report: Reporter,
  ) {}

  get file(): string | undefined {
    return this.source.file;
  }

  position(path: Path): Position {
    return this.source.position(path);
  }

  located<T>(path: Path, value: T): Located<T> {
    const located: Located<T> = { value, position: this.position(path) };
    if (this.file) located.file = this.file;
    return located;
  }

  /** A number read from the exact source text of the scalar, or undefined (and an error) when it is not one. */
  number(path: Path, what: string): FrenchNumber | undefined {
    const scalar = this.source.scalarSource(path);
    if (!scalar) return undefined;
    const parsed = parseFrenchNumber(scalar.text);
    if (!parsed) {
      const text = scalar.text;
      const reason = /^[-−]?\d+\.\d+$/u.test(text)
        ? `« ${what} » : « ${text} » n'est pas un nombre écrit à la française : la virgule marque les décimales, ` +
          `écrivez « "${text.replace('.', ',')}" » (entre guillemets).`
        : `« ${what} » : « ${text} » n'est pas un nombre : écrivez-le en chiffres, par exemple « 2 » ou « "2,5" ».`;
      this.report.error(reason, scalar.position, 'parse-number');
      return undefined;
    }
    const number: FrenchNumber = {
      value: parsed.value,
      decimals: parsed.decimals,
      raw: parsed.raw,
      unit: parsed.unit,
      position: scalar.position,
    };
    if (parsed.tax) number.tax = parsed.tax;
    if (this.file) number.file = this.file;
    return number;
  }

  /** A whole number (counts of members, delegates, days, item numbers). */
  integer(path: Path, what: string, options: { min?: number } = {}): Located<number> | undefined {
    const number = this.number(path, what);
    if (!number) return undefined;
    const min = options.min ?? 0;
    if (!number.value.isInteger() || number.value.lt(min) || number.unit !== undefined) {
      this.report.error(
        `« ${what} » : « ${number.raw} » doit être un nombre entier${min > 0 ? ` d'au moins ${min}` : ' positif'}.`,
        number.position,
        'parse-number',
      );
      return undefined;
    }
    return this.located(path, number.value.toNumber());
  }
}

/** Lookup of roster delegates by name key. */
export class Roster {
  private readonly byKey = new Map<string, Delegate>();
  constructor(readonly delegates: Delegate[]) {
    for (const delegate of delegates) if (!this.byKey.has(delegate.key)) this.byKey.set(delegate.key, delegate);
  }

  find(key: string): Delegate | undefined {
    return this.byKey.get(key);
  }

  /** The roster name closest to an unknown one, when close enough to be a typo. */
  suggest(key: string): Delegate | undefined {
    if (this.delegates.length === 0) return undefined;
    const keys = [...this.byKey.keys()];
    const nearest = closest(key, keys);
    return distance(key, nearest) <= Math.max(2, Math.floor(key.length / 4)) ? this.byKey.get(nearest) : undefined;
  }
}

/**
 * A person named at a path; resolved against the roster. An unknown name with a non-empty roster is a warning
 * (`parse-unknown-person`), not an error: the rules decide what it means.
 */
export function personAt(
  values: Values,
  path: Path,
  name: string,
  roster: Roster | undefined,
  options: { warn?: boolean; organisationName?: string; deferAmbiguous?: Array<() => void> } = {},
): PersonRef {
  const typed = name.trim();
  const scalar = values.source.scalarSource(path);
  const person: PersonRef = { name: typed, key: nameKey(typed), position: scalar?.position ?? values.position(path) };
  if (values.file) person.file = values.file;
  const matched = roster?.find(person.key)
    ? { match: roster.find(person.key) }
    : roster
      ? matchName(typed, roster.delegates)
      : {};
  const delegate = matched.match;
  if (delegate) person.delegate = delegate;
  else if (matched.ambiguous && options.warn !== false) {
    const names = matched.ambiguous.map((entry) => `« ${entry.name} »`);
    const warn = () =>
      values.report.warn(
        `« ${typed} » peut désigner ${names.slice(0, -1).join(', ')} ou ${names.at(-1)} : écrivez aussi le prénom.`,
        person.position,
        'parse-unknown-person',
      );
    // The attendance may settle it (the other « DUPONT » gives a proxy): warn only if it is still open then.
    if (options.deferAmbiguous) options.deferAmbiguous.push(() => person.delegate || warn());
    else warn();
  } else if (roster && roster.delegates.length > 0 && options.warn !== false) {
    const suggestion = roster.suggest(person.key);
    const of = options.organisationName ? ` de ${options.organisationName}` : '';
    values.report.warn(
      `« ${typed} » n'est pas dans la liste des délégués${of}` +
        (suggestion
          ? ` : vouliez-vous dire « ${suggestion.name} » ?`
          : " : vérifiez l'orthographe ou ajoutez-le à la liste des délégués de l'organisme."),
      person.position,
      'parse-unknown-person',
    );
  }
  return person;
}
