import { createHash } from 'node:crypto';
import { rewriteOutlineTitles } from './outline-titles.js';
import { rewriteChromiumPdf } from './pdf-rewrite.js';
import {
  ParseSpeeds,
  PDFArray,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords?: string[];
  /** BCP 47 tag written to the catalog's /Lang, e.g. `fr-FR`. */
  lang: string;
  /** Used for both CreationDate and ModDate. */
  date: Date;
  /** Stable identifier of the document: the first element of the trailer /ID is derived from it. */
  documentId: string;
  /** Fingerprint of this version's content: the second element of the trailer /ID is derived from it. */
  contentFingerprint: string;
  /** The document's headings in order: the true outline titles (see outline-titles.ts). */
  headings?: string[];
}

export const PDF_CREATOR = 'minutier';
export const PDF_PRODUCER = 'minutier';

function idBytes(label: string, value: string): string {
  return createHash('sha256').update(`minutier:${label}\0${value}`).digest().subarray(0, 16).toString('hex');
}

/**
 * Rewrites the document information of a PDF printed by Chromium so that it carries minutier's metadata and
 * nothing that varies between runs (Chromium writes the current time, its user agent and Skia's version).
 * Objects are copied as they are, so the structure tree, /MarkInfo and the outline survive. Chromium's own files take
 * the fast path (pdf-rewrite.ts: only the changed objects are parsed); any other goes through a full pdf-lib load.
 */
export async function finalizePdf(raw: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  const id: [PDFHexString, PDFHexString] = [
    PDFHexString.of(idBytes('document', meta.documentId)),
    PDFHexString.of(idBytes('version', `${meta.documentId}\0${meta.contentFingerprint}`)),
  ];
  const fast = rewriteChromiumPdf(raw, {
    info: infoDict(meta),
    lang: meta.lang,
    id,
    ...(meta.headings ? { headings: meta.headings } : {}),
  });
  return fast ?? (await finalizeWithPdfLib(raw, meta, id));
}

/** The document information dictionary, as pdf-lib's setters write it. */
function infoDict(meta: PdfMetadata): PDFDict {
  const context = PDFContext.create();
  const info = context.obj({});
  const set = (key: string, value: PDFObject) => info.set(PDFName.of(key), value);
  set('Title', PDFHexString.fromText(meta.title));
  set('Author', PDFHexString.fromText(meta.author));
  set('Subject', PDFHexString.fromText(meta.subject));
  if (meta.keywords && meta.keywords.length > 0) set('Keywords', PDFHexString.fromText(meta.keywords.join(' ')));
  set('Creator', PDFHexString.fromText(PDF_CREATOR));
  set('Producer', PDFHexString.fromText(PDF_PRODUCER));
  set('CreationDate', PDFString.fromDate(meta.date));
  set('ModDate', PDFString.fromDate(meta.date));
  return info;
}

/** The general path: the whole document loaded and saved by pdf-lib. */
export async function finalizeWithPdfLib(
  raw: Uint8Array,
  meta: PdfMetadata,
  id: [PDFHexString, PDFHexString],
): Promise<Uint8Array> {
  // pdf-lib yields to the event loop every 100 objects by default (ParseSpeeds.Slow, objectsPerTick 50): a printed PV
  // has a few thousand, and the waits cost more than the work.
  const pdf = await PDFDocument.load(raw, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  renumberStructureIds(pdf);
  if (meta.headings) rewriteOutlineTitles(pdf, meta.headings);
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subject);
  if (meta.keywords && meta.keywords.length > 0) pdf.setKeywords(meta.keywords);
  pdf.setLanguage(meta.lang);
  pdf.setCreator(PDF_CREATOR);
  pdf.setProducer(PDF_PRODUCER);
  pdf.setCreationDate(meta.date);
  pdf.setModificationDate(meta.date);
  pdf.context.trailerInfo.ID = pdf.context.obj(id);
  return pdf.save({
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
    objectsPerTick: Infinity,
  });
}

const CHROMIUM_NODE_ID = /^node\d+$/;

