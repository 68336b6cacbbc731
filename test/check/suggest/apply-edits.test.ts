/** The edits `--fix` applies: annotations only, a bare name and an unnamed relation on one number made one. */
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/check/suggest/names.js';

const text = 'Le total de 150 000 € se partage en 120 000 € et 30 000 €{#part}.';
const at = (needle: string) => text.indexOf(needle) + needle.length;

describe('applyEdits', () => {
  it('inserts annotations after the numbers and completes an existing name', () => {
    const { text: fixed, applied } = applyEdits(text, [
      { start: at('150 000 €'), end: at('150 000 €'), text: '{#total = a + part}' },
      { start: at('120 000 €'), end: at('120 000 €'), text: '{#a}' },
      { start: at('30 000 €'), end: at('30 000 €{#part}'), text: '{#part = total - a}' },
    ]);
    expect(applied).toBe(3);
    expect(fixed).toBe(
      'Le total de 150 000 €{#total = a + part} se partage en 120 000 €{#a} et 30 000 €{#part = total - a}.',
    );
  });

  it('makes one named relation of a bare name and an unnamed relation proposed for the same number', () => {
    const place = at('120 000 €');
    const { text: fixed } = applyEdits(text, [
      { start: place, end: place, text: '{#a}' },
      { start: place, end: place, text: '{= autre}' },
    ]);
    expect(fixed).toContain('120 000 €{#a = autre} et');
  });

  it('never writes anything but an annotation, nor over anything but an annotation', () => {
    const { text: fixed, applied } = applyEdits(text, [
      { start: at('Le total de '), end: at('150 000'), text: '{#x}' },
      { start: at('120 000 €'), end: at('120 000 €'), text: '130 000' },
    ]);
    expect(applied).toBe(0);
    expect(fixed).toBe(text);
  });
});
