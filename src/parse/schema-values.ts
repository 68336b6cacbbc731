/**
 * The values the frontmatter and the organisation file share, in zod 4 with French messages: a number as YAML
 * gives it, a name, a text, an ISO date, an hour, a legal regime.
 */
import { z } from 'zod';

const NUMBER_HINT = 'doit être un nombre, par exemple « 2 » ou « "2,5" » (virgule décimale entre guillemets)';

/** A number as YAML gives it; the exact value is read again from the source text of the scalar. */
export const yamlNumber = z.union([z.number(), z.string()], { error: NUMBER_HINT });

export const name = z
  .string({ error: 'doit être un nom, par exemple « DUPONT Jean »' })
  .trim()
  .min(1, 'ne peut pas être vide');
export const text = z.string({ error: 'doit être un texte' }).trim().min(1, 'ne peut pas être vide');

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const isoDate = z
  .string({ error: 'doit être une date écrite AAAA-MM-JJ, par exemple « 2022-06-28 »' })
  .trim()
  .superRefine((value, context) => {
    if (!/^\d{4}-\d{2}-\d{2}$/u.test(value)) {
      context.addIssue({
        code: 'custom',
        message: `la date « ${value} » doit s'écrire AAAA-MM-JJ, par exemple « 2022-06-28 »`,
      });
    } else if (!isRealDate(value)) {
      context.addIssue({
        code: 'custom',
        message: `la date « ${value} » n'existe pas dans le calendrier : vérifiez le jour et le mois`,
      });
    }
  });

export const HOUR = /^(\d{1,2})\s*h\s*(\d{2})?$/u;

/** Minutes since midnight of "17h30", "9h", or undefined when it is not a valid hour. */
export function parseHour(value: string): number | undefined {
  const match = HOUR.exec(value.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  if (hours > 23 || minutes > 59) return undefined;
  return hours * 60 + minutes;
}

export const hour = z
  .union([z.string(), z.number()], { error: 'doit être une heure écrite comme « 17h30 »' })
  .transform((value) => String(value).trim())
  .superRefine((value, context) => {
    if (parseHour(value) === undefined) {
      context.addIssue({
        code: 'custom',
        message: HOUR.test(value)
          ? `l'heure « ${value} » n'existe pas : les heures vont de 0h00 à 23h59`
          : `l'heure « ${value} » doit s'écrire comme « 17h30 » (heures, « h », minutes)`,
      });
    }
  });

export const names = z.union([name, z.array(name)], { error: 'doit être un nom ou une liste de noms' });

const fraction = z.string({ error: 'doit être une fraction écrite « 1/2 » ou « 1/3 »' });

/** A legal regime: its quorum, its proxy rule, and its legal basis (docs/format.md, « Régimes datés »). */
export const regimeRule = {
  quorum: z
    .strictObject({
      seuil: fraction.optional(),
      compte: z
        .enum(['presents', 'presents-et-representes'], {
          error: 'doit valoir « presents » ou « presents-et-representes »',
        })
        .optional(),
    })
    .optional(),
  pouvoirs: z.strictObject({ maximum: yamlNumber }).optional(),
  source: text,
};
