/**
 * The shape of a session's frontmatter, with French keys (docs/format.md) and French messages: the organisation,
 * the date and hour, the attendance and its movements, the figures the PV states, the rule settings.
 */
import { z } from 'zod';
import { hour, isoDate, name, names, regimeRule, text, yamlNumber } from './schema-values.js';

const attendanceRow = z.strictObject({
  nom: name,
  pouvoir: names.optional(),
  voix: yamlNumber.optional(),
  'suppleant-de': name.optional(),
});

const attendanceRows = z.array(attendanceRow, { error: 'doit être une liste de présents (« - { nom: …, voix: … } »)' });

const movement = z
  .strictObject({
    arrivee: name.optional(),
    depart: name.optional(),
    retrait: name.optional(),
    avant: yamlNumber.optional(),
    point: yamlNumber.optional(),
    'pouvoir-a': name.optional(),
  })
  .superRefine((value, context) => {
    const kinds = (['arrivee', 'depart', 'retrait'] as const).filter((kind) => value[kind] !== undefined);
    if (kinds.length !== 1) {
      context.addIssue({
        code: 'custom',
        message:
          kinds.length === 0
            ? 'un mouvement doit dire qui arrive, part ou se retire : « arrivee: NOM », « depart: NOM » ou « retrait: NOM »'
            : `un mouvement ne peut avoir qu'une seule de ces clés : ${kinds.join(', ')} (écrivez deux mouvements)`,
      });
      return;
    }
    const kind = kinds[0]!;
    if (kind === 'retrait' && value.point === undefined) {
      context.addIssue({ code: 'custom', message: 'un retrait doit dire le point concerné : « point: 2 »' });
    }
    if (kind !== 'retrait' && value.avant === undefined) {
      context.addIssue({
        code: 'custom',
        message: `${kind === 'arrivee' ? 'une arrivée' : 'un départ'} doit dire avant quel point : « avant: 3 »`,
      });
    }
    if (kind !== 'depart' && value['pouvoir-a'] !== undefined) {
      context.addIssue({
        code: 'custom',
        message: 'seul un départ peut donner pouvoir (« pouvoir-a »)',
        path: ['pouvoir-a'],
      });
    }
  });

export const RULE_SETTINGS = ['off', 'warn', 'error', 'info'] as const;

const ruleSetting = z.enum(RULE_SETTINGS, {
  error: 'doit valoir off, warn, error ou info',
});

export const sessionShape = z.strictObject({
  organisation: z.union([z.string().trim().min(1), z.record(z.string(), z.unknown())], {
    error: "doit être l'identifiant d'un organisme (« somme-numerique ») ou ses clés (nom, colleges…)",
  }),
  instance: text.optional(),
  numero: yamlNumber.optional(),
  date: isoDate,
  heure: hour.optional(),
  lieu: text.optional(),
  modalite: z
    .enum(['presentiel', 'teleconference', 'mixte'], { error: 'doit valoir presentiel, teleconference ou mixte' })
    .optional(),
  'base-legale-teleconference': text.optional(),
  convocation: isoDate.optional(),
  president: name.optional(),
  'delegation-presidence': text.optional(),
  secretaires: names.optional(),
  'approbation-pv': isoDate.optional(),
  regime: z
    .union([z.literal('ordinaire'), z.strictObject(regimeRule)], {
      error: 'doit valoir « ordinaire » ou décrire le régime (« quorum », « pouvoirs », « source »)',
    })
    .optional(),
  ordonnateur: name.optional(),
  presents: attendanceRows.optional(),
  'presents-teleconference': attendanceRows.optional(),
  excuses: z.array(name, { error: 'doit être une liste de noms' }).optional(),
  absents: z.array(name, { error: 'doit être une liste de noms' }).optional(),
  mouvements: z.array(movement, { error: 'doit être une liste de mouvements' }).optional(),
  annonce: z
    .strictObject({
      presents: yamlNumber.optional(),
      representes: yamlNumber.optional(),
      voix: yamlNumber.optional(),
      'en-exercice': yamlNumber.optional(),
      absents: yamlNumber.optional(),
      votants: yamlNumber.optional(),
      'suffrages-exprimes': yamlNumber.optional(),
      'majorite-absolue': yamlNumber.optional(),
      'quorum-atteint': z.boolean({ error: 'doit valoir true ou false' }).optional(),
    })
    .optional(),
  minutier: z
    .strictObject({
      regles: z
        .record(z.string(), ruleSetting, { error: 'doit associer des règles à off, warn, error ou info' })
        .optional(),
    })
    .optional(),
});

export type SessionData = z.infer<typeof sessionShape>;
