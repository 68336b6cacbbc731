import { describe, expect, it } from 'vitest';
import { nameKey } from '../../src/model/names.js';
import type { Delegate, PersonRef } from '../../src/model/types.js';
import { settleByElimination } from '../../src/parse/attendance-names.js';

const delegate = (name: string) => ({ name, key: nameKey(name) }) as Delegate;
const roster = ['MOLOSSI Tobias', 'MOLOSSI Frédéric', 'STERN Olivier', 'SERRES Catherine'].map(delegate);
const ref = (name: string, matched?: string): PersonRef => {
  const person: PersonRef = {
    name,
    key: nameKey(name),
    position: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
  };
  const found = roster.find((entry) => entry.name === matched);
  if (found) person.delegate = found;
  return person;
};

describe('settleByElimination (a name two delegates bear, settled by the rest of the attendance)', () => {
  it('« M. MOLOSSI » présent is Tobias when « M. Frédéric MOLOSSI » gives his proxy (Montreuil, 4 novembre 2020)', () => {
    const present = ref('M. MOLOSSI');
    settleByElimination(
      [present, ref('M. Frédéric MOLOSSI', 'MOLOSSI Frédéric'), ref('M. STERN', 'STERN Olivier')],
      roster,
    );
    expect(present.delegate?.name).toBe('MOLOSSI Tobias');
  });

  it('guesses nothing when both bearers are still open', () => {
    const present = ref('M. MOLOSSI');
    const absent = ref('MOLOSSI');
    settleByElimination([present, absent], roster);
    expect(present.delegate).toBeUndefined();
    expect(absent.delegate).toBeUndefined();
  });

  it('guesses nothing when the other bearer is not named at all', () => {
    const present = ref('M. MOLOSSI');
    settleByElimination([present, ref('M. STERN', 'STERN Olivier')], roster);
    expect(present.delegate).toBeUndefined();
  });
});
