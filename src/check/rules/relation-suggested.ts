import { compare, fromWritten, point, type Interval } from '../arith/interval.js';
import { arithmeticValue } from '../../model/numbers.js';
import { definitions, expectedAt, isParsed, numberText, relations, writeLike } from '../arith/session.js';
import { evaluate, isExprError, parseExpression, references, type Binding } from '../expr/index.js';
import { deliberationNumbers, type Num } from '../suggest/numbers.js';
import { editPlace, nameEdit, Names, relationEdit, type Edit } from '../suggest/names.js';
import { candidates, type Candidate } from '../suggest/shapes.js';
import type { Session } from '../../model/types.js';
import type { Finding, Rule } from '../rule.js';

const id = 'relation-suggested';

/** The sets of numbers (by source offset) that each declared relation ties together. */
function declaredSets(session: Session): Array<Set<number>> {
  const { byName } = definitions(session);
  const sets: Array<Set<number>> = [];
  for (const relation of relations(session)) {
    const set = new Set<number>();
    const own = relation.annotation.number.position.start.offset;
    if (own !== undefined) set.add(own);
    // A relation that does not read (a misspelt name, a syntax error) is still the author's: it covers every
    // relation of its number until relation-reference's finding is fixed.
    if (!isParsed(relation) || references(relation.expr).some((reference) => !byName.has(reference.name))) {
      sets.push(Object.assign(set, { wildcard: true }));
      continue;
    }
    {
      for (const reference of references(relation.expr)) {
        for (const annotation of byName.get(reference.name) ?? []) {
          const offset = annotation.number.position.start.offset;
          if (offset !== undefined) set.add(offset);
        }
      }
    }
    sets.push(set);
  }
  return sets;
}

const placeholder = (num: Num) => `n${num.item}x${num.order}`;

interface Outcome {
  holds: boolean;
  shown: string;
  computed: ReturnType<typeof fromWritten>;
  details: string[];
}

/**
 * What the candidates of one session read of each number, made once: its interval as written, its binding as an
 * operand (many candidates share their numbers). Intervals and bindings are never modified.
 */
class Readings {
  private readonly intervals = new Map<Num, Interval>();
  private readonly bindings = new Map<Num, Binding>();

  written(num: Num): Interval {
    let value = this.intervals.get(num);
    if (!value) this.intervals.set(num, (value = fromWritten(num.number)));
    return value;
  }

  operand(num: Num): Binding {
    let binding = this.bindings.get(num);
    if (!binding) {
      // Rates, durations and head counts are exact (terms of a contract, a count); amounts keep their interval. The
      // check is then at least as strict as relation-holds will be on the accepted annotation.
      const value = num.kind === 'amount' ? this.written(num) : point(arithmeticValue(num.number));
      this.bindings.set(num, (binding = { value, text: numberText(num.number) }));
    }
    return binding;
  }
}

function check(candidate: Candidate, readings: Readings): Outcome | undefined {
  const environment = new Map<string, Binding>();
  for (const num of candidate.operands) environment.set(placeholder(num), readings.operand(num));
  const expr = parseExpression(candidate.expression(placeholder));
  if (isExprError(expr)) return undefined;
  const evaluation = evaluate(expr, environment);
  if (isExprError(evaluation)) return undefined;
  const holds = compare(readings.written(candidate.target), candidate.operator ?? '=', evaluation.value).holds;
  return { holds, shown: evaluation.shown, computed: evaluation.value, details: evaluation.details };
}

/** Relative distance between the written target and the computed value's nominal. */
function distance(target: Num, computed: Outcome['computed'], readings: Readings): number {
  const written = readings.written(target).nominal;
  if (written.isZero()) return Infinity;
  return computed.nominal.sub(written).abs().div(written.abs()).toNumber();
}

/**
 * Relations a deliberation's numbers satisfy without being declared: each one found exactly is offered as the
 * annotation that would declare it (an information with a suggestion); one the words announce but that misses by a
 * little is a warning explaining the arithmetic.
 */
