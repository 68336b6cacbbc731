import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

/** The preview's error pages: the session cannot be read, or the preview itself failed. */

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

function where(message: VFileMessage): string {
  return message.line ? `ligne ${message.line}${message.column ? `, colonne ${message.column}` : ''}` : '';
}

/** The page shown when the session cannot be read (YAML being typed, unknown key…): every error where it is. */
export function errorPage(sessionPath: string, files: VFile[], source: string | undefined): string {
  const items: string[] = [];
  for (const file of files) {
    for (const message of file.messages) {
      const lines = typeof file.value === 'string' ? file.value.split(/\r?\n/u) : (source?.split(/\r?\n/u) ?? []);
      const line = message.line ? lines[message.line - 1] : undefined;
      items.push(
        `<li class="${message.fatal ? 'error' : 'warning'}"><p><strong>${escapeHtml(file.path)}</strong>${where(message) ? ` — ${where(message)}` : ''}` +
          ` <code>${escapeHtml(message.ruleId ?? '')}</code></p><p>${escapeHtml(message.reason)}</p>` +
          (line !== undefined
            ? `<pre>${escapeHtml(line)}\n${' '.repeat(Math.max(0, (message.column ?? 1) - 1))}^</pre>`
            : '') +
          '</li>',
      );
    }
  }
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Aperçu — ${escapeHtml(sessionPath)} illisible</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto 4rem;max-width:52rem;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.4rem;color:#a00}li{margin:0 0 1rem}li.error p:first-child{color:#a00}pre{background:#f4f4f4;padding:.5rem;overflow:auto}</style>
</head><body class="preview-error"><h1>La séance ne peut pas être lue</h1>
<p>${escapeHtml(sessionPath)} : corrigez ce qui suit et enregistrez, la page se mettra à jour.</p><ol>${items.join('')}</ol></body></html>`;
}

/** The page shown when the preview itself failed (not the session's fault). */
export function failurePage(text: string): string {
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Aperçu — erreur</title></head><body><h1>L'aperçu n'a pas pu être produit</h1><p>${escapeHtml(text)}</p></body></html>`;
}
