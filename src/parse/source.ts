/**
 * From the bytes of a file to the text whose positions every finding uses: UTF-8 only (a NUL byte or an invalid
 * sequence is a binary file), the BOM removed so that columns are those an author sees, CRLF kept as typed.
 */
import { location } from 'vfile-location';
import type { Point, Position } from 'unist';

/** Larger session or organisation files are refused (a PV is a few dozen kilobytes). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Larger GFM tables are refused. */
export const MAX_TABLE_ROWS = 2000;

export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; reason: string; ruleId: 'parse-encoding' | 'parse-limits'; offset: number; text: string };

/** Offset (in bytes) of the first byte that does not belong to a valid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    let length: number;
    let min: number;
    if (byte < 0x80) {
      index += 1;
      continue;
    } else if (byte >= 0xc2 && byte <= 0xdf) {
      length = 2;
      min = 0x80;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      length = 3;
      min = 0x800;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      length = 4;
      min = 0x10000;
    } else return index;
    if (index + length > bytes.length) return index;
    let code = byte & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[index + k]!;
      if ((next & 0xc0) !== 0x80) return index;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return index;
    index += length;
  }
  return -1;
}

/** Decodes a file's value; the text returned on failure is the readable prefix (for positions). */
export function decodeSource(value: string | Uint8Array | undefined | null): DecodeResult {
  let text: string;
  if (value === undefined || value === null) text = '';
  else if (typeof value === 'string') {
    if (value.length > MAX_FILE_BYTES) {
      return { ok: false, ruleId: 'parse-limits', offset: 0, text: '', reason: tooLarge(Buffer.byteLength(value)) };
    }
    text = value;
  } else {
    if (value.byteLength > MAX_FILE_BYTES) {
      return { ok: false, ruleId: 'parse-limits', offset: 0, text: '', reason: tooLarge(value.byteLength) };
    }
    const invalid = firstInvalidUtf8(value);
    if (invalid >= 0) {
      const prefix = stripBom(new TextDecoder('utf-8').decode(value.subarray(0, invalid)));
      return {
        ok: false,
        ruleId: 'parse-encoding',
        offset: prefix.length,
        text: prefix,
        reason:
          `Le fichier n'est pas un texte UTF-8 valide (octet 0x${value[invalid]!.toString(16).padStart(2, '0')} ` +
          `à la position ${invalid}) : enregistrez-le en UTF-8 (c'est peut-être un fichier binaire ou un texte en Latin-1).`,
      };
    }
    text = new TextDecoder('utf-8').decode(value);
  }
  text = stripBom(text);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    return {
      ok: false,
      ruleId: 'parse-encoding',
      offset: nul,
      text: text.slice(0, nul),
      reason:
        "Le fichier contient un caractère nul (octet 0x00) : ce n'est pas un texte mais un fichier binaire. " +
        'Une séance doit être un fichier Markdown enregistré en UTF-8.',
    };
  }
  return { ok: true, text };
}

function tooLarge(bytes: number): string {
  const megabytes = (bytes / 1024 / 1024).toFixed(1).replace('.', ',');
  return `Le fichier est trop volumineux (${megabytes} Mo) : minutier lit des fichiers de 2 Mo au plus.`;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Offsets to unist points and positions in one text. */
export class Locator {
  private readonly place: ReturnType<typeof location>;
  constructor(readonly text: string) {
    this.place = location(text);
  }

  point(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const point = this.place.toPoint(clamped);
    if (point) return point;
    // vfile-location answers undefined for the very end of the text.
    const lines = this.text.split(/\r\n|\r|\n/u);
    return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1, offset: clamped };
  }

  position(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(Math.max(start, end)) };
  }
}

/** The position of the whole first line of a text at a point: where "1:1" errors go. */
export function startPosition(): Position {
  return { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
}
