/** The French words of what the build reports while it runs (src/pipeline/progress.ts): one line per event. */
import { fileSystemReason } from '../pipeline/output-folder.js';
import type { BuildEvent, OutputConflict } from '../pipeline/progress.js';

function conflictText(conflict: OutputConflict): string {
  return 'index' in conflict
    ? `son document ${conflict.output} serait écrasé par la page d'index (${conflict.index})`
    : `son document ${conflict.output} porte le nom d'un document de ${conflict.owner}, qui serait écrasé`;
}

const messageOf = (error: unknown): string => (error as Error).message;

/** The line printed for an event of the build. */
export function buildEventText(event: BuildEvent): string {
  switch (event.kind) {
    case 'session-unreadable':
      return `✗ ${event.path} : séance illisible, non produite (voir les erreurs ci-dessus).`;
    case 'session-namesake':
      return `✗ ${event.path} : non produite, ${event.namesake} porte le même nom et ses documents seraient écrasés ; renommez l'un des deux fichiers.`;
    case 'session-output-conflict':
      return `✗ ${event.path} : non produite, ${conflictText(event.conflict)} ; renommez le fichier de la séance.`;
    case 'session-has-errors':
      return `✗ ${event.path} : non produite, elle contient des erreurs (--strict).`;
    case 'render-failed':
      return `✗ ${event.path} : rendu impossible (${event.output}) : ${messageOf(event.error)}`;
    case 'write-failed':
      return `✗ ${event.output} : écriture impossible (${fileSystemReason(event.error)}).`;
    case 'print-failed': {
      const written = (event.error as NodeJS.ErrnoException).code !== undefined;
      const reason = written ? `écriture impossible (${fileSystemReason(event.error)})` : messageOf(event.error);
      return `✗ ${event.output} : ${reason}`;
    }
    case 'open-data-problem':
      return event.line;
    case 'open-data-refused':
      return `✗ ${event.path} : ${event.output} non écrit, des valeurs obligatoires manquent (--strict).`;
    case 'index-failed':
      return `✗ index.html : écriture impossible (${fileSystemReason(event.error)}).`;
    case 'browser-missing':
      return `PDF non produits : ${event.reason}`;
  }
}
