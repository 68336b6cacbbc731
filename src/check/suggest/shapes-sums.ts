/**
 * Sums announced by the words or the layout: a list announced (« scindé en ») or totalled (« soit un total de »), a
 * total in the sentence, « dont », a balance stated in words, runs of numbers that add up to their neighbour.
 */
import { Decimal } from 'decimal.js';
import { fold, type Num } from './numbers.js';
import { inTableTotal, sumCandidate, taxCompatible, type Candidate, type Scope } from './candidate.js';

const PARTITION = /(scind|reparti|repartit|decompos|ventil|decoup|se partag|partage en|divise en|comprend|compose)/u;
const WEAK_LIST = /(comme suit|suivante?s?|ci-dessous|ci-apres|:\s*$)/u;
const TOTAL_AFTER = /^\s*(soit|pour)?\s*(un|le|au)?\s*(total|montant total|montant global|cout total|ensemble)/u;
const INLINE_TOTAL =
  /(soit un total de|soit au total|soit un montant total de|pour un montant (global|total) de|pour un total de|au total|soit un cout total de|soit un ensemble de|soit en tout|au global)\s*$/u;

/** A sum announced before a list (« scindé en deux parties : ») or after it (« soit un total de »). */
export function listSums({ nums, blocks, amounts }: Scope): Candidate[] {
  const out: Candidate[] = [];
  const listIds = [...new Set(nums.filter((num) => num.list).map((num) => num.list!.id))];
  for (const id of listIds) {
    const listBlocks = blocks.map((block, index) => ({ block, index })).filter(({ block }) => block.list?.id === id);
    const first = listBlocks[0]?.index ?? 0;
    const last = listBlocks.at(-1)?.index ?? 0;
    const itemsCount = new Set(listBlocks.map(({ block }) => block.list!.index)).size;
    const parts: Num[] = [];
    for (let index = 0; index < itemsCount; index++) {
      const part = amounts.find((num) => num.list?.id === id && num.list.index === index);
      if (part) parts.push(part);
    }
    if (parts.length < 2 || parts.length !== itemsCount) continue;
    if (!parts.every((part) => taxCompatible(part, parts[0]!))) continue;
    const tax = parts.find((part) => part.tax)?.tax;
    const intro = fold(blocks[first - 1]?.text ?? '');
    const outro = blocks[last + 1];
    const after =
      outro && !outro.list && outro.kind === 'paragraph' && TOTAL_AFTER.test(fold(outro.text))
        ? amounts.find((num) => num.block === last + 1 && (!tax || !num.tax || num.tax === tax))
        : undefined;
    if (after) {
      out.push(
        sumCandidate(
          after,
          parts,
          true,
          `une liste suivie de « ${outro!.text.trim().split(/\s+/u).slice(0, 4).join(' ')} »`,
          0.05,
        ),
      );
      continue;
    }
    const partition = PARTITION.exec(intro);
    const weak = WEAK_LIST.test(intro);
    if (!partition && !weak) continue;
    const max = parts.reduce((a, b) => (a.number.value.gt(b.number.value) ? a : b)).number.value;
    const inIntro = amounts.filter(
      (num) => num.block === first - 1 && taxCompatible(num, parts[0]!) && num.number.value.gt(max),
    );
    const total =
      inIntro.at(-1) ??
      [...amounts]
        .reverse()
        .find(
          (num) =>
            num.order < parts[0]!.order &&
            !num.table &&
            !num.list &&
            (tax ? num.tax === tax : true) &&
            num.number.value.gt(max),
        );
    if (!total) continue;
    const original = blocks[first - 1]?.text ?? '';
    const at = partition ? intro.slice(0, partition.index).split(/\s+/u).length - 1 : 0;
    const cue = partition
      ? original
          .split(/\s+/u)
          .slice(at, at + 3)
          .join(' ')
          .replace(/[:\s]+$/u, '')
      : 'comme suit';
    out.push(sumCandidate(total, parts, partition !== null, `« ${cue} »`, 0.05));
    // An estimate and the lots attributed under it: the lots stay within the estimate (« estimée globalement à … »).
    if (!partition && /estim|enveloppe|plafond|maximum|previsionnel/u.test(fold(total.before))) {
      out.push({
        shape: 'somme',
        group: `estimation:${total.start}`,
        target: total,
        operands: parts,
        operator: '>=',
        expression: (ref) => `somme(${parts.map(ref).join('; ')})`,
        strong: false,
        near: 0,
        cue: 'une estimation et les lots attribués sous elle',
        named: true,
      });
    }
  }
  return out;
}

/** A total announced in the sentence: « 120 000 € et 30 000 €, soit un total de 150 000 € ». */
export function inlineTotals({ amounts }: Scope): Candidate[] {
  const out: Candidate[] = [];
  for (const total of amounts) {
    const cue = INLINE_TOTAL.exec(fold(total.before));
    if (!cue) continue;
    const parts = amounts.filter(
      (num) =>
        num.block === total.block &&
        num.order < total.order &&
        total.before.includes(num.number.raw) &&
        taxCompatible(num, total),
    );
    if (parts.length < 2) continue;
    out.push(sumCandidate(total, parts, true, `« ${cue[0].trim()} »`, 0.05));
  }
  return out;
}

