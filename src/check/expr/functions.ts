/**
 * The functions an expression may call (docs/format.md §5). Amounts keep their rounding interval; the parameters
 * (rates, durations, instalments per year, decimals) are taken as exact at their written value: they are terms of a
 * contract or of the law ("3 %", "15 ans", "16,404 %"), not rounded measurements.
 */
import { Decimal } from 'decimal.js';
import { formatFrenchNumber as formatNarrow } from '../../model/numbers.js';

/** French writing with ordinary spaces, as notes are plain text. */
function formatFrenchNumber(value: Decimal.Value, decimals: number): string {
  return formatNarrow(value, decimals).replace(/\u202F/g, ' ');
}
import {
  add,
  arithError,
  Exact,
  isArithError,
  max,
  min,
  monotonic,
  mul,
  point,
  round,
  type ArithError,
  type Interval,
  div,
} from '../arith/interval.js';

export const DEFAULT_VAT_RATE = new Exact('0.2');
export const DEFAULT_FCTVA_RATE = new Exact('0.16404');
export const DEFAULT_PERIODS_PER_YEAR = new Exact(1);

export interface FunctionResult {
  value: Interval;
  /** A French sentence explaining an intermediate result worth showing (a loan's instalment). */
  detail?: string;
}

export interface FunctionSpec {
  name: string;
  minArgs: number;
  maxArgs: number;
  /** The signature in French, for arity errors: "ttc(ht ; taux)". */
  signature: string;
  /** Indexes of the arguments taken as exact (their nominal value). */
  exactArgs: number[];
  apply(args: Interval[]): FunctionResult | ArithError;
}

/** One constant instalment: C·(r/p) / (1 − (1 + r/p)^(−n·p)); C / (n·p) when r = 0. */
export function instalment(capital: Decimal, rate: Decimal, years: Decimal, perYear: Decimal): Decimal | ArithError {
  const count = Exact.mul(years, perYear);
  if (count.lte(0)) return arithError('domain', 'un prêt doit compter au moins une échéance');
  if (perYear.lte(0)) return arithError('domain', 'le nombre d’échéances par an doit être positif');
  if (rate.isZero()) return Exact.div(capital, count);
  const periodic = Exact.div(rate, perYear);
  const base = Exact.add(1, periodic);
  if (base.lte(0)) return arithError('domain', 'taux de prêt inférieur ou égal à −100 %');
  const discount = Exact.sub(1, Exact.pow(base, count.neg()));
  if (discount.isZero()) return arithError('division-by-zero', 'division par zéro dans le calcul de l’échéance');
  return Exact.div(Exact.mul(capital, periodic), discount);
}

function percent(rate: Decimal): string {
  return `${formatFrenchNumber(rate.mul(100), Math.max(0, decimalsOf(rate.mul(100))))} %`;
}

function decimalsOf(value: Decimal): number {
  return Math.min(value.decimalPlaces(), 6);
}

function plain(value: Decimal): string {
  return formatFrenchNumber(value, decimalsOf(value));
}

function loan(args: Interval[], annual: boolean): FunctionResult | ArithError {
  const [capital, rate, years, perYearArg] = args as [Interval, Interval, Interval, Interval | undefined];
  const perYear = perYearArg?.nominal ?? DEFAULT_PERIODS_PER_YEAR;
  const one = monotonic([capital], ([c]) => instalment(c as Decimal, rate.nominal, years.nominal, perYear));
  if (isArithError(one)) return one;
  const value = annual ? mul(one, point(perYear)) : one;
  const per = perYear.eq(1) ? '1 échéance par an' : `${plain(perYear)} échéances par an`;
  const detail =
    `prêt de ${formatFrenchNumber(capital.nominal, 2)} € à ${percent(rate.nominal)} sur ${plain(years.nominal)} ans, ` +
    `${per} : échéance de ${formatFrenchNumber(one.nominal, 4)} €` +
    (annual && !perYear.eq(1)
      ? `, soit ${plain(perYear)} × ${formatFrenchNumber(one.nominal, 4)} = ${formatFrenchNumber(value.nominal, 2)} € par an`
      : '');
  return { value, detail };
}

