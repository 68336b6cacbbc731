/**
 * The SIRET of the organisation (COLL_SIRET of the SCDL « Délibérations »): 14 digits, the 9 of the SIREN and the 5 of
 * the NIC, whose whole passes the Luhn check — except the establishments of La Poste (SIREN 356 000 000), numbered
 * outside the Luhn scheme: for them the sum of the 14 digits is a multiple of 5 (the rule python-stdnum's
 * `stdnum.fr.siret` applies, which the Validata check `french-siret-value` uses). See docs/publication.md.
 */

const LA_POSTE_SIREN = '356000000';

/** Luhn: from the right, every second digit doubled (minus 9 above 9); the sum is a multiple of 10. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Why a SIRET cannot be one, in French, or undefined when it can be. */
export function siretProblem(value: string): string | undefined {
  if (!/^\d{14}$/u.test(value)) {
    const digits = value.replace(/\D/gu, '').length;
    return (
      `le SIRET « ${value} » doit s'écrire en 14 chiffres d'un seul tenant (9 du SIREN + 5 du NIC)` +
      (digits && digits !== value.length ? ', sans espace ni autre signe' : `, il en a ${digits}`) +
      ' ; écrivez-le entre guillemets pour garder un éventuel zéro initial'
    );
  }
  if (luhn(value)) return undefined;
  if (value.startsWith(LA_POSTE_SIREN)) {
    const sum = [...value].reduce((total, digit) => total + Number(digit), 0);
    if (sum % 5 === 0) return undefined;
    return `le SIRET « ${value} » (La Poste) n'est pas valide : la somme de ses chiffres (${sum}) doit être un multiple de 5`;
  }
  return `le SIRET « ${value} » n'est pas valide : sa clé de contrôle (formule de Luhn) ne correspond pas ; vérifiez chaque chiffre`;
}

export function isValidSiret(value: string): boolean {
  return siretProblem(value) === undefined;
}
