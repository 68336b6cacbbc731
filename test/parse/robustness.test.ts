import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import { parseText } from './helpers.js';

const SAMPLE = 'sessions/2022-06-28-comite-syndical.md';

/** Never throws; every message has a position, a parse-* rule and a French reason without stack traces. */
async function parsesCleanly(text: string | Uint8Array): Promise<void> {
  const { file } = await parseText(text, 'sessions/aleatoire.md');
  for (const message of file.messages) {
    expect(message.ruleId).toMatch(/^parse-/u);
    expect(message.ruleId).not.toBe('parse-internal');
    expect(message.line).toBeGreaterThanOrEqual(1);
    expect(message.column).toBeGreaterThanOrEqual(1);
    expect(message.reason).not.toMatch(/\n\s+at /u);
  }
}

describe("le parseur ne lève jamais d'exception", () => {
  it('sur des textes quelconques', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (text) => parsesCleanly(text)),
      { numRuns: 150 },
    );
  });

  it('sur des en-têtes YAML quelconques', async () => {
    const yamlish = fc.stringMatching(/^[a-z:\-[\]{}"' \n#&*!|>0-9.,]{0,120}$/u);
    await fc.assert(
      fc.asyncProperty(yamlish, async (body) => parsesCleanly(`---\n${body}\n---\n\nTexte.\n`)),
      { numRuns: 150 },
    );
  });

  it('sur des octets quelconques', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => parsesCleanly(bytes)),
      { numRuns: 100 },
    );
  });

  it('sur des mutations de la séance exemple', async () => {
    const sample = await readFile(SAMPLE, 'utf8');
    const mutation = fc.record({
      at: fc.nat({ max: sample.length - 1 }),
      length: fc.nat({ max: 40 }),
      insert: fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom('{#', '}', '|', '---', '\n', '"', ':', '- ', '{= x}', '  ', '\t', '&a', '*a', '<!--', '-->'),
      ),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        let text = sample;
        for (const { at, length, insert } of mutations) {
          const index = Math.min(at, text.length);
          text = text.slice(0, index) + insert + text.slice(index + length);
        }
        await parsesCleanly(text);
      }),
      { numRuns: 30 },
    );
  });
});
