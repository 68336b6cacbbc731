/** The pipeline's notes are values; the command line words each one, in French, as it always has. */
import { describe, expect, it } from 'vitest';
import { noticeText } from '../../src/cli/notices.js';

describe('the words of the notes', () => {
  it.each([
    [
      { kind: 'skipped', file: 'sessions/b.md', why: 'same-file', first: 'sessions/a.md' },
      'minutier : sessions/b.md : même fichier que sessions/a.md (lien symbolique), déjà lu : ignoré.',
    ],
    [
      { kind: 'skipped', file: 'sessions/c.md', why: 'broken-link' },
      "minutier : sessions/c.md : lien symbolique cassé (sa cible n'existe pas) : ignoré.",
    ],
    [
      { kind: 'skipped', file: 'sessions/d.md', why: 'outside', target: '/ailleurs/d.md', boundary: '/depot' },
      'minutier : sessions/d.md : lien symbolique vers /ailleurs/d.md, hors du dépôt (/depot) : ignoré. Copiez la séance dans le dépôt, ou indiquez-la explicitement sur la ligne de commande.',
    ],
    [{ kind: 'fixed', file: 'sessions/a.md', applied: 1 }, 'minutier : 1 annotation écrite dans sessions/a.md'],
    [{ kind: 'fixed', file: 'sessions/a.md', applied: 3 }, 'minutier : 3 annotations écrites dans sessions/a.md'],
    [{ kind: 'nothing' }, 'Aucune séance (fichier .md) à traiter.'],
    [{ kind: 'nothing', changedSince: 'main' }, 'Aucune séance modifiée depuis main : rien à vérifier.'],
    [{ kind: 'nothing', shard: { index: 2, count: 3 } }, 'Aucune séance dans la part 2/3 : rien à traiter.'],
    [
      { kind: 'lock-wait', folder: 'output/', lock: '.minutier.lock', staleSeconds: 30 },
      "Un autre build écrit dans output/ (verrou .minutier.lock) : attente de sa fin pour ne pas mélanger les index et les caches (le verrou d'un build interrompu est repris après 30 s)…",
    ],
    [
      { kind: 'lock-lost', lockfile: 'output/.minutier.lock', folder: 'output/', error: 'Unable to update lock' },
      '✗ Verrou output/.minutier.lock perdu pendant le build (Unable to update lock) : un autre build a pu écrire dans output/ en même temps ; relancez le build.',
    ],
  ] as const)('%o', (notice, text) => {
    expect(noticeText(notice)).toBe(text);
  });
});
