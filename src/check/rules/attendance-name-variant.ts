import { displayName, isSpellingVariant } from '../../model/names.js';
import type { PersonRef } from '../../model/types.js';
import type { Rule } from '../rule.js';
import { allRefs, delegateOf, fileOf, keyOf, ruleDocs } from './shared.js';

const id = 'attendance-name-variant';

/** L2121-15 names the members present and represented: one person, one spelling, the roster's. */
export const attendanceNameVariant: Rule = {
  meta: {
    id,
    description: 'Un nom est écrit comme dans la liste des délégués (ou, sans liste, comme ses autres occurrences).',
    severity: 'warn',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    const refs = allRefs(session).map(({ ref }) => ref);
    const unmatched: PersonRef[] = [];
    for (const ref of refs) {
      const delegate = delegateOf(session, ref);
      if (!delegate) {
        unmatched.push(ref);
        continue;
      }
      if (!isSpellingVariant(ref.name, delegate.name)) continue;
      report({
        message: `« ${displayName(ref.name)} » est écrit « ${delegate.name} » dans la liste des délégués.`,
        place: ref.position,
        ...fileOf(ref),
        expected: delegate.name,
        actual: displayName(ref.name),
        suggestion: delegate.name,
      });
    }
    // Without a roster entry: the spelling used most often (the first one on a tie) is the reference.
    const groups = new Map<string, PersonRef[]>();
    for (const ref of unmatched) groups.set(keyOf(ref), [...(groups.get(keyOf(ref)) ?? []), ref]);
    for (const group of groups.values()) {
      const counts = new Map<string, number>();
      for (const ref of group) counts.set(displayName(ref.name), (counts.get(displayName(ref.name)) ?? 0) + 1);
      let reference = displayName(group[0]!.name);
      for (const [spelling, count] of counts) if (count > counts.get(reference)!) reference = spelling;
      const first = group.find((ref) => displayName(ref.name) === reference)!;
      for (const ref of group) {
        if (!isSpellingVariant(ref.name, reference)) continue;
        report({
          message: `« ${displayName(ref.name)} » est écrit « ${reference} » ailleurs dans la séance (ligne ${first.position.start.line}).`,
          place: ref.position,
          ...fileOf(ref),
          expected: reference,
          actual: displayName(ref.name),
          suggestion: reference,
        });
      }
    }
  },
};
