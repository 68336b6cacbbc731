/**
 * Findings as plain data, and back: so that they can cross a worker thread, or wait in the build cache for the next
 * run, and come back as the same vfile messages (reporters print them identically).
 */
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

export interface PlainMessage {
  reason: string;
  place?: VFileMessage['place'];
  ruleId?: string;
  source?: string;
  fatal?: boolean | null;
  url?: string;
  expected?: string[];
  actual?: string;
  note?: string;
  data?: unknown;
}

export interface PlainFile {
  path: string;
  value: string;
  messages: PlainMessage[];
  /** The organisation file's own findings, when it has any. */
  organisation?: PlainFile;
}

function plainMessage(message: VFileMessage): PlainMessage {
  const plain: PlainMessage = { reason: message.reason };
  if (message.place) plain.place = message.place;
  if (message.ruleId) plain.ruleId = message.ruleId;
  if (message.source) plain.source = message.source;
  if (message.fatal !== undefined) plain.fatal = message.fatal;
  if (message.url) plain.url = message.url;
  if (message.expected) plain.expected = message.expected;
  if (message.actual !== undefined && message.actual !== null) plain.actual = message.actual;
  if (message.note) plain.note = message.note;
  const data = (message as { data?: unknown }).data;
  if (data !== undefined) plain.data = JSON.parse(JSON.stringify(data));
  return plain;
}

export function toPlainFile(file: VFile): PlainFile {
  const plain: PlainFile = {
    path: file.path,
    value: file.value === undefined ? '' : String(file.value),
    messages: file.messages.map(plainMessage),
  };
  const organisation = file.data.organisationFile;
  if (organisation && organisation.messages.length > 0) plain.organisation = toPlainFile(organisation);
  return plain;
}

/** A VFile carrying the same messages. Organisation files shared by several sessions come back as one object. */
export function fromPlainFile(plain: PlainFile, cwd: string, organisations = new Map<string, VFile>()): VFile {
  const file = new VFile({ path: plain.path, value: plain.value, cwd });
  for (const message of plain.messages) {
    const restored = file.message(message.reason, {
      ...(message.place ? { place: message.place } : {}),
      ...(message.ruleId ? { ruleId: message.ruleId } : {}),
      ...(message.source ? { source: message.source } : {}),
    });
    restored.fatal = message.fatal ?? undefined;
    if (message.url) restored.url = message.url;
    if (message.expected) restored.expected = message.expected;
    if (message.actual !== undefined) restored.actual = message.actual;
    if (message.note) restored.note = message.note;
    if (message.data !== undefined) (restored as { data?: unknown }).data = message.data;
  }
  if (plain.organisation) {
    let organisation = organisations.get(plain.organisation.path);
    if (!organisation) {
      organisation = fromPlainFile(plain.organisation, cwd, organisations);
      organisations.set(plain.organisation.path, organisation);
    }
    file.data.organisationFile = organisation;
  }
  return file;
}
