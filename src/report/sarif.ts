/**
 * SARIF 2.1.0 for GitHub code scanning: one run, every known rule in `tool.driver.rules`, one result per finding.
 * `partialFingerprints` come from what the finding means (rule, file, reason without line numbers, the text it points
 * at), never from its line, so an alert keeps its identity when lines are added above it.
 */
import { readFileSync } from 'node:fs';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type * as Sarif from 'sarif';
import {
  dataOf,
  editsOf,
  fullText,
  inFileOrder,
  levelOf,
  rangeOf,
  regionText,
  repoPath,
  type Level,
} from './findings.js';

export const SARIF_SCHEMA_URI =
  'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json';
export const DEFAULT_INFORMATION_URI = 'https://github.com/minutier/minutier';
export const DEFAULT_DOCS_BASE = 'https://github.com/minutier/minutier/blob/main/';
/** The ruleId given to messages that have none (a parse problem, for instance). */
export const UNCLASSIFIED_RULE_ID = 'unclassified';
/** Our fingerprint key, and the one GitHub uses to track alerts (we fill it so it does not hash the line). */
export const FINGERPRINT_KEY = 'minutierFinding/v1';

/** A rule as the check engine describes it (RuleMeta in src/check/rule.ts), or with an absolute help URI. */
export interface ReportRule {
  id: string;
  description: string;
  /** 'error', 'warn' (or 'warning'), 'info'. */
  severity: string;
  /** Documentation path in the repository ('docs/rules/<id>.md') or an absolute URL. */
  docs?: string;
  helpUri?: string;
}

export interface SarifOptions {
  cwd?: string;
  /** Every rule minutier knows, so code scanning can show rules that found nothing too. */
  rules?: ReportRule[];
  toolVersion?: string;
  informationUri?: string;
  /** Base URL that relative `docs` paths are resolved against. */
  docsBaseUrl?: string;
}

const SARIF_LEVEL: Record<Level, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

export function sarifLevel(severity: string | undefined): Sarif.ReportingConfiguration.level {
  if (severity === 'error') return 'error';
  if (severity === 'info' || severity === 'note') return 'note';
  if (severity === 'off' || severity === 'none') return 'none';
  return 'warning';
}

export function sarifLog(files: VFile[], options: SarifOptions = {}): Sarif.Log {
  const cwd = options.cwd ?? process.cwd();
  const docsBase = options.docsBaseUrl ?? DEFAULT_DOCS_BASE;
  const located = inFileOrder(files);

  const rules: Sarif.ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const addRule = (rule: ReportRule): void => {
    if (ruleIndex.has(rule.id)) return;
    ruleIndex.set(rule.id, rules.length);
    const helpUri = rule.helpUri ?? absoluteDocs(rule.docs, docsBase);
    rules.push({
      id: rule.id,
      shortDescription: { text: rule.description },
      ...(helpUri ? { helpUri } : {}),
      defaultConfiguration: { level: sarifLevel(rule.severity) },
    });
  };
  for (const rule of options.rules ?? []) addRule(rule);
  // Rules that reported but were not listed (a plugin's, or an unclassified message) still need a descriptor.
  for (const { message } of located) addRule(ruleFromMessage(message));

  const seen = new Map<string, number>();
  const results: Sarif.Result[] = located.map(({ file, message }) => {
    const ruleId = message.ruleId ?? UNCLASSIFIED_RULE_ID;
    const uri = encodeUri(repoPath(file, cwd));
    const hash = findingHash(file, message, cwd);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    const region = sarifRegion(message);
    return {
      ruleId,
      ruleIndex: ruleIndex.get(ruleId) ?? -1,
      level: SARIF_LEVEL[levelOf(message)],
      message: { text: fullText(message) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
            ...(region ? { region } : {}),
          },
        },
      ],
      partialFingerprints: {
        [FINGERPRINT_KEY]: `${hash}:${occurrence}`,
        primaryLocationLineHash: `${hash.slice(0, 16)}:${occurrence}`,
      },
      ...sarifFixes(message, uri),
    };
  });

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'minutier',
            informationUri: options.informationUri ?? DEFAULT_INFORMATION_URI,
            semanticVersion: options.toolVersion ?? packageVersion(),
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function sarif(files: VFile[], options: SarifOptions = {}): string {
  return `${JSON.stringify(sarifLog(files, options), null, 2)}\n`;
}