/**
 * Chromium names tagged elements (table headers, for /Headers) after renderer-wide DOM node ids, e.g.
 * `node00000081`: they keep growing from one document to the next and their relative order is not even stable.
 * Renumber them node00000001, node00000002… in document order (depth-first over /K), rewrite /ID and the
 * /Headers of table attributes, and
 * rebuild the /IDTree (a name tree, keys sorted) with the new names.
 */
function renumberStructureIds(pdf: PDFDocument): void {
  const context = pdf.context;
  const root = context.lookup(pdf.catalog.get(PDFName.of('StructTreeRoot')));
  if (!(root instanceof PDFDict)) return;
  const ID = PDFName.of('ID');
  const HEADERS = PDFName.of('Headers');
  const renamed = new Map<string, string>();
  const named: Array<[string, PDFRef]> = [];
  const elements: PDFDict[] = [];
  const seen = new Set<PDFDict>();
  const newName = (index: number) => `node${String(index).padStart(8, '0')}`;
  const textOf = (object: PDFObject | undefined) =>
    object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : undefined;

  const walk = (kids: PDFObject | undefined): void => {
    if (kids instanceof PDFArray) {
      for (let index = 0; index < kids.size(); index++) walkElement(kids.get(index));
    } else {
      walkElement(kids);
    }
  };
  const walkElement = (kid: PDFObject | undefined): void => {
    const ref = kid instanceof PDFRef ? kid : undefined;
    const element = ref ? context.lookup(ref) : kid;
    // Marked-content and object references (/MCR, /OBJR) have no /S and no children of interest.
    if (!(element instanceof PDFDict) || seen.has(element) || !element.has(PDFName.of('S'))) return;
    seen.add(element);
    elements.push(element);
    const id = textOf(element.get(ID));
    if (id !== undefined && CHROMIUM_NODE_ID.test(id) && !renamed.has(id)) {
      const name = newName(renamed.size + 1);
      renamed.set(id, name);
      if (ref) named.push([name, ref]);
    }
    walk(element.get(PDFName.of('K')));
  };
  walk(root.get(PDFName.of('K')));
  if (renamed.size === 0) return;

  const rename = (object: PDFObject | undefined) => {
    const text = textOf(object);
    return text !== undefined && renamed.has(text) ? PDFString.of(renamed.get(text)!) : undefined;
  };
  for (const element of elements) {
    const id = rename(element.get(ID));
    if (id) element.set(ID, id);
    // /Headers lives in the table attribute objects (/A: a dict or an array of dicts).
    const attributes = context.lookup(element.get(PDFName.of('A')));
    const attributeDicts =
      attributes instanceof PDFArray ? attributes.asArray().map((item) => context.lookup(item)) : [attributes];
    for (const attribute of attributeDicts) {
      if (!(attribute instanceof PDFDict)) continue;
      const headers = context.lookup(attribute.get(HEADERS));
      if (!(headers instanceof PDFArray)) continue;
      for (let index = 0; index < headers.size(); index++) {
        const header = rename(headers.get(index));
        if (header) headers.set(index, header);
      }
    }
  }

  const IDTREE = PDFName.of('IDTree');
  const oldTree = root.get(IDTREE);
  if (oldTree === undefined) return;
  deleteNameTreeNodes(pdf, oldTree);
  const names = PDFArray.withContext(context);
  for (const [name, ref] of named.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    names.push(PDFString.of(name));
    names.push(ref);
  }
  const tree = context.obj({});
  tree.set(PDFName.of('Names'), names);
  if (oldTree instanceof PDFRef) context.assign(oldTree, tree);
  else root.set(IDTREE, context.register(tree));
}

/** Removes the intermediate nodes (/Kids) of a name tree, whose keys are about to be replaced. */
function deleteNameTreeNodes(pdf: PDFDocument, node: PDFObject): void {
  const context = pdf.context;
  const dict = context.lookup(node);
  if (!(dict instanceof PDFDict)) return;
  const kids = context.lookup(dict.get(PDFName.of('Kids')));
  if (kids instanceof PDFArray) {
    for (let index = 0; index < kids.size(); index++) {
      const kid = kids.get(index);
      deleteNameTreeNodes(pdf, kid);
      if (kid instanceof PDFRef) context.delete(kid);
    }
  }
}