const specs: FunctionSpec[] = [
  {
    name: 'somme',
    minArgs: 1,
    maxArgs: Infinity,
    signature: 'somme(a ; b ; …)',
    exactArgs: [],
    apply: (args) => ({ value: args.slice(1).reduce(add, args[0] as Interval) }),
  },
  {
    name: 'ttc',
    minArgs: 1,
    maxArgs: 2,
    signature: 'ttc(ht ; taux)',
    exactArgs: [1],
    apply: ([ht, rate]) => ({ value: mul(ht as Interval, point(Exact.add(1, rate?.nominal ?? DEFAULT_VAT_RATE))) }),
  },
  {
    name: 'ht',
    minArgs: 1,
    maxArgs: 2,
    signature: 'ht(ttc ; taux)',
    exactArgs: [1],
    apply: ([ttc, rate]) => {
      const value = div(ttc as Interval, point(Exact.add(1, rate?.nominal ?? DEFAULT_VAT_RATE)));
      return isArithError(value) ? value : { value };
    },
  },
  {
    name: 'tva',
    minArgs: 1,
    maxArgs: 2,
    signature: 'tva(ht ; taux)',
    exactArgs: [1],
    apply: ([ht, rate]) => ({ value: mul(ht as Interval, point(rate?.nominal ?? DEFAULT_VAT_RATE)) }),
  },
  {
    name: 'fctva',
    minArgs: 1,
    maxArgs: 2,
    signature: 'fctva(ttc ; taux)',
    exactArgs: [1],
    apply: ([ttc, rate]) => ({ value: mul(ttc as Interval, point(rate?.nominal ?? DEFAULT_FCTVA_RATE)) }),
  },
  {
    name: 'echeance',
    minArgs: 3,
    maxArgs: 4,
    signature: 'echeance(capital ; taux ; années ; échéances par an)',
    exactArgs: [1, 2, 3],
    apply: (args) => loan(args, false),
  },
  {
    name: 'annuite',
    minArgs: 3,
    maxArgs: 4,
    signature: 'annuite(capital ; taux ; années ; échéances par an)',
    exactArgs: [1, 2, 3],
    apply: (args) => loan(args, true),
  },
  {
    name: 'arrondi',
    minArgs: 2,
    maxArgs: 2,
    signature: 'arrondi(x ; décimales)',
    exactArgs: [1],
    apply: ([x, decimals]) => {
      const d = (decimals as Interval).nominal;
      if (!d.isInteger() || d.lt(0) || d.gt(20)) {
        return arithError('domain', `arrondi : nombre de décimales invalide (${plain(d)})`);
      }
      return { value: round(x as Interval, d.toNumber()) };
    },
  },
  {
    name: 'min',
    minArgs: 1,
    maxArgs: Infinity,
    signature: 'min(a ; b ; …)',
    exactArgs: [],
    apply: (args) => ({ value: min(args) }),
  },
  {
    name: 'max',
    minArgs: 1,
    maxArgs: Infinity,
    signature: 'max(a ; b ; …)',
    exactArgs: [],
    apply: (args) => ({ value: max(args) }),
  },
];

export const functions: ReadonlyMap<string, FunctionSpec> = new Map(specs.map((spec) => [spec.name, spec]));

/** Looks a function up by name, ignoring case and accents ("Échéance", "annuité"). */
export function findFunction(name: string): FunctionSpec | undefined {
  const key = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return functions.get(key);
}

/** « la fonction ttc attend 1 ou 2 arguments (ttc(ht ; taux)), et non 3 ». */
export function arityMessage(spec: FunctionSpec, count: number): string {
  const range =
    spec.maxArgs === Infinity
      ? `au moins ${spec.minArgs} argument${spec.minArgs > 1 ? 's' : ''}`
      : spec.minArgs === spec.maxArgs
        ? `${spec.minArgs} arguments`
        : spec.maxArgs === spec.minArgs + 1
          ? `${spec.minArgs} ou ${spec.maxArgs} arguments`
          : `de ${spec.minArgs} à ${spec.maxArgs} arguments`;
  return `la fonction ${spec.name} attend ${range} (${spec.signature}), et non ${count}`;
}
