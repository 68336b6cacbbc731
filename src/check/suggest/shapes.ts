/**
 * The relation shapes a procès-verbal asserts between its numbers, found from the words and the layout alone:
 * a sum announced by its words or laid out as a list, HT ↔ TTC, a percentage of an amount, a unit cost, the FCTVA of
 * an expense, a loan's annual charge, an amount quoted again. Each candidate says which number it is about (the
 * target), which numbers it uses (operands), how to write it in the annotation language, and whether its words are
 * strong enough to report a near miss as a warning.
 */
import { Decimal } from 'decimal.js';
import type { DeliberationNumbers, Num } from './numbers.js';
import { taxCompatible, type Candidate, type Scope } from './candidate.js';
import { fctvaShares, htTtcPairs, loanCharges, percentages, unitCosts } from './shapes-finance.js';
import { tableRows } from './shapes-tables.js';
import { balancesInWords, dontParts, inlineTotals, listSums, runs } from './shapes-sums.js';

export type { Candidate, Shape } from './candidate.js';

/** Every candidate relation of one deliberation, most specific shapes first. */
export function candidates(deliberation: DeliberationNumbers, earlier: DeliberationNumbers[]): Candidate[] {
  const { nums, blocks } = deliberation;
  const amounts = nums.filter((num) => num.kind === 'amount' && !num.number.value.isZero());
  const scope: Scope = { nums, blocks, amounts, earlier };
  return [
    ...loanCharges(scope),
    ...fctvaShares(scope),
    ...htTtcPairs(scope),
    ...unitCosts(scope),
    ...percentages(scope),
    ...tableRows(scope),
    ...listSums(scope),
    ...inlineTotals(scope),
    ...dontParts(scope),
    ...balancesInWords(scope),
    ...runs(scope),
    ...quotations(scope),
  ];
}

const THOUSAND = new Decimal(1000);

/** The first amount of each value in a deliberation, made once per deliberation (not again for each later one). */
const firstAmounts = new WeakMap<DeliberationNumbers, Map<string, Num>>();

function firstAmountsOf(deliberation: DeliberationNumbers): Map<string, Num> {
  let first = firstAmounts.get(deliberation);
  if (!first) {
    first = new Map();
    for (const num of deliberation.nums) {
      if (num.kind !== 'amount') continue;
      const key = num.number.value.toString();
      if (!first.has(key)) first.set(key, num);
    }
    firstAmounts.set(deliberation, first);
  }
  return first;
}

/** The same amount written again: a quotation. */
function quotations({ amounts, earlier }: Scope): Candidate[] {
  const out: Candidate[] = [];
  const significant = (num: Num) => num.number.value.abs().gte(THOUSAND) || !num.number.value.isInteger();
  const seen = new Map<string, Num[]>();
  /** The first amount of this value in an earlier deliberation. */
  const before = {
    get(key: string): Num | undefined {
      for (const deliberation of earlier) {
        const found = firstAmountsOf(deliberation).get(key);
        if (found) return found;
      }
      return undefined;
    },
  };
  for (const later of amounts) {
    const key = later.number.value.toString();
    const same = seen.get(key) ?? seen.set(key, []).get(key)!;
    const firstOf = same.find((num) => taxCompatible(num, later));
    same.push(later);
    if (!significant(later)) continue;
    const first = firstOf;
    const elsewhere = first ? undefined : !later.number.value.isInteger() ? before.get(key) : undefined;
    const source = first ?? elsewhere;
    if (!source) continue;
    out.push({
      shape: 'reprise',
      target: later,
      operands: [source],
      expression: (ref) => ref(source),
      strong: false,
      near: 0,
      cue: 'le même montant écrit deux fois',
      named: false,
    });
  }
  return out;
}
