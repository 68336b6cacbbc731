/**
 * The review page's PV fragment is built by splicing the body's tree into the parsed templates
 * (src/render/review/fragment.ts): it must be the very tree parse5 builds from the whole HTML, as the page was made
 * before — every fixture session, and the bodies and templates where the splice is refused.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it, onTestFinished } from 'vitest';
import { checkFiles } from '../../src/pipeline/check-files.js';
import type { Session } from '../../src/model/types.js';
import { renderSessionFragment } from '../../src/render/documents/pv.js';
import { reviewFragment, splicedFragment } from '../../src/render/review/fragment.js';
import { parseFragment } from '../../src/render/review/tree.js';

const root = path.resolve(import.meta.dirname, '../..');

function sessionFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && entry.name !== 'README.md')
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The fragment as the review page made it before: the whole HTML, parsed. */
function parsed(session: Session, templatesDir?: string) {
  const options = templatesDir ? { templatesDir } : {};
  const rendered = renderSessionFragment(session, options);
  return { html: toHtml(parseFragment(rendered.html)), css: rendered.css };
}

function spliced(session: Session, templatesDir?: string) {
  const fragment = splicedFragment(session, templatesDir ? { templatesDir } : {});
  return fragment && { html: toHtml(fragment.tree), css: fragment.css };
}

/** The same HTML and the same stylesheet (compared apart: a stylesheet inlines fonts, too long to print). */
function expectSame(
  actual: { html: string; css: string } | undefined,
  expected: { html: string; css: string },
  what = '',
) {
  expect(actual, `${what} spliced`).toBeDefined();
  expect(actual!.html, what).toBe(expected.html);
  expect(actual!.css === expected.css, `${what} same stylesheet`).toBe(true);
}

async function sessionsOf(paths: string[], cwd = root): Promise<Session[]> {
  const files = await checkFiles(paths, { cwd });
  return files.map((file) => file.data.session as Session | undefined).filter((s): s is Session => s !== undefined);
}

/** A session of its own: the sample's frontmatter with `body` as its body. */
async function withBody(body: string, lineEnding = '\n'): Promise<Session> {
  const dir = mkdtempSync(path.join(tmpdir(), 'minutier-fragment-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(path.join(root, 'organisations'), path.join(dir, 'organisations'), { recursive: true });
  const sample = readFileSync(path.join(root, 'sessions/2022-06-28-comite-syndical.md'), 'utf8');
  const frontmatter = /^---\n[\s\S]*?\n---\n/.exec(sample)![0];
  writeFileSync(path.join(dir, 'seance.md'), `${frontmatter}\n${body}`.replace(/\n/g, lineEnding));
  const [session] = await sessionsOf(['seance.md'], dir);
  expect(session, 'the session parses').toBeDefined();
  return session!;
}

describe('the review fragment spliced from the body tree', () => {
  it('is the parsed HTML of every fixture session, and is spliced for each', async () => {
    const paths = [...sessionFiles('sessions'), ...sessionFiles('test/fixtures')];
    const sessions = await sessionsOf(paths);
    expect(sessions.length).toBeGreaterThanOrEqual(35);
    for (const session of sessions) {
      expectSame(spliced(session), parsed(session), session.path);
    }
  }, 120_000);

  it('reads line endings as parse5 does (a file written with CR LF is spliced, same bytes)', async () => {
    const session = await withBody('## 1 – Budget\n\nUn texte\nsur deux lignes, 1 234 €.\n', '\r\n');
    expect(session.source).toContain('\r\n');
    expectSame(spliced(session), parsed(session));
  });

  it.each([
    ['a newline opening a <pre>', '<pre>\n\nligne après un saut</pre>\n'],
    ['a table caption', '<table><caption>Titre</caption><tr><td>1</td></tr></table>\n'],
    ['a block in a link', '<div><a href="https://example.org"><p>Un bloc dans un lien</p></a></div>\n'],
  ])('refuses to splice a body holding %s, and gives the parsed tree all the same', async (_, body) => {
    const session = await withBody(`${body}\n## 1 – Budget\n\nUn texte.\n`);
    expect(spliced(session)).toBeUndefined();
    const fragment = reviewFragment(session);
    expectSame({ html: toHtml(fragment.tree), css: fragment.css }, parsed(session));
  });

  it('refuses to splice where the templates put the body in a paragraph, and gives the parsed tree', async () => {
    const [session] = await sessionsOf(['sessions/2023-03-14-conseil-municipal.md']);
    const dir = mkdtempSync(path.join(tmpdir(), 'minutier-fragment-templates-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const pv = readFileSync(path.join(root, 'templates/pv.hbs'), 'utf8');
    writeFileSync(path.join(dir, 'pv.hbs'), pv.replace('{{{bodyHtml}}}', '<p><b>Corps :\n{{{bodyHtml}}}'));
    expect(spliced(session!, dir)).toBeUndefined();
    const fragment = reviewFragment(session!, { templatesDir: dir });
    expectSame({ html: toHtml(fragment.tree), css: fragment.css }, parsed(session!, dir));
  });
});