/** « X €, dont a € … et b € »: the parts sum to the whole only when they are all given. */
export function dontParts({ amounts }: Scope): Candidate[] {
  const out: Candidate[] = [];
  for (const whole of amounts) {
    if (!/^[\s\u00A0\u202F]*,?[\s\u00A0\u202F]*dont\b/u.test(whole.after)) continue;
    const parts = amounts.filter(
      (num) =>
        num.block === whole.block &&
        num.order > whole.order &&
        whole.after.includes(num.number.raw) &&
        taxCompatible(num, whole),
    );
    if (parts.length < 2) continue;
    out.push(sumCandidate(whole, parts, false, '« dont »', 0));
  }
  return out;
}

/** A balance stated in words: « Dépenses = …, Recettes = …, d'où un excédent de … » (or a déficit). */
export function balancesInWords({ amounts }: Scope): Candidate[] {
  const out: Candidate[] = [];
  for (let index = 2; index < amounts.length; index++) {
    const result = amounts[index]!;
    const words = fold(result.before);
    const kind = /excedent/u.test(words)
      ? 'excedent'
      : /deficit/u.test(words)
        ? 'deficit'
        : /(solde|resultat)/u.test(words)
          ? 'solde'
          : undefined;
    if (!kind) continue;
    const [a, b] = [amounts[index - 2]!, amounts[index - 1]!];
    const label = (num: Num) => fold(num.table?.rowLabel ?? num.before);
    const income = [a, b].find((num) => /recette/u.test(label(num)));
    const spending = [a, b].find((num) => /depense/u.test(label(num)));
    if (!income || !spending || income === spending) continue;
    out.push({
      shape: 'somme',
      target: result,
      operands: [income, spending],
      expression: (ref) =>
        kind === 'deficit' ? `${ref(spending)} - ${ref(income)}` : `${ref(income)} - ${ref(spending)}`,
      strong: kind !== 'solde',
      near: 0.05,
      cue:
        kind === 'deficit'
          ? 'déficit = dépenses − recettes'
          : `${kind === 'excedent' ? 'excédent' : 'solde'} = recettes − dépenses`,
      named: true,
    });
  }
  return out;
}

const ZERO = new Decimal(0);
const HUNDRED = new Decimal(100);
const THOUSAND = new Decimal(1000);
/** Half a unit of the last written digit, by number of decimals (0,5 ; 0,05 ; …): made once, not for every run. */
const halfUnits: Decimal[] = [];
const halfUnit = (decimals: number) => (halfUnits[decimals] ??= new Decimal(10).pow(-decimals).div(2));

/** Runs of consecutive amounts (or counts) that sum exactly to the number just before or after them. */
export function runs({ nums }: Scope): Candidate[] {
  const out: Candidate[] = [];
  for (const kind of ['amount', 'count'] as const) {
    const sequence = nums.filter((num) => num.kind === kind && !num.number.value.isZero() && !inTableTotal(num));
    // Each number's value as a float, to leave at once a run whose sum is far from the target (an estimate, never a
    // verdict: a run the floats cannot rule out is decided with decimals, as before).
    const floats = sequence.map((num) => num.number.value.toNumber());
    for (let from = 0; from < sequence.length; from++) {
      for (let length = 2; length <= 4 && from + length <= sequence.length; length++) {
        const run = sequence.slice(from, from + length);
        // The run's sum and its slack do not depend on the target: made once, when a target first asks for them.
        let nominal: Decimal | undefined;
        let runSlack: Decimal | undefined;
        let floatSum = 0;
        let floatSize = 0;
        for (let index = from; index < from + length; index++) {
          floatSum += floats[index]!;
          floatSize += Math.abs(floats[index]!);
        }
        for (const [target, at] of [
          [sequence[from - 1], from - 1],
          [sequence[from + length], from + length],
        ] as const) {
          if (!target) continue;
          // The slack is at most half a unit per number (at most 0,5 each, 2,5 for five numbers): a float gap beyond
          // it by more than the floats' own error cannot hold at the written precision.
          const gap = Math.abs(floatSum - floats[at]!);
          if (gap - 2.5 > 1e-9 * (floatSize + Math.abs(floats[at]!) + 1)) continue;
          const significant =
            kind === 'count'
              ? target.number.value.gte(HUNDRED)
              : target.number.value.gte(THOUSAND) || !target.number.value.isInteger();
          if (!significant || !run.every((num) => taxCompatible(num, target))) continue;
          // Only an exact sum is reported here: leave at once what cannot hold at the written precision.
          nominal ??= run.reduce((acc, num) => acc.add(num.number.value), ZERO);
          runSlack ??= run.reduce((acc, num) => acc.add(halfUnit(num.number.decimals)), ZERO);
          const slack = halfUnit(target.number.decimals).add(runSlack);
          if (nominal.sub(target.number.value).abs().gt(slack)) continue;
          // Round figures (a tariff grid: 1 000, 2 000, 3 000) add up by chance too often to be read as a sum.
          const round = kind === 'count' ? 10 : 1000;
          if ([target, ...run].every((num) => num.number.value.mod(round).isZero())) continue;
          out.push(
            sumCandidate(
              target,
              run,
              false,
              kind === 'count' ? 'des effectifs qui se suivent' : 'des montants qui se suivent',
              0,
            ),
          );
        }
      }
    }
  }
  return out;
}
