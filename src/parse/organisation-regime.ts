/** A regime's quorum and proxy rule, read from YAML (organisation `regimes:`, session `regime:`). */
import type { RegimeRule } from '../model/regimes.js';
import type { Reporter } from './report.js';
import type { Values } from './values.js';
import type { Path, YamlSource } from './yaml.js';

/** A regime's quorum and proxy rule (organisation `regimes`, session `regime`), with positioned errors. */
export function regimeRule(
  entry: {
    quorum?: { seuil?: string | undefined; compte?: 'presents' | 'presents-et-representes' | undefined } | undefined;
    pouvoirs?: { maximum: number | string } | undefined;
    source: string;
  },
  base: Path,
  values: Values,
  report: Reporter,
  source: YamlSource,
): RegimeRule | undefined {
  const rule: RegimeRule = { source: entry.source };
  if (entry.quorum) {
    const quorum: NonNullable<RegimeRule['quorum']> = {};
    if (entry.quorum.seuil !== undefined) {
      const parsed = parseFraction(entry.quorum.seuil);
      if (!parsed) {
        report.error(
          `« quorum.seuil » : « ${entry.quorum.seuil} » n'est pas une fraction : écrivez « 1/2 » (plus de la moitié) ou « 1/3 » (plus du tiers).`,
          source.position([...base, 'quorum', 'seuil']),
          'parse-schema',
        );
        return undefined;
      }
      quorum.seuil = parsed;
    }
    if (entry.quorum.compte) quorum.compte = entry.quorum.compte;
    rule.quorum = quorum;
  }
  if (entry.pouvoirs) {
    const maximum = values.integer([...base, 'pouvoirs', 'maximum'], 'pouvoirs.maximum');
    if (!maximum) return undefined;
    rule.pouvoirs = { maximum: maximum.value };
  }
  return rule;
}

/** "1/2" as a fraction, or undefined when the text is not one. */
export function parseFraction(text: string): { numerator: number; denominator: number } | undefined {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/u.exec(text);
  if (!match) return undefined;
  const numerator = Number(match[1]);
  const denominator = Number(match[2]);
  if (numerator <= 0 || denominator <= 0 || numerator >= denominator) return undefined;
  return { numerator, denominator };
}
