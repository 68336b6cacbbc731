/**
 * Runs the rules on one session and turns their findings into vfile messages, like remark-lint does:
 * severity from the config file, then from the session's own settings; silencing comments; sorted by place.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { compareMessage } from 'vfile-sort';
import type { Point, Position, RuleSetting, Session } from '../model/types.js';
import type { Finding, Rule, RuleMeta, Severity } from './rule.js';

export interface Config {
  rules: Record<string, RuleSetting>;
}

export interface CheckOptions {
  rules: Rule[];
  config?: Config;
}

export const DOCS_BASE = 'https://github.com/minutier/minutier/blob/main/';

export const ENGINE_INTERNAL: RuleMeta = {
  id: 'engine-internal',
  description: 'Une règle a rencontré une erreur interne : ses constats manquent pour cette séance.',
  severity: 'error',
  docs: 'docs/rules/README.md',
};

/** The severity a rule runs at for this session, or 'off'. The session's frontmatter wins over the config file. */
export function effectiveSetting(meta: RuleMeta, session: Session, config?: Config): RuleSetting {
  return session.ruleSettings?.[meta.id] ?? config?.rules?.[meta.id] ?? meta.severity;
}

/**
 * Parse messages a rule takes over: when the rule runs (or is set to off), the parser's message on the same topic is
 * dropped, so a person missing from the roster is reported once, under a rule the author can configure.
 */
const TAKEN_OVER: Record<string, string> = { 'parse-unknown-person': 'attendance-unknown-person' };

export function checkSession(session: Session, file: VFile, options: CheckOptions): void {
  const produced: VFileMessage[] = [];
  const running = new Set(options.rules.map((rule) => rule.meta.id));
  const kept = file.messages.filter((message) => !(message.ruleId && running.has(TAKEN_OVER[message.ruleId] ?? '')));
  file.messages.length = 0;
  file.messages.push(...kept);
  for (const rule of options.rules) {
    const configured = effectiveSetting(rule.meta, session, options.config);
    if (configured === 'off') continue;
    const setting: Severity = configured;
    const findings: Finding[] = [];
    try {
      rule.check({ session, report: (finding) => findings.push(finding) });
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      produced.push(
        toMessage(file, session, ENGINE_INTERNAL, 'error', {
          message: `La règle « ${rule.meta.id} » a rencontré une erreur interne et n'a pas pu vérifier cette séance : ${reason}`,
          place: { line: 1, column: 1 },
          note: 'Ce n’est pas une faute du procès-verbal ; les autres règles ont été appliquées.',
        }),
      );
      continue;
    }
    for (const finding of findings) {
      const relocated = relocate(finding, session);
      if (isSilenced(session, rule.meta.id, startLine(relocated.place))) continue;
      const severity = severityOf(finding, setting, rule.meta, session, options.config);
      produced.push(toMessage(file, session, rule.meta, severity, relocated));
    }
  }
  // Keep the file's earlier messages (parse problems) and sort everything together by place.
  file.messages.sort(compareMessage);
  produced.sort(compareMessage);
  const merged = [...file.messages, ...produced].sort(compareMessage);
  file.messages.length = 0;
  file.messages.push(...merged);
}

/**
 * A finding may carry its own severity (a rule's secondary, softer finding): it holds unless the config or the session
 * sets the rule's severity, except that an information is never promoted.
 */
function severityOf(finding: Finding, setting: Severity, meta: RuleMeta, session: Session, config?: Config): Severity {
  if (!finding.severity) return setting;
  const overridden = session.ruleSettings?.[meta.id] ?? config?.rules?.[meta.id];
  if (overridden === undefined || finding.severity === 'info') return finding.severity;
  return setting;
}

function toMessage(file: VFile, session: Session, meta: RuleMeta, severity: Severity, finding: Finding): VFileMessage {
  const message = file.message(finding.message, { place: finding.place, ruleId: meta.id, source: 'minutier' });
  // file.message pushed it already: take it back, the engine merges and sorts at the end.
  file.messages.pop();
  message.fatal = severity === 'error' ? true : severity === 'warn' ? false : undefined;
  message.url = DOCS_BASE + meta.docs;
  if (finding.expected !== undefined) message.expected = [finding.expected];
  if (finding.actual !== undefined) message.actual = finding.actual;
  if (finding.note !== undefined) message.note = finding.note;
  (message as VFileMessage & { data?: unknown }).data = {
    suggestion: finding.suggestion,
    rule: meta,
    ...(finding.edits ? { edits: finding.edits } : {}),
  };
  void session;
  return message;
}

function startLine(place: Position | Point): number | undefined {
  return 'start' in place ? place.start.line : place.line;
}

function isSilenced(session: Session, ruleId: string, line: number | undefined): boolean {
  if (line === undefined) return false;
  return (session.disabled ?? []).some(
    (range) => line >= range.from && line <= range.to && (range.ruleIds.length === 0 || range.ruleIds.includes(ruleId)),
  );
}

/**
 * A finding located in the organisation file is reported on the session file, at its `organisation:` key, with a note
 * naming the organisation file and line: one report per session file, which editors and CI annotate reliably.
 */
function relocate(finding: Finding, session: Session): Finding {
  if (!finding.file || finding.file === session.path) return finding;
  const line = startLine(finding.place);
  const column = 'start' in finding.place ? finding.place.start.column : finding.place.column;
  const where = `${finding.file}${line ? `:${line}:${column ?? 1}` : ''}`;
  const located = `Dans le fichier de l’organisme ${where}.`;
  return {
    ...finding,
    file: undefined,
    place: organisationKeyPlace(session),
    note: finding.note ? `${located} ${finding.note}` : located,
  };
}

/**
 * The place of the `organisation:` key in the frontmatter, as the parse stage recorded it (the opening `---` when the
 * session does not have the key).
 */
export function organisationKeyPlace(session: Session): Position {
  return (
    session.keyPositions.organisation ?? {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 1, column: 4, offset: 3 },
    }
  );
}
