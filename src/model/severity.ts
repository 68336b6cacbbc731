/**
 * The three severities of a finding, as vfile encodes them in `fatal` (true: error, false: warning, unset: info),
 * with their French names. The one table the reporters and the review page share.
 */
export type Severity = 'error' | 'warning' | 'info';

/** Most serious first. */
export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** French name, lower case as inside a sentence ("2 erreurs"); see severityTitle for a label on its own. */
export const SEVERITY_LABEL_FR: Record<Severity, string> = {
  error: 'erreur',
  warning: 'avertissement',
  info: 'information',
};

/** Severity of a vfile message. */
export function severityOf(message: { fatal?: boolean | null | undefined }): Severity {
  if (message.fatal === true) return 'error';
  if (message.fatal === false) return 'warning';
  return 'info';
}

/** French name with a capital, for a label standing alone ("Erreur"). */
export function severityTitle(severity: Severity): string {
  const label = SEVERITY_LABEL_FR[severity];
  return label.charAt(0).toUpperCase() + label.slice(1);
}
