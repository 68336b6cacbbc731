/**
 * What the author is told about YAML the `yaml` package refuses: its error codes in French, with what to do.
 */

const YAML_MESSAGES: Record<string, string> = {
  MISSING_CHAR: 'Guillemet ou crochet fermant manquant : fermez la valeur commencée ici.',
  BAD_INDENT: 'Indentation incorrecte : alignez cette ligne sur les autres clés du même niveau (avec des espaces).',
  TAB_AS_INDENT: "Tabulation utilisée pour l'indentation : YAML n'accepte que des espaces.",
  DUPLICATE_KEY: "Clé en double : chaque clé ne peut apparaître qu'une fois au même niveau.",
  BLOCK_AS_IMPLICIT_KEY:
    'indentation ou structure incorrecte : alignez cette ligne sur les autres clés du même niveau, ou ajoutez le « : » qui manque.',
  MULTILINE_IMPLICIT_KEY:
    "Une clé ne peut pas s'étendre sur plusieurs lignes : vérifiez le « : » et l'indentation de la ligne précédente.",
  UNEXPECTED_TOKEN: 'Caractère inattendu à cet endroit : vérifiez la ponctuation YAML (« : », « - », guillemets).',
  BAD_SCALAR_START:
    'Une valeur ne peut pas commencer par ce caractère sans guillemets : entourez-la de guillemets ("…").',
  BLOCK_IN_FLOW: 'Une liste ou un ensemble écrit sur plusieurs lignes ne peut pas figurer entre { } ou [ ].',
  BAD_DQ_ESCAPE:
    "Séquence d'échappement invalide entre guillemets doubles (« \\ ») : doublez la barre oblique inverse.",
  MULTIPLE_DOCS: 'Un seul document YAML est permis : retirez la ligne « --- » ou « ... » en trop.',
  BAD_ALIAS: 'Référence (alias « * ») inconnue : aucune ancre « & » de ce nom avant elle.',
  RESOURCE_EXHAUSTION: 'Trop de références (alias « * ») : le document est refusé par sécurité.',
  KEY_OVER_1024_CHARS: 'Clé trop longue (plus de 1 024 caractères).',
  NON_STRING_KEY: 'Une clé doit être un simple mot.',
  BAD_DIRECTIVE: 'Directive YAML (« % ») non reconnue : retirez-la.',
};

export const TOO_DEEP =
  'Imbrication trop profonde (listes ou ensembles les uns dans les autres) : le document est refusé par sécurité.';

/** The `yaml` package reports a stack overflow (deep nesting) with the same code as an alias bomb. */
export function isStackOverflow(english: string): boolean {
  return /call stack/iu.test(english);
}

export function frenchYamlMessage(code: string, english: string): string {
  if (code === 'RESOURCE_EXHAUSTION' && isStackOverflow(english))
    return `Erreur de syntaxe YAML : ${TOO_DEEP.charAt(0).toLowerCase()}${TOO_DEEP.slice(1)}`;
  const known = YAML_MESSAGES[code];
  if (known) return `Erreur de syntaxe YAML : ${known.charAt(0).toLowerCase()}${known.slice(1)}`;
  const firstLine = english.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/u, '') ?? english;
  return `Erreur de syntaxe YAML (${firstLine}) : vérifiez la ponctuation et l'indentation.`;
}

/** The tag as typed (`!!js/function`), or rebuilt from the English message, for a refused tag. */
export function refusedTag(typed: string, english: string): string | undefined {
  const written = /^!\S*/u.exec(typed.trim());
  if (written && written[0].length > 1) return written[0].slice(0, 80);
  const resolved = /Unresolved tag: (\S+)/u.exec(english)?.[1];
  if (!resolved) return undefined;
  const core = /^tag:yaml\.org,2002:(.+)$/u.exec(resolved);
  return (core ? `!!${core[1]}` : resolved).slice(0, 80);
}
