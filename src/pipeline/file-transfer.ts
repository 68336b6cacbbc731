/**
 * A checked session file sent from a worker thread to the main thread and rebuilt there: its path, its decoded text,
 * its findings (every own field of each message, `data` included) and its organisation file's findings. What the
 * report and `--fix` read is carried; the session model (`data.session`) is not: `check` does not print it.
 */
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';

type Fields = Record<string, unknown>;

export interface TransferredFile {
  path: string;
  value: string | undefined;
  messages: Fields[];
  organisation?: { path: string; value: string | undefined; messages: Fields[] };
}

const fieldsOf = (message: VFileMessage): Fields => ({ ...message });

function text(value: VFile['value']): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function toTransfer(file: VFile): TransferredFile {
  const out: TransferredFile = { path: file.path, value: text(file.value), messages: file.messages.map(fieldsOf) };
  const organisation = file.data.organisationFile;
  if (organisation) {
    out.organisation = {
      path: organisation.path,
      value: text(organisation.value),
      messages: organisation.messages.map(fieldsOf),
    };
  }
  return out;
}

function message(fields: Fields): VFileMessage {
  return Object.assign(Object.create(VFileMessage.prototype) as VFileMessage, fields);
}

function rebuilt(path: string, value: string | undefined, messages: Fields[], cwd: string): VFile {
  const file = new VFile(value === undefined ? { path, cwd } : { path, cwd, value });
  file.messages.push(...messages.map(message));
  return file;
}

/**
 * The file as the serial check would have made it. Sessions that share an organisation file share one VFile for it,
 * as they do in one process (the report lists it once).
 */
export function fromTransfer(transferred: TransferredFile, cwd: string, organisations: Map<string, VFile>): VFile {
  const file = rebuilt(transferred.path, transferred.value, transferred.messages, cwd);
  const organisation = transferred.organisation;
  if (organisation) {
    let shared = organisations.get(organisation.path);
    if (!shared) {
      shared = rebuilt(organisation.path, organisation.value, organisation.messages, cwd);
      organisations.set(organisation.path, shared);
    }
    file.data.organisationFile = shared;
  }
  return file;
}
