import { definitions, isParsed, placeIn, relations, type ParsedRelation } from '../arith/session.js';
import { evaluate, isExprError, references, staticProblems, type NameNode } from '../expr/index.js';
import type { NumberAnnotation, Position } from '../../model/types.js';
import type { Rule } from '../rule.js';

const id = 'relation-reference';

function at(position: Position): string {
  return `ligne ${position.start.line}, colonne ${position.start.column}`;
}

/**
 * The names and expressions of the annotations make sense: every name is defined, once; no definition goes round in
 * a circle; expressions are well formed, call known functions with the right number of arguments, never divide by 0.
 */
export const relationReference: Rule = {
  meta: {
    id,
    description: 'Les noms et expressions des annotations sont bien formés : noms définis une fois, sans cercle.',
    severity: 'error',
    docs: `docs/rules/${id}.md`,
  },
  check({ session, report }) {
    const { byName, environment } = definitions(session);

    for (const [name, places] of byName) {
      if (places.length < 2) continue;
      for (const annotation of places) {
        const others = places.filter((other) => other !== annotation).map((other) => at(other.name!.position));
        report({
          message: `Le nom ${name} est défini deux fois : ici et ${others.join(', ')}`,
          place: annotation.name!.position,
          note: 'Un nom désigne un seul nombre ; renvoyez aux autres occurrences avec {= ' + name + '}.',
        });
      }
    }

    const parsed = relations(session);
    for (const relation of parsed) {
      if (isExprError(relation.expr)) {
        const error = relation.expr;
        report({ message: `Expression invalide : ${error.message}`, place: placeIn(session, relation, error) });
        continue;
      }
      if (!isParsed(relation)) continue;
      const problems = staticProblems(relation.expr, environment);
      for (const problem of problems) {
        const finding: Parameters<typeof report>[0] = {
          message: problem.message.charAt(0).toUpperCase() + problem.message.slice(1),
          place: placeIn(session, relation, problem),
        };
        if (problem.suggestion) finding.suggestion = problem.suggestion;
        report(finding);
      }
      if (problems.length > 0) continue;
      const evaluation = evaluate(relation.expr, environment);
      if (isExprError(evaluation)) {
        report({
          message: evaluation.message.charAt(0).toUpperCase() + evaluation.message.slice(1),
          place: placeIn(session, relation, evaluation),
        });
      }
    }

    reportCycles(parsed, byName, (message, place, note) => report({ message, place, note }), session);
  },
};

/** Names whose definitions refer to each other in a circle: {#a = b + 1} … {#b = a − 1}. */
function reportCycles(
  parsed: ParsedRelation[],
  byName: Map<string, NumberAnnotation[]>,
  report: (message: string, place: Position, note: string) => void,
  session: Parameters<Rule['check']>[0]['session'],
): void {
  const edges = new Map<string, Array<{ to: string; node: NameNode; relation: ParsedRelation }>>();
  for (const relation of parsed) {
    const name = relation.annotation.name?.value;
    if (!name || !isParsed(relation) || byName.get(name)?.[0] !== relation.annotation) continue;
    const list = edges.get(name) ?? [];
    for (const node of references(relation.expr))
      if (byName.has(node.name)) list.push({ to: node.name, node, relation });
    edges.set(name, list);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): void => {
    state.set(name, 'visiting');
    stack.push(name);
    for (const edge of edges.get(name) ?? []) {
      const seen = state.get(edge.to);
      if (seen === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(edge.to)), edge.to];
        report(
          `Définition circulaire : ${cycle.join(' → ')}`,
          placeIn(session, edge.relation, edge.node),
          'Chaque nom doit pouvoir se calculer à partir de nombres qui ne dépendent pas de lui.',
        );
      } else if (seen === undefined) {
        visit(edge.to);
      }
    }
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of edges.keys()) if (!state.has(name)) visit(name);
}
