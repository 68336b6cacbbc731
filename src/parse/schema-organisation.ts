/**
 * The shape of an organisation (organisations/<id>.yml, or inline under `organisation:` in the frontmatter), with
 * French keys (docs/format.md) and French messages.
 */
import { z } from 'zod';
import { siretProblem } from '../model/siret.js';
import { delibIdPatternProblem } from '../model/delib-id.js';
import { isoDate, name, regimeRule, text, yamlNumber } from './schema-values.js';

export const organisationShape = z.strictObject({
  nom: text,
  forme: text.optional(),
  instance: text.optional(),
  president: name.optional(),
  'composition-source': text.optional(),
  colleges: z
    .array(
      z.strictObject({
        id: z
          .string({ error: 'doit être un identifiant, par exemple « departement »' })
          .regex(
            /^[a-z0-9][a-z0-9-]*$/u,
            'un identifiant de collège ne contient que des minuscules, chiffres et tirets',
          ),
        nom: text,
        membres: yamlNumber.optional(),
        delegues: yamlNumber,
        voix: yamlNumber.optional(),
      }),
      { error: 'doit être une liste de collèges' },
    )
    .optional(),
  'total-voix': yamlNumber.optional(),
  'delegues-en-exercice': yamlNumber.optional(),
  suppleants: z.boolean({ error: 'doit valoir true ou false' }).optional(),
  quorum: z
    .strictObject({
      base: z.enum(['membres', 'voix'], { error: 'doit valoir « membres » ou « voix »' }).optional(),
      compte: z
        .enum(['presents', 'presents-et-representes'], {
          error: 'doit valoir « presents » ou « presents-et-representes »',
        })
        .optional(),
      seuil: z.string({ error: 'doit être une fraction écrite « 1/2 » ou « 1/3 »' }).optional(),
      texte: text.optional(),
      source: text.optional(),
    })
    .optional(),
  pouvoirs: z
    .strictObject({
      maximum: yamlNumber.optional(),
      source: text.optional(),
    })
    .optional(),
  convocation: z.strictObject({ 'jours-francs': yamlNumber.optional() }).optional(),
  regimes: z
    .array(z.strictObject({ du: isoDate, au: isoDate, ...regimeRule }), {
      error:
        'doit être une liste de régimes (« - { du: 2020-03-24, au: 2020-08-30, quorum: …, pouvoirs: …, source: … } »)',
    })
    .optional(),
  delegues: z
    .array(
      z.strictObject({
        nom: name,
        civilite: z.enum(['M.', 'Mme'], { error: 'doit valoir « M. » ou « Mme »' }).optional(),
        college: z.string({ error: "doit être l'identifiant d'un collège" }).optional(),
        voix: yamlNumber.optional(),
      }),
      { error: 'doit être une liste de délégués (« - { nom: …, voix: … } »)' },
    )
    .optional(),
  templates: text.optional(),
  // Open-data publication (docs/publication.md).
  siret: z
    .union([z.string(), z.number()], {
      error: 'doit être un numéro SIRET de 14 chiffres, par exemple « "21860194600013" »',
    })
    .transform((value) => String(value).trim())
    .superRefine((value, context) => {
      const problem = siretProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  'publication-url': z
    .url({
      protocol: /^https?$/u,
      error: 'doit être une adresse web complète, par exemple « https://www.exemple.fr/deliberations/ »',
    })
    .optional(),
  'delib-id': text
    .superRefine((value, context) => {
      const problem = delibIdPatternProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  matieres: z
    .record(
      z.string().regex(/^[1-9](\.\d{1,2}){0,4}$/u, 'une clé de « matieres » est un code ACTES, par exemple « 7.1 »'),
      text,
      {
        error: 'doit associer des codes ACTES à leurs noms, par exemple « "7.1": Décisions budgétaires »',
      },
    )
    .optional(),
});

export type OrganisationData = z.infer<typeof organisationShape>;
