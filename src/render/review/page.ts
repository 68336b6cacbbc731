/** The review page around the marked PV: counts, the list of findings, the unplaced ones. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { Text as MdastText } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import type { VFileMessage } from 'vfile-message';
import type { Session } from '../../model/types.js';
import { defaultTemplatesDir } from '../assets.js';
import { agree, formatDate, formatNumber } from '../../model/french.js';
import type { RenderOptions } from '../documents/layout.js';
import { severityTitle } from '../../model/severity.js';
import { rangeOf, severityOf, type Finding, type Pending, type ReviewSeverity } from './findings.js';
import { applyInsertions, bodyStart, markableCopy, markBody, markFrontmatter, type Insertion } from './source.js';
import { markAnchors, resolveMarkers, resolvePending, type Context } from './tree.js';
import { reviewFragment } from './fragment.js';
import {
  attachToSections,
  expectedOf,
  note,
  placeLabel,
  placeNotes,
  restoreNumericCells,
  stripMarkers,
} from './notes.js';

// ─── The page ──────────────────────────────────────────────────────────────────────────────────────────────────

let compiled: Handlebars.TemplateDelegate | undefined;
let reviewCss: string | undefined;

function template(): Handlebars.TemplateDelegate {
  if (!compiled) {
    const handlebars = Handlebars.create();
    compiled = handlebars.compile(readFileSync(path.join(defaultTemplatesDir(), 'review.hbs'), 'utf8'), {
      strict: false,
    });
  }
  return compiled;
}

function css(): string {
  reviewCss ??= readFileSync(path.join(defaultTemplatesDir(), 'review.css'), 'utf8');
  return reviewCss;
}

function listEntry(finding: Finding) {
  const { message, n, severity } = finding;
  return {
    n,
    severity,
    severityLabel: severityTitle(severity),
    ruleId: message.ruleId ?? message.source ?? 'constat',
    url: message.url && /^https?:\/\//.test(message.url) ? message.url : undefined,
    where: placeLabel(message),
    reason: message.reason,
    expected: expectedOf(message),
    actual: message.actual ?? undefined,
    computation: message.note ?? undefined,
    href: `#finding-${n}`,
    placed: Boolean(finding.placed),
  };
}

function counted(count: number, singular: string) {
  return `${formatNumber(count)}\u00A0${agree(count, singular)}`;
}

/**
 * The review page of a session: the PV with every finding highlighted in place and explained beside it, and the
 * list of findings. `messages` are the vfile messages of `checkFiles` for this session's file.
 */
export function renderReview(session: Session, messages: readonly VFileMessage[], options: RenderOptions = {}): string {
  const findings: Finding[] = messages.map((message, index) => ({
    n: index + 1,
    message,
    severity: severityOf(message),
    ...(() => {
      const range = rangeOf(message, session.source);
      return range ? { range } : {};
    })(),
  }));

  // 1. Mark the copy of the session.
  const copy = markableCopy(session);
  const insertions = new Map<MdastText, Insertion[]>();
  const pending: Pending[] = [];
  const start = bodyStart(session);
  for (const finding of findings) {
    if (!finding.range) continue;
    if (finding.range.start >= start) markBody(copy, insertions, finding, finding.range);
    else markFrontmatter(copy, finding, finding.range, pending);
  }
  for (const [node, list] of insertions) node.value = applyInsertions(node.value, list);

  // 2. Render it, and turn the markers into marks.
  const { tree, css: styles } = reviewFragment(copy, options);
  const context: Context = { findings: new Map(findings.map((f) => [f.n, f])), marks: new Map(), anchors: [] };
  resolveMarkers(tree, context);
  markAnchors(tree, context);
  resolvePending(tree, pending, context);
  restoreNumericCells(tree);
  stripMarkers(tree);
  placeNotes(tree, context);
  attachToSections(tree, session, findings);

  // 3. The page around it.
  const count = (severity: ReviewSeverity) => findings.filter((f) => f.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const infos = count('info');
  const unplaced = findings.filter((f) => !f.placed);
  return template()({
    title: `Relecture — ${session.organisation.name.value.trim()} — séance du ${formatDate(session.date.value)}`,
    kicker: errors > 0 ? 'Relecture — à corriger avant signature' : 'Relecture',
    sessionPath: session.path,
    css: `${styles}\n${css()}`,
    counts: [
      { severity: 'error', label: counted(errors, 'erreur'), count: errors },
      { severity: 'warning', label: counted(warnings, 'avertissement'), count: warnings },
      { severity: 'info', label: counted(infos, 'information'), count: infos },
    ],
    total: findings.length,
    findings: findings.map(listEntry),
    unplaced: unplaced.map((finding) => ({ ...listEntry(finding), noteHtml: toHtml(note(finding, true)) })),
    pvHtml: toHtml(tree),
  });
}
