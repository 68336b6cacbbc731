import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { checkFiles, expandPaths } from '../../src/pipeline/check-files.js';

const good = `---
organisation:
  nom: Syndicat exemple
  delegues:
    - { nom: MARTIN Anne }
    - { nom: DURAND Paul }
    - { nom: PETIT Louise }
instance: Comité syndical
date: 2022-06-28
heure: 17h30
lieu: à la mairie
president: MARTIN Anne
secretaires: [DURAND Paul]
presents:
  - { nom: MARTIN Anne }
  - { nom: DURAND Paul, pouvoir: PETIT Louise }
excuses: [PETIT Louise]
---

## Délibérations

### 1. Budget

Adoptée par 2 voix pour et 2 voix contre

La séance est levée à 19h00
`;

describe('checkFiles', () => {
  it('hands each parsed session over before its rules run, and leaves the errors of that hand-over to the caller', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'minutier-parsed-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    await writeFile(path.join(dir, 'a.md'), good);
    const seen: Array<{ session: boolean; ruleFindings: number }> = [];
    const [file] = await checkFiles(['a.md'], {
      cwd: dir,
      onParsed: (parsed) => {
        const ruleFindings = parsed.messages.filter((m) => !m.ruleId?.startsWith('parse-')).length;
        seen.push({ session: parsed.data.session !== undefined, ruleFindings });
      },
    });
    expect(seen).toEqual([{ session: true, ruleFindings: 0 }]);
    // The rules ran after: 2 pour + 2 contre = 4 voix, the organisation has 3 delegates.
    expect(file!.messages.some((m) => m.ruleId && !m.ruleId.startsWith('parse-'))).toBe(true);

    const failing = checkFiles(['a.md'], {
      cwd: dir,
      onParsed: () => {
        throw new Error('disque plein');
      },
    });
    await expect(failing).rejects.toThrow('disque plein');
  });

  it('expands folders to their sorted *.md files without README.md, and checks each one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'minutier-files-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    await mkdir(path.join(dir, 'sessions'));
    await writeFile(path.join(dir, 'sessions', 'b.md'), good);
    await writeFile(path.join(dir, 'sessions', 'a.md'), '---\n: : :\n---\n');
    await writeFile(path.join(dir, 'sessions', 'README.md'), '# Séances');
    await writeFile(path.join(dir, 'sessions', 'notes.txt'), '');
    expect((await expandPaths(['sessions'], dir)).map((file) => path.basename(file))).toEqual(['a.md', 'b.md']);

    const files = await checkFiles(['sessions', 'absent.md'], { cwd: dir });
    expect(files.map((file) => file.path)).toEqual(['sessions/a.md', 'sessions/b.md', 'absent.md']);
    // The broken session is reported on its own file; the next one is still checked.
    expect(files[0]!.messages.some((message) => message.fatal)).toBe(true);
    const voteCount = files[1]!.messages.find((message) => message.ruleId === 'vote-count');
    expect(voteCount?.reason).toBe('Le vote compte 4 votants mais le point 1 a 3 votants.');
    expect(voteCount?.line).toBe(24);
    expect(files[2]!.messages[0]!.reason).toBe('Fichier introuvable : absent.md');
  });
});
