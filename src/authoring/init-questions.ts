import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileSlug } from '../model/document-names.js';
import { ORGANISATION_ID } from '../parse/organisation.js';
import { FORMES, positive, resolveForme, splitNames, type InitAnswers, type InitValues } from './init-answers.js';
import { AuthoringError, type Ask } from './shared.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

/** This minutier's version, the default dependency of the new repository. */
function version(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Fills what flags did not give: by asking (on a terminal) or with the CGCT defaults. */
export async function completeInit(values: InitValues, ask: Ask | undefined): Promise<InitAnswers> {
  let forme = values.forme ? resolveForme(values.forme) : undefined;
  if (!forme) {
    if (!ask)
      throw new AuthoringError(
        '--forme manque : commune, communaute ou syndicat (ou la forme exacte, par exemple « syndicat mixte »).',
      );
    forme = resolveForme(
      await ask.select(
        'Quelle est la forme de l’organisme ?',
        FORMES.map((f) => ({ value: f.forme, label: f.forme })),
      ),
    );
  }
  let nom = values.nom?.trim();
  if (!nom) {
    if (!ask)
      throw new AuthoringError(
        '--nom manque : le nom de l’organisme, par exemple --nom Saint-Exemple pour une commune.',
      );
    nom = await ask.text(
      forme.kind === 'commune' ? 'Le nom de la commune (sans « Commune de ») ?' : 'Son nom, tel que le PV le cite ?',
      {
        placeholder: forme.kind === 'commune' ? 'Saint-Exemple' : 'Somme Numérique',
        required: true,
      },
    );
  }
  let id =
    values.id ??
    (ask
      ? await ask.text('Identifiant (nom du fichier organisations/<id>.yml) ?', { initial: fileSlug(nom) })
      : fileSlug(nom));
  id = id.trim();
  if (!ORGANISATION_ID.test(id)) {
    throw new AuthoringError(
      `--id : « ${id} » n'est pas un identifiant : minuscules, chiffres et tirets, par exemple « saint-exemple ».`,
    );
  }
  const instance =
    values.instance ?? (ask ? await ask.text('Instance des séances ?', { initial: forme.instance }) : forme.instance);
  let president = values.president;
  if (president === undefined && ask) {
    const answer = await ask.text(
      forme.kind === 'commune'
        ? 'Le maire (« NOM Prénom », vide : plus tard) ?'
        : 'Le président de l’organisme (« NOM Prénom », vide : plus tard) ?',
      { initial: '' },
    );
    if (answer.trim() !== '') president = answer.trim();
  }
  let joursFrancs = values.joursFrancs;
  let habitants = values.habitants;
  if (joursFrancs === undefined) {
    if (forme.kind === 'commune') {
      if (habitants === undefined && ask) {
        habitants = (await ask.confirm('La commune a-t-elle 3 500 habitants ou plus ?', false)) ? 3500 : 1;
      }
      // L2121-11 (moins de 3 500 habitants) : 3 jours francs ; L2121-12 : 5.
      joursFrancs = habitants !== undefined && habitants >= 3500 ? 5 : 3;
    } else {
      joursFrancs = 5; // L5211-1 : les règles des communes de 3 500 habitants et plus.
    }
  }
  let sieges = values.sieges;
  if (sieges === undefined && ask) {
    const answer = await ask.text(
      'Combien de sièges (membres en exercice) ? (vide : le nombre de membres de la liste)',
      { initial: '' },
    );
    if (answer.trim() !== '') sieges = positive(answer, 'sièges');
  }
  let colleges = values.colleges;
  if (colleges === undefined && ask && forme.kind !== 'commune') {
    colleges = [];
    if (await ask.confirm('Les membres sont-ils répartis en collèges aux délégués ou voix différents ?', false)) {
      for (;;) {
        const collegeNom = await ask.text(`Collège ${colleges.length + 1} : son nom ? (vide : fin des collèges)`, {
          initial: '',
        });
        if (collegeNom.trim() === '') break;
        const delegues = positive(
          await ask.text('Délégués désignés par chaque membre ?', { initial: '1' }),
          'délégués',
        );
        const voix = positive(await ask.text('Voix de chaque délégué ?', { initial: '1' }), 'voix');
        const membres = positive(await ask.text('Nombre de membres du collège ?', { initial: '1' }), 'membres');
        colleges.push({ id: fileSlug(collegeNom).slice(0, 40), nom: collegeNom.trim(), delegues, voix, membres });
      }
    }
  }
  let membres = values.membres;
  if (membres === undefined && ask) {
    membres = splitNames(
      await ask.text(
        'Les membres, « NOM Prénom » séparés par des points-virgules (vous pourrez compléter le fichier) ?',
        { initial: '' },
      ),
    );
  }
  let quorum = values.quorum;
  if (quorum === undefined && ask) {
    quorum = await ask.select('Qui compte pour le quorum ?', [
      { value: 'presents' as const, label: 'les membres présents (CGCT, L2121-17)' },
      { value: 'presents-et-representes' as const, label: 'les membres présents ou représentés (selon vos statuts)' },
    ]);
  }
  let pouvoirs = values.pouvoirs;
  if (pouvoirs === undefined && ask) {
    pouvoirs = positive(await ask.text('Pouvoirs détenus au plus par un même membre ?', { initial: '1' }), 'pouvoirs');
  }
  return {
    ...values,
    dir: values.dir,
    nom,
    forme: forme.forme,
    id,
    instance: instance.trim() || forme.instance,
    joursFrancs,
    colleges: colleges ?? [],
    membres: membres ?? [],
    quorum: quorum ?? 'presents',
    seuil: values.seuil ?? '1/2',
    pouvoirs: pouvoirs ?? 1,
    minutier: values.minutier ?? `^${version()}`,
    force: values.force,
    ...(habitants !== undefined ? { habitants } : {}),
    ...(sieges !== undefined ? { sieges } : {}),
    ...(president !== undefined ? { president } : {}),
  };
}