export const relationSuggested: Rule = {
  meta: {
    id,
    description:
      'Les relations qu’un procès-verbal affirme entre ses montants (somme annoncée, HT/TTC, pourcentage, coût unitaire, FCTVA, emprunt, reprise) sont vérifiées sans annotation ; celles qui tiennent sont proposées comme annotations.',
    severity: 'warn',
    docs: `docs/rules/${id}.md`,
  },
  check({ session, report }) {
    const declared = declaredSets(session);
    const names = new Names(session);
    const targeted = new Set<number>();
    const done = new Set<string>();
    const covered = (members: Num[]) =>
      declared.some((set) =>
        'wildcard' in set
          ? members.some((num) => set.has(num.start))
          : set.size === new Set(members.map((num) => num.start)).size && members.every((num) => set.has(num.start)),
      );
    const hasRelation = (num: Num) => num.annotation?.operator !== undefined;
    const all = deliberationNumbers(session);
    const readings = new Readings();

    all.forEach((deliberation, index) => {
      const list = candidates(deliberation, all.slice(0, index));
      // Group the ways of writing one relation (several VAT rates, several loan periodicities).
      const groups: Candidate[][] = [];
      for (const candidate of list) {
        const last = groups.at(-1);
        if (candidate.group && last?.[0]?.group === candidate.group) last.push(candidate);
        else groups.push([candidate]);
      }
      for (const group of groups) {
        const first = group[0]!;
        const key = `${first.group ?? first.shape}:${first.target.start}:${first.operands.map((num) => num.start).join(',')}`;
        if (done.has(key)) continue;
        done.add(key);
        let reported = false;
        for (const original of group) {
          let candidate: Candidate | undefined = original;
          if (hasRelation(candidate.target) || targeted.has(candidate.target.start))
            candidate = candidate.alternative?.();
          if (!candidate || hasRelation(candidate.target) || targeted.has(candidate.target.start)) continue;
          if (covered([candidate.target, ...candidate.operands])) {
            reported = true;
            break;
          }
          const outcome = check(candidate, readings);
          if (!outcome?.holds) continue;
          suggest(candidate, outcome);
          reported = true;
          break;
        }
        if (reported) continue;
        // Nothing holds: a warning when the words announce the relation and it misses by a little.
        for (const candidate of group) {
          if (!candidate.strong || hasRelation(candidate.target) || targeted.has(candidate.target.start)) continue;
          if (covered([candidate.target, ...candidate.operands])) break;
          const outcome = check(candidate, readings);
          if (!outcome || outcome.holds) continue;
          if (distance(candidate.target, outcome.computed, readings) > candidate.near) continue;
          warn(candidate, outcome);
          break;
        }
      }
    });

    function suggest(candidate: Candidate, outcome: Outcome): void {
      const expression = candidate.expression((num) => names.of(num));
      const edits: Edit[] = [];
      for (const operand of candidate.operands) {
        const edit = nameEdit(operand, names);
        if (edit) edits.push(edit);
      }
      edits.push(relationEdit(candidate.target, expression, names, candidate.named, candidate.operator));
      targeted.add(candidate.target.start);
      const target = candidate.target.number.raw.trim();
      const annotation = edits.at(-1)!.text;
      const finding: Finding = {
        message: `${target} ${candidate.operator ?? '='} ${outcome.shown} (${candidate.cue}) : l’annotation « ${annotation} » déclarerait cette relation`,
        place: candidate.target.number.position,
        severity: 'info',
        edits: edits.map((edit) => ({ place: editPlace(session, edit), text: edit.text })),
      };
      report(finding);
    }

    function warn(candidate: Candidate, outcome: Outcome): void {
      const number = candidate.target.number;
      const scale = number.unit === '%' ? 100 : 1;
      const computed = {
        ...outcome.computed,
        lo: outcome.computed.lo.mul(scale),
        hi: outcome.computed.hi.mul(scale),
        nominal: outcome.computed.nominal.mul(scale),
      };
      const expected = expectedAt(number, computed);
      const computedText = writeLike(number.raw, computed.nominal, number.decimals);
      const writtenText = writeLike(number.raw, number.value, number.decimals);
      const gap = (distance(candidate.target, outcome.computed, readings) * 100).toLocaleString('fr-FR', {
        maximumFractionDigits: 2,
      });
      const details = outcome.details.length > 0 ? ` (${outcome.details.join(' ; ')})` : '';
      targeted.add(candidate.target.start);
      report({
        message: `${number.raw.trim()} ne vaut pas ${outcome.shown} (${candidate.cue})`,
        place: number.position,
        expected: expected.text,
        actual: number.raw.trim(),
        note: `${outcome.shown} = ${computedText}, et non ${writtenText} : écart de ${gap} %${details}${candidate.explain ? ` ; ${candidate.explain}` : ''}. Si la relation est voulue autrement, déclarez-la en annotation.`,
      });
    }
  },
};
