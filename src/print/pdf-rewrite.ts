/**
 * The fast path of finalizePdf: Chromium (Skia) writes a plain PDF 1.4 — one cross-reference table, no object
 * streams, no incremental update — so the few objects minutier changes are found through that table and parsed alone
 * (pdf-lib's object parser), and every other object is copied byte for byte. Loading and saving the whole document
 * with pdf-lib (a few thousand objects) cost 30–70 ms per PV; this costs a few.
 *
 * Changed: the document information (replaced), the catalog (/Lang, /DisplayDocTitle), the outline items' /Title, the
 * structure elements' Chromium node ids (renamed in place, same length) and the /IDTree (rebuilt, keys sorted; its
 * intermediate nodes freed). A file of any other shape returns undefined: the caller takes the full pdf-lib path.
 */
import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFObjectParser,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';

/** What the fast path writes: already computed by finalizePdf. */
export interface Rewrite {
  info: PDFDict;
  lang: string;
  headings?: string[];
  id: [PDFHexString, PDFHexString];
}

interface Entry {
  num: number;
  offset: number;
  end: number;
  /** Where the stream data starts (the object's dictionary is before it), or `end`. */
  streamAt: number;
}

const XREF_ENTRY = /(\d{10}) (\d{5}) ([nf])(?: \r| \n|\r\n)/y;
const NODE_ID = /\/ID \((node(\d+))\)/g;
const NODE_NAME = /\((node\d+)\)/g;

