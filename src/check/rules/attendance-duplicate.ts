import { displayName } from '../../model/names.js';
import type { PersonRef } from '../../model/types.js';
import type { Rule } from '../rule.js';
import { keyOf, rows, ruleDocs } from './shared.js';

const id = 'attendance-duplicate';

const LIST_NAMES = { present: 'les présents', excuse: 'les excusés', absent: 'les absents' } as const;

/** L2121-15: the members present and represented are listed once; nobody is both present and excused or absent. */
export const attendanceDuplicate: Rule = {
  meta: {
    id,
    description: 'Personne n’est nommé deux fois parmi les présents, ni à la fois présent et excusé ou absent.',
    severity: 'error',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    const seen = new Map<string, { ref: PersonRef; list: keyof typeof LIST_NAMES }>();
    const lists: Array<[keyof typeof LIST_NAMES, PersonRef[]]> = [
      ['present', rows(session).map((row) => row.person)],
      ['excuse', session.attendance?.excused ?? []],
      ['absent', session.attendance?.absent ?? []],
    ];
    for (const [list, refs] of lists) {
      for (const ref of refs) {
        const key = keyOf(ref);
        const first = seen.get(key);
        if (!first) {
          seen.set(key, { ref, list });
          continue;
        }
        const where = `ligne ${first.ref.position.start.line}`;
        report({
          message:
            first.list === list
              ? `${displayName(ref.name)} figure deux fois parmi ${LIST_NAMES[list]} (déjà ${where}).`
              : `${displayName(ref.name)} figure parmi ${LIST_NAMES[list]} et parmi ${LIST_NAMES[first.list]} (${where}).`,
          place: ref.position,
        });
      }
    }
  },
};