function ruleFromMessage(message: VFileMessage): ReportRule {
  const rule = dataOf(message).rule;
  const id = message.ruleId ?? UNCLASSIFIED_RULE_ID;
  if (rule && rule.id === id) {
    return {
      id,
      description: rule.description ?? id,
      severity: rule.severity ?? 'warn',
      ...(rule.docs ? { docs: rule.docs } : {}),
      ...(message.url ? { helpUri: message.url } : {}),
    };
  }
  return {
    id,
    description: id === UNCLASSIFIED_RULE_ID ? 'Constat sans règle associée (lecture du fichier, par exemple).' : id,
    severity: levelOf(message) === 'error' ? 'error' : levelOf(message) === 'warning' ? 'warn' : 'info',
    ...(message.url ? { helpUri: message.url } : {}),
  };
}

function absoluteDocs(docs: string | undefined, base: string): string | undefined {
  if (!docs) return undefined;
  try {
    return new URL(docs, base).href;
  } catch {
    return undefined;
  }
}

/** The annotations a finding proposes, as one SARIF fix (insertions are empty deleted regions). */
function sarifFixes(message: VFileMessage, uri: string): { fixes?: Sarif.Fix[] } {
  const edits = editsOf(message);
  if (edits.length === 0) return {};
  return {
    fixes: [
      {
        description: { text: 'Déclarer la relation en annotation' },
        artifactChanges: [
          {
            artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
            replacements: edits.map((edit) => ({
              deletedRegion: {
                startLine: edit.start.line,
                startColumn: edit.start.column,
                endLine: edit.end.line,
                endColumn: edit.end.column,
              },
              insertedContent: { text: edit.text },
            })),
          },
        ],
      },
    ],
  };
}

function sarifRegion(message: VFileMessage): Sarif.Region | undefined {
  const range = rangeOf(message);
  if (!range) return undefined;
  const region: Sarif.Region = { startLine: range.start.line, startColumn: range.start.column };
  if (range.end && (range.end.line > range.start.line || range.end.column > range.start.column)) {
    region.endLine = range.end.line;
    region.endColumn = range.end.column;
  }
  return region;
}

/** A repository path as a relative URI reference: each segment percent-encoded, forward slashes kept. */
export function encodeUri(repoRelativePath: string): string {
  return repoRelativePath.split('/').map(encodeURIComponent).join('/');
}

/** Line and column mentions removed from a reason: « ligne 12 », « l. 12 », « colonne 3 », « 12:3-12:9 ». */
export function withoutPositions(reason: string): string {
  return reason
    .replace(/\b\d+:\d+(?:-\d+:\d+)?\b/gu, '')
    .replace(/\b(lignes?|l\.|colonnes?|col\.)\s*\d+(?:\s*(?:à|-|et)\s*\d+)?/giu, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The finding's identity: rule, file, reason without positions, and the text it points at. */
export function findingHash(file: VFile, message: VFileMessage, cwd: string = process.cwd()): string {
  const parts = [
    message.ruleId ?? UNCLASSIFIED_RULE_ID,
    repoPath(file, cwd),
    withoutPositions(message.reason),
    regionText(file, message).replace(/\s+/gu, ' ').trim(),
  ];
  // node:crypto on first use: the other formats never load it (docs/performance.md, « Cold check, round 5 »).
  const { createHash } = process.getBuiltinModule('node:crypto');
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

let cachedVersion: string | undefined;

/** minutier's version from its package.json (src/report and dist/report are both two levels below it). */
function packageVersion(): string {
  if (cachedVersion) return cachedVersion;
  try {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    cachedVersion = manifest.version ?? '0.0.0';
  } catch {
    cachedVersion = '0.0.0';
  }
  return cachedVersion;
}
