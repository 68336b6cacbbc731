/** The CLI's help text, in French like everything its users read. */
export const usage = `minutier — procès-verbaux d'assemblées locales : vérifier, puis produire HTML et PDF

Usage :
  minutier init [dossier] [options]                  crée le dépôt des procès-verbaux d'un organisme
  minutier new [--date AAAA-MM-JJ] [options]         prépare le fichier de la prochaine séance
  minutier preview [séance] [--port n]               aperçu du PV, mis à jour à chaque enregistrement
  minutier check [fichiers ou dossiers…] [options]   vérifie les séances (par défaut : sessions/)
  minutier build [fichiers ou dossiers…] [options]   vérifie puis produit les documents (par défaut : sessions/ → output/)
  minutier export [fichiers ou dossiers…] --format json
                                                    écrit sur la sortie le modèle vérifié de chaque séance (JSON,
                                                    schéma docs/schema/session.schema.json)
  minutier --help | --version

Options de check et build :
  --format <nom>          stylish (défaut), json, github, sarif, rdjsonl
  --quiet                 n'affiche que les erreurs
  --max-warnings <n>      échoue au-delà de n avertissements
  --changed-since <réf>   ne traite que les séances modifiées depuis la référence git (toutes si
                          l'organisme, la configuration ou les modèles ont changé)
  --shard <i/n>           ne traite que la part i sur n des séances (répartition stable par chemin,
                          pour construire sur n machines ; voir docs/performance.md)

Options de check :
  --fix                   écrit les annotations que propose relation-suggested (jamais un nombre),
                          puis vérifie à nouveau
  --concurrency <n>       nombre de fils d'exécution qui vérifient les séances, « auto » (défaut : un
                          fil par 12 séances, au plus un pour deux cœurs) ou « off » (un seul) ; le rapport
                          est le même

Options de build :
  --out <dossier>         dossier de sortie (défaut : output/)
  --documents <liste>     pv,liste,extraits (défaut : tous)
  --strict                ne produit pas une séance qui a des erreurs
  --force                 reconstruit même ce qui est à jour

build écrit aussi les données ouvertes SCDL « Délibérations » : output/deliberations.csv et
output/<séance>/deliberations.csv (docs/publication.md) ; avec --strict, une séance à qui manque une valeur
obligatoire (SIRET, matière) n'y est pas écrite.

Exemples :
  npx minutier init --forme commune --nom Saint-Exemple --yes
  npx minutier new --date 2026-12-10 --ordre-du-jour ordre-du-jour.txt
  npx minutier preview
  npx minutier check                                toutes les séances de sessions/
  npx minutier check sessions/2022-06-28-comite-syndical.md --format github
  npx minutier check --fix                          écrit les annotations proposées, puis vérifie à nouveau
  npx minutier build --documents pv --strict
  npx minutier export sessions --format json > seances.json

Aide d'une commande : minutier init --help, minutier new --help, minutier preview --help.

Codes de sortie :
  check   0 sans erreur, 1 erreurs (ou plus d'avertissements que --max-warnings),
          2 usage incorrect, configuration invalide ou incident interne.
  build   0 quand tous les documents sont écrits, même si la vérification a trouvé des erreurs
          (le rapport les affiche ; utilisez check ou --strict pour échouer sur une erreur),
          1 une séance non produite (illisible, nom en double, PDF non imprimé, erreur avec --strict),
          2 usage incorrect, configuration invalide, dossier --out impossible à écrire ou incident interne.
  export  0, ou 1 quand un fichier n'a pas pu être lu comme une séance.
`;
