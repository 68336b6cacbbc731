/**
 * The French words of the pipeline's notes (src/pipeline/sessions.ts, the output folder's lock): skipped links and
 * written annotations are signed « minutier : », a lost lock is marked ✗, the rest is said as is.
 */
import type { BuildNotice } from '../pipeline/index.js';
import type { SkippedFile } from '../pipeline/check-files.js';

function skippedText(skipped: SkippedFile): string {
  switch (skipped.why) {
    case 'same-file':
      return `${skipped.file} : même fichier que ${skipped.first} (lien symbolique), déjà lu : ignoré.`;
    case 'broken-link':
      return `${skipped.file} : lien symbolique cassé (sa cible n'existe pas) : ignoré.`;
    case 'outside':
      return (
        `${skipped.file} : lien symbolique vers ${skipped.target}, hors du dépôt (${skipped.boundary}) : ignoré. ` +
        'Copiez la séance dans le dépôt, ou indiquez-la explicitement sur la ligne de commande.'
      );
  }
}

/** The line printed for a note of the pipeline. */
export function noticeText(notice: BuildNotice): string {
  switch (notice.kind) {
    case 'skipped':
      return `minutier : ${skippedText(notice)}`;
    case 'fixed': {
      const plural = notice.applied > 1 ? 's' : '';
      return `minutier : ${notice.applied} annotation${plural} écrite${plural} dans ${notice.file}`;
    }
    case 'nothing':
      return notice.changedSince
        ? `Aucune séance modifiée depuis ${notice.changedSince} : rien à vérifier.`
        : notice.shard
          ? `Aucune séance dans la part ${notice.shard.index}/${notice.shard.count} : rien à traiter.`
          : 'Aucune séance (fichier .md) à traiter.';
    case 'lock-wait':
      return (
        `Un autre build écrit dans ${notice.folder} (verrou ${notice.lock}) : attente de sa fin pour ne pas mélanger les index et les caches ` +
        `(le verrou d'un build interrompu est repris après ${notice.staleSeconds} s)…`
      );
    case 'lock-lost':
      return `✗ Verrou ${notice.lockfile} perdu pendant le build (${notice.error}) : un autre build a pu écrire dans ${notice.folder} en même temps ; relancez le build.`;
  }
}