/** Rewrites `raw`, or returns undefined when it is not the simple file Chromium writes. */
export function rewriteChromiumPdf(raw: Uint8Array, rewrite: Rewrite): Uint8Array | undefined {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const text = bytes.toString('latin1');
  const tail = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
  if (!tail) return undefined;
  const xrefAt = Number(tail[1]);
  const head = /^xref\r?\n0 (\d+)\r?\n/.exec(text.slice(xrefAt, xrefAt + 32));
  if (!head) return undefined;
  const size = Number(head[1]);
  const entries: Entry[] = [];
  XREF_ENTRY.lastIndex = xrefAt + head[0].length;
  for (let num = 0; num < size; num++) {
    const match = XREF_ENTRY.exec(text);
    if (!match) return undefined;
    if (match[3] === 'f') continue;
    if (match[2] !== '00000') return undefined;
    const offset = Number(match[1]);
    if (!text.startsWith(`${num} 0 obj`, offset)) return undefined;
    entries.push({ num, offset, end: 0, streamAt: 0 });
  }
  const trailerAt = XREF_ENTRY.lastIndex;
  if (!/^trailer\s*<</.test(text.slice(trailerAt, trailerAt + 16))) return undefined;

  const context = PDFContext.create();
  const parseAt = (start: number, end: number): PDFObject =>
    PDFObjectParser.forBytes(bytes.subarray(start, end), context).parseObject();
  const trailer = parseAt(trailerAt + 'trailer'.length, text.length);
  if (!(trailer instanceof PDFDict) || trailer.has(PDFName.of('Prev')) || trailer.has(PDFName.of('Encrypt')))
    return undefined;
  const rootRef = trailer.get(PDFName.of('Root'));
  const infoRef = trailer.get(PDFName.of('Info'));
  if (!(rootRef instanceof PDFRef) || !(infoRef instanceof PDFRef)) return undefined;

  entries.sort((a, b) => a.offset - b.offset);
  const byNum = new Map<number, Entry>();
  for (const [index, entry] of entries.entries()) {
    entry.end = entries[index + 1]?.offset ?? xrefAt;
    const stream = />>\s*stream\r?\n/.exec(text.slice(entry.offset, entry.end));
    entry.streamAt = stream ? entry.offset + stream.index + 2 : entry.end;
    byNum.set(entry.num, entry);
  }
  const dictOf = (ref: PDFObject | undefined): PDFDict | undefined => {
    if (!(ref instanceof PDFRef) || ref.generationNumber !== 0) return undefined;
    const entry = byNum.get(ref.objectNumber);
    if (!entry || entry.streamAt !== entry.end) return undefined;
    const start = text.indexOf('obj', entry.offset) + 3;
    const object = parseAt(start, entry.end);
    return object instanceof PDFDict ? object : undefined;
  };

  const catalog = dictOf(rootRef);
  if (!catalog || !byNum.has(infoRef.objectNumber)) return undefined;
  const replaced = new Map<number, PDFDict>([[infoRef.objectNumber, rewrite.info]]);
  const freed = new Set<number>();

  // Node ids: numbered in file order, each keeping its length (node00002244 → node00000001), so that the objects
  // holding them are patched in place.
  const out = Buffer.from(bytes);
  const renamed = new Map<string, string>();
  for (const entry of entries) {
    for (const match of text.slice(entry.offset, entry.streamAt).matchAll(NODE_ID)) {
      const [, name = '', digits = ''] = match;
      if (renamed.has(name)) continue;
      const number = String(renamed.size + 1);
      if (number.length > digits.length) return undefined;
      renamed.set(name, `node${number.padStart(digits.length, '0')}`);
    }
  }
  if (renamed.size > 0) {
    for (const entry of entries) {
      const dictText = text.slice(entry.offset, entry.streamAt);
      if (!dictText.includes('(node')) continue;
      for (const match of dictText.matchAll(NODE_NAME)) {
        const to = renamed.get(match[1] ?? '');
        if (to) out.write(to, entry.offset + match.index + 1, 'latin1');
      }
    }
    const structRoot = dictOf(catalog.get(PDFName.of('StructTreeRoot')));
    const treeRef = structRoot?.get(PDFName.of('IDTree'));
    if (treeRef !== undefined) {
      const tree = rebuildIdTree(treeRef, dictOf, renamed, freed, context);
      if (!tree || !(treeRef instanceof PDFRef)) return undefined;
      replaced.set(treeRef.objectNumber, tree);
    }
  }

  // The catalog: the document's language, and viewers show its title.
  catalog.set(PDFName.of('Lang'), PDFString.of(rewrite.lang));
  const preferences = catalog.get(PDFName.of('ViewerPreferences'));
  if (preferences instanceof PDFDict) preferences.set(PDFName.of('DisplayDocTitle'), context.obj(true));
  else if (preferences === undefined)
    catalog.set(PDFName.of('ViewerPreferences'), context.obj({ DisplayDocTitle: true }));
  else return undefined;
  replaced.set(rootRef.objectNumber, catalog);

  if (rewrite.headings) {
    const items = outlineItems(catalog, dictOf, rewrite.headings.length);
    if (items === undefined) return undefined;
    if (items.length === rewrite.headings.length) {
      items.forEach(([num, item], index) => {
        item.set(PDFName.of('Title'), PDFHexString.fromText(rewrite.headings?.[index] ?? ''));
        replaced.set(num, item);
      });
    }
  }

  return assemble(out, entries, size, xrefAt, replaced, freed, trailerDict(context, size, rootRef, infoRef, rewrite));
}

function trailerDict(context: PDFContext, size: number, root: PDFRef, info: PDFRef, rewrite: Rewrite): PDFDict {
  const trailer = context.obj({});
  trailer.set(PDFName.of('Size'), context.obj(size));
  trailer.set(PDFName.of('Root'), root);
  trailer.set(PDFName.of('Info'), info);
  trailer.set(PDFName.of('ID'), context.obj(rewrite.id));
  return trailer;
}

