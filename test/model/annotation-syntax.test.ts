import { describe, expect, it } from 'vitest';
import {
  annotationLengthAtStart,
  annotationsIn,
  tokenizeAnnotation,
  withoutAnnotations,
  writeAnnotation,
} from '../../src/model/annotation-syntax.js';

describe('the annotation grammar', () => {
  it('finds annotations and leaves other braces as text', () => {
    const text = '564 614,75 €{#excedent = a + b} et {{#each this}} et {texte} et 3{ <= plafond}';
    expect(annotationsIn(text).map((found) => found.raw)).toEqual(['{#excedent = a + b}', '{ <= plafond}']);
    expect(withoutAnnotations(text)).toBe('564 614,75 € et {{#each this}} et {texte} et 3');
  });

  it('measures the annotation right after a number, one space allowed', () => {
    expect(annotationLengthAtStart('{= x} suite')).toBe(5);
    expect(annotationLengthAtStart(' {#nom} suite')).toBe(7);
    expect(annotationLengthAtStart('  {#nom}')).toBe(0);
    expect(annotationLengthAtStart('{texte}')).toBe(0);
  });

  it('cuts a content into name, operator, expression and tolerance, with their indexes', () => {
    expect(tokenizeAnnotation('#eco ≤ total ± 10 %')).toMatchObject({
      name: { value: 'eco', at: 1 },
      operator: { value: '<=', typed: '≤', at: 5 },
      expression: { value: 'total', at: 7 },
      tolerance: { at: 15 },
    });
    expect(tokenizeAnnotation('#nom')).toEqual({ name: { value: 'nom', at: 1 } });
  });

  it('says what is wrong with a malformed content', () => {
    expect(tokenizeAnnotation('# 1')).toEqual({ fault: 'name' });
    expect(tokenizeAnnotation('#nom total')).toEqual({ fault: 'operator' });
    expect(tokenizeAnnotation('= a ± b')).toEqual({ fault: 'tolerance' });
    expect(tokenizeAnnotation('>= ')).toEqual({ fault: 'expression', operator: '>=' });
    expect(tokenizeAnnotation('  ')).toEqual({ fault: 'empty' });
  });

  it('writes an annotation', () => {
    expect(writeAnnotation('nom')).toBe('{#nom}');
    expect(writeAnnotation('nom', '= a + b')).toBe('{#nom = a + b}');
    expect(writeAnnotation(undefined, '>= a')).toBe('{>= a}');
  });
});
