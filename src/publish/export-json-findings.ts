import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { severityOf, type Severity } from '../model/severity.js';
import type { ExportFinding } from './export-json-schema.js';

/** The export's names of the severities (`info`, not `information`: the published schema says so). */
const SEVERITE: Record<Severity, 'erreur' | 'avertissement' | 'info'> = {
  error: 'erreur',
  warning: 'avertissement',
  info: 'info',
};

/** Every message of the file as an export finding, at its place. */
export function exportFindings(file: VFile): ExportFinding[] {
  return file.messages.map((message) => {
    const place = message.place;
    const start = place && 'start' in place ? place.start : place;
    const end = place && 'end' in place ? place.end : undefined;
    const data = message as VFileMessage & { expected?: unknown; actual?: unknown; note?: unknown };
    return {
      regle: message.ruleId ?? null,
      severite: SEVERITE[severityOf(message)],
      message: message.reason,
      fichier: message.file || file.path,
      ligne: start?.line ?? null,
      colonne: start?.column ?? null,
      finLigne: end?.line ?? null,
      finColonne: end?.column ?? null,
      ...(Array.isArray(data.expected) && data.expected.length ? { attendu: String(data.expected[0]) } : {}),
      ...(data.actual !== undefined && data.actual !== null ? { ecrit: String(data.actual) } : {}),
      ...(typeof data.note === 'string' ? { note: data.note } : {}),
    };
  });
}