/** The outline items depth first, with their object numbers; undefined when one is not a plain indirect dict. */
function outlineItems(
  catalog: PDFDict,
  dictOf: (ref: PDFObject | undefined) => PDFDict | undefined,
  limit: number,
): Array<[number, PDFDict]> | undefined {
  const outlinesRef = catalog.get(PDFName.of('Outlines'));
  if (outlinesRef === undefined) return [];
  const outlines = dictOf(outlinesRef);
  if (!outlines) return undefined;
  const items: Array<[number, PDFDict]> = [];
  const visit = (parent: PDFDict): boolean => {
    let ref = parent.get(PDFName.of('First'));
    while (ref !== undefined && items.length <= limit) {
      const item = dictOf(ref);
      if (!item || !(ref instanceof PDFRef)) return false;
      items.push([ref.objectNumber, item]);
      if (!visit(item)) return false;
      ref = item.get(PDFName.of('Next'));
    }
    return true;
  };
  return visit(outlines) ? items : undefined;
}

/** The /IDTree as one node, its keys renamed and sorted; its former intermediate nodes go to `freed`. */
function rebuildIdTree(
  rootRef: PDFObject,
  dictOf: (ref: PDFObject | undefined) => PDFDict | undefined,
  renamed: Map<string, string>,
  freed: Set<number>,
  context: PDFContext,
): PDFDict | undefined {
  const pairs: Array<[string, PDFObject]> = [];
  const collect = (ref: PDFObject | undefined, isRoot: boolean): boolean => {
    const node = dictOf(ref);
    if (!node || !(ref instanceof PDFRef)) return false;
    if (!isRoot) freed.add(ref.objectNumber);
    const names = node.get(PDFName.of('Names'));
    if (names instanceof PDFArray) {
      for (let index = 0; index + 1 < names.size(); index += 2) {
        const key = names.get(index);
        if (!(key instanceof PDFString)) return false;
        const name = key.asString();
        pairs.push([renamed.get(name) ?? name, names.get(index + 1)]);
      }
    }
    const kids = node.get(PDFName.of('Kids'));
    if (kids instanceof PDFArray) return kids.asArray().every((kid) => collect(kid, false));
    return true;
  };
  if (!collect(rootRef, true)) return undefined;
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const names = PDFArray.withContext(context);
  for (const [name, value] of pairs) {
    names.push(PDFString.of(name));
    names.push(value);
  }
  const tree = context.obj({});
  tree.set(PDFName.of('Names'), names);
  return tree;
}

/** The new file: header, objects in their order (replaced ones rewritten, freed ones left out), table, trailer. */
function assemble(
  out: Buffer,
  entries: Entry[],
  size: number,
  xrefAt: number,
  replaced: Map<number, PDFDict>,
  freed: Set<number>,
  trailer: PDFDict,
): Uint8Array {
  const chunks: Buffer[] = [out.subarray(0, entries[0]?.offset ?? xrefAt)];
  let position = chunks[0]!.length;
  const offsets = new Map<number, number>();
  for (const entry of entries) {
    if (freed.has(entry.num)) continue;
    offsets.set(entry.num, position);
    const dict = replaced.get(entry.num);
    const chunk = dict
      ? Buffer.from(`${entry.num} 0 obj\n${dict.toString()}\nendobj\n`, 'latin1')
      : out.subarray(entry.offset, entry.end);
    chunks.push(chunk);
    position += chunk.length;
  }
  // Free entries form a list from object 0; a freed object's next generation is 1.
  const free = [...Array(size).keys()].filter((num) => num === 0 || !offsets.has(num));
  const nextFree = new Map(free.map((num, index) => [num, free[index + 1] ?? 0]));
  const lines = [`xref\n0 ${size}\n`];
  for (let num = 0; num < size; num++) {
    const offset = offsets.get(num);
    lines.push(
      offset === undefined
        ? `${String(nextFree.get(num) ?? 0).padStart(10, '0')} ${num === 0 ? '65535' : '00001'} f \n`
        : `${String(offset).padStart(10, '0')} 00000 n \n`,
    );
  }
  lines.push(`trailer\n${trailer.toString()}\nstartxref\n${position}\n%%EOF\n`);
  chunks.push(Buffer.from(lines.join(''), 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}
