/** The build reports events as values; the command line words each one, in French, as it always has. */
import { describe, expect, it } from 'vitest';
import { buildEventText } from '../../src/cli/build-events.js';

const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });

describe('the words of the build events', () => {
  it.each([
    [
      { kind: 'session-unreadable', path: 'sessions/a.md' },
      '✗ sessions/a.md : séance illisible, non produite (voir les erreurs ci-dessus).',
    ],
    [
      { kind: 'session-namesake', path: 'b/a.md', namesake: 'sessions/a.md' },
      "✗ b/a.md : non produite, sessions/a.md porte le même nom et ses documents seraient écrasés ; renommez l'un des deux fichiers.",
    ],
    [
      {
        kind: 'session-output-conflict',
        path: 'sessions/index.md',
        conflict: { output: 'index.html', index: 'index.html' },
      },
      "✗ sessions/index.md : non produite, son document index.html serait écrasé par la page d'index (index.html) ; renommez le fichier de la séance.",
    ],
    [
      {
        kind: 'session-output-conflict',
        path: 'sessions/b.md',
        conflict: { output: 'A.html', owner: 'sessions/a.md' },
      },
      "✗ sessions/b.md : non produite, son document A.html porte le nom d'un document de sessions/a.md, qui serait écrasé ; renommez le fichier de la séance.",
    ],
    [
      { kind: 'session-has-errors', path: 'sessions/a.md' },
      '✗ sessions/a.md : non produite, elle contient des erreurs (--strict).',
    ],
    [
      { kind: 'render-failed', path: 'sessions/a.md', output: 'a.html', error: new Error('gabarit cassé') },
      '✗ sessions/a.md : rendu impossible (a.html) : gabarit cassé',
    ],
    [
      { kind: 'print-failed', output: 'a.pdf', error: new Error('le navigateur a échoué') },
      '✗ a.pdf : le navigateur a échoué',
    ],
    [{ kind: 'open-data-problem', line: 'sessions/a.md:1:1 : SIRET manquant' }, 'sessions/a.md:1:1 : SIRET manquant'],
    [
      { kind: 'open-data-refused', path: 'sessions/a.md', output: 'a.csv' },
      '✗ sessions/a.md : a.csv non écrit, des valeurs obligatoires manquent (--strict).',
    ],
    [{ kind: 'browser-missing', reason: 'aucun navigateur trouvé.' }, 'PDF non produits : aucun navigateur trouvé.'],
  ] as const)('%o', (event, text) => {
    expect(buildEventText(event)).toBe(text);
  });

  it('a file the system refuses to write: the reason in French', () => {
    expect(buildEventText({ kind: 'write-failed', output: 'a.html', error: denied })).toMatch(
      /^✗ a\.html : écriture impossible \(.+\)\.$/u,
    );
    expect(buildEventText({ kind: 'print-failed', output: 'a.pdf', error: denied })).toMatch(
      /^✗ a\.pdf : écriture impossible \(.+\)$/u,
    );
    expect(buildEventText({ kind: 'index-failed', error: denied })).toMatch(
      /^✗ index\.html : écriture impossible \(.+\)\.$/u,
    );
  });
});
