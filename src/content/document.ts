import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import jsyaml from 'js-yaml';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { Problem } from '../errors.js';

/** A path into a YAML document: map keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

export interface Position {
  line: number;
  col: number;
}

/** Content files larger than this are refused unparsed. */
export const MAX_CONTENT_BYTES = 1024 * 1024;
/** Alias expansions allowed while converting a document; more reads as an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

/** A content file parsed with positions kept, so any finding can point back into it. */
export interface ContentDocument {
  /** The path as shown in problems. */
  file: string;
  /** The plain value (undefined when the YAML could not be read at all). */
  value: unknown;
  problems: Problem[];
  /** Where the value at `path` starts (the nearest existing ancestor when it does not exist). */
  locate(path: YamlPath): Position;
  /** Where the key of the last segment of `path` is written (the value's position for list items). */
  locateKey(path: YamlPath): Position;
}

/** The path as a user should see it: relative to the working directory when inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

function fileProblem(file: string, message: string): Problem {
  return { file, line: 1, col: 1, message };
}

const START: Position = { line: 1, col: 1 };

function unreadable(file: string, message: string): ContentDocument {
  return { file, value: undefined, problems: [fileProblem(file, message)], locate: () => START, locateKey: () => START };
}

/**
 * Read and parse one content file. Never throws for a bad file: every way a file can be
 * unusable (missing, a directory, too large, binary, not UTF-8, empty, bad YAML) is a problem.
 */
export async function readContentDocument(filePath: string): Promise<ContentDocument> {
  const file = displayPath(filePath);
  let size: number;
  try {
    // a pack is its directory: a file there that links elsewhere (~/.ssh/id_rsa, /etc/shadow) is not read,
    // so none of its lines can reach a problem message
    if ((await lstat(filePath)).isSymbolicLink()) {
      const target = await realpath(filePath);
      const home = await realpath(path.dirname(filePath));
      const rel = path.relative(home, target);
      if (rel.startsWith('..') || path.isAbsolute(rel)) return unreadable(file, 'is a symbolic link to a file outside its directory; not read');
    }
    const info = await stat(filePath);
    if (info.isDirectory()) return unreadable(file, 'is a directory, expected a YAML file');
    if (!info.isFile()) return unreadable(file, 'is not a regular file');
    size = info.size;
  } catch (err) {
    return unreadable(file, describeFsError(err));
  }
  if (size > MAX_CONTENT_BYTES) {
    return unreadable(file, `file is too large (${size} bytes; the limit is 1 MiB), not parsed`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(filePath);
  } catch (err) {
    return unreadable(file, describeFsError(err));
  }
  return parseContent(file, bytes);
}

/**
 * Several files at once, in the given order: reading the next files overlaps with parsing
 * the current one, which matters when validating a large pack.
 */
export async function readContentDocuments(filePaths: readonly string[], concurrency = 8): Promise<ContentDocument[]> {
  const out: ContentDocument[] = new Array(filePaths.length);
  let next = 0;
  const worker = async () => {
    while (next < filePaths.length) {
      const i = next++;
      out[i] = await readContentDocument(filePaths[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, filePaths.length) }, worker));
  return out;
}

function describeFsError(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, expected a YAML file';
  return `cannot read file (${code ?? (err as Error).message})`;
}

/** Parse bytes already read; `file` is the name used in problems. */
export function parseContent(file: string, bytes: Uint8Array | string): ContentDocument {
  let text: string;
  if (typeof bytes === 'string') {
    text = bytes;
  } else {
    if (bytes.includes(0)) return unreadable(file, 'binary file (contains NUL bytes), expected YAML text');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return unreadable(file, 'file is not valid UTF-8 text');
    }
  }
  if (text.trim() === '') return unreadable(file, 'file is empty');
  return fastParse(file, text) ?? positionedParse(file, text);
}

/** An anchor or alias anywhere (`&name`, `*name`): such files always take the guarded path. */
const ANCHOR_OR_ALIAS = /(^|[\s[{,])[&*][^\s,\]}]/m;
/**
 * What the two YAML readers could read differently: a directive (`%YAML 1.1` makes `yes` a
 * boolean in one of them), a tag (`!foo`, `!!binary`), an explicit or empty key (`? : v`), a list
 * or mapping used as a key, a null key. Such files take the positioned parser, which refuses them.
 */
const READERS_MAY_DIFFER = /^%|(^|[\s[{,:-])[!?](\s|$|[^\s])|[\]}][ \t]*:([ \t]|$)|^[ \t]*(?:-[ \t]+)*(?:~|null|Null|NULL)?[ \t]*:([ \t]|$)/m;
/** The tags both readers resolve the same way (YAML's core schema). */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * Most content files are clean. They are read with js-yaml, an order of magnitude faster than
 * the position-keeping parser; positions are then computed only if something asks for one (a
 * later problem, a sample that lands out of range). Anything unusual — a syntax error, a
 * duplicate key, an anchor or alias, an empty document — goes to the positioned parser, which
 * reports it with its line and column.
 */
function fastParse(file: string, text: string): ContentDocument | undefined {
  if (ANCHOR_OR_ALIAS.test(text) || READERS_MAY_DIFFER.test(text)) return undefined;
  let value: unknown;
  try {
    value = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (value === undefined || value === null) return undefined;
  let positioned: ContentDocument | undefined;
  const full = (): ContentDocument => (positioned ??= positionedParse(file, text));
  return { file, value, problems: [], locate: (p) => full().locate(p), locateKey: (p) => full().locateKey(p) };
}

function positionedParse(file: string, text: string): ContentDocument {
  const lineCounter = new LineCounter();
  // logLevel 'error': yaml's warnings are collected below as problems, never printed by Node
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const at = (offset: number): Position => lineCounter.linePos(offset);
  const problems: Problem[] = [];

  // an unclosed quote swallows the rest of the file, so the parser notices where the quoted value
  // stops (often the end of the file), and anything it then reports there is that same quote's doing:
  // report it once, at the quote that opens it
  const unclosed = new Map<number, number>();
  for (const err of doc.errors) {
    if (err.code === 'MISSING_CHAR' && /closing ["']quote/i.test(err.message)) unclosed.set(err.pos[0], openingQuote(doc, err.pos[0]) ?? err.pos[0]);
  }
  for (const err of [...doc.errors, ...doc.warnings]) {
    const opened = unclosed.get(err.pos[0]);
    if (opened !== undefined) {
      if (err.code !== 'MISSING_CHAR') continue;
      const quote = err.message.includes("'") ? "'" : '"';
      problems.push({ file, ...at(opened), message: `YAML syntax: missing closing ${quote}quote for the value that starts here` });
      continue;
    }
    const { line, col } = at(err.pos[0]);
    problems.push({ file, line, col, message: yamlMessage(doc, text, err.code, err.message, err.pos[0]) });
  }
  if (doc.errors.length === 0) {
    for (const found of ambiguities(doc, text)) {
      const pos = at(found.offset);
      // an unknown tag is already reported by the parser itself
      const said = problems.some((p) => p.line === pos.line && (p.col === pos.col || (found.tag && /YAML tag/.test(p.message))));
      if (!said) problems.push({ file, ...pos, message: found.message });
    }
  }

  const locateNode = (p: YamlPath, wantKey: boolean): Position => {
    const found = walk(doc, p);
    const node = wantKey && found.key ? found.key : (found.node ?? found.key);
    const offset = node?.range?.[0];
    return offset === undefined ? START : at(offset);
  };

  let value: unknown;
  if (problems.length === 0) {
    if (doc.contents === null) {
      return unreadable(file, 'file is empty');
    }
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      if (err instanceof ReferenceError && /alias/i.test(err.message)) {
        const alias = firstAlias(doc);
        const { line, col } = alias === undefined ? START : at(alias);
        problems.push({
          file,
          line,
          col,
          message: `too many alias expansions (more than ${MAX_ALIAS_COUNT}); refusing a possible alias bomb`,
        });
      } else {
        const { line, col } = START;
        problems.push({ file, line, col, message: `cannot read YAML: ${(err as Error).message}` });
      }
      value = undefined;
    }
  }
  return { file, value, problems, locate: (p) => locateNode(p, false), locateKey: (p) => locateNode(p, true) };
}

/** Where the quoted value the parser ended at `end` (an unclosed quote) opens, if one does. */
function openingQuote(doc: Document, end: number): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range?.[1] === end) {
        found = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function yamlMessage(doc: Document, text: string, code: string, message: string, offset: number): string {
  if (code === 'BLOCK_AS_IMPLICIT_KEY') {
    const rest = text.slice(offset, (text.indexOf('\n', offset) + 1 || text.length + 1) - 1);
    // the usual cause in prose content: "probe: Can you put numbers on it: how big?"
    if (rest.includes(': ')) return 'YAML syntax: a plain value cannot contain ": " (it starts a nested mapping); quote the value';
  }
  if (code === 'DUPLICATE_KEY') {
    const key = keyAt(doc, offset);
    return key === undefined ? 'duplicate key' : `duplicate key "${key}"`;
  }
  if (code === 'MULTIPLE_DOCS') return 'more than one YAML document in the file; expected one';
  if (code === 'TAG_RESOLVE_FAILED') return message.replace(/^Unresolved tag/, 'unknown YAML tag');
  // yaml's own messages are already readable; keep the first line and lower-case the start
  const first = message.split('\n')[0] ?? message;
  return `YAML syntax: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
}

/**
 * Constructs the two YAML readers could disagree on, refused rather than read one way or the
 * other: directives, tags outside the core schema, keys that are empty, null, lists or mappings.
 */
function ambiguities(doc: Document, text: string): { offset: number; message: string; tag?: boolean }[] {
  const out: { offset: number; message: string; tag?: boolean }[] = [];
  const directive = /^%\S*/m.exec(text);
  if (directive) out.push({ offset: directive.index, message: `YAML directives (${directive[0]}) are not supported; remove the line` });
  visit(doc, {
    Node(_, node) {
      const tag = (node as { tag?: string }).tag;
      // an explicit tag is kept on the node; implicit resolution leaves it unset
      if (tag !== undefined && !CORE_TAGS.has(tag) && node.range) out.push({ offset: node.range[0], message: `YAML tag "${tag.replace(/^tag:yaml\.org,2002:/, '!!')}" is not supported; write the value as plain text`, tag: true });
      return undefined;
    },
    Pair(_, pair) {
      const key = pair.key as Node | null;
      const at = key?.range?.[0] ?? (pair.value as Node | null)?.range?.[0] ?? 0;
      if (key === null || (isScalar(key) && key.value === null)) out.push({ offset: at, message: 'an empty or null mapping key is not supported; give the key a name' });
      else if (!isScalar(key)) out.push({ offset: at, message: 'a list or mapping used as a key is not supported; use a plain name as the key' });
      return undefined;
    },
  });
  return out;
}

function keyAt(doc: Document, offset: number): string | undefined {
  let key: string | undefined;
  visit(doc, {
    Pair(_, pair) {
      const k = pair.key as Node | null;
      if (k && k.range?.[0] === offset) {
        key = isScalar(k) ? String(k.value) : String(k);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return key;
}

function firstAlias(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, alias) {
      offset = alias.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

/** Follow `p` through the document; stops at the deepest node that exists. */
function walk(doc: Document, p: YamlPath): { node: Node | null | undefined; key: Node | undefined } {
  let node = doc.contents as Node | null | undefined;
  let key: Node | undefined;
  for (const seg of p) {
    if (node && isAlias(node)) node = node.resolve(doc) as Node | undefined;
    if (node && isMap(node)) {
      const pair = node.items.find((it) => {
        const k = it.key as Node | null;
        return k !== null && (isScalar(k) ? String(k.value) : String(k)) === String(seg);
      });
      if (!pair) break;
      key = (pair.key as Node | null) ?? undefined;
      // an empty value (`key:`) has no useful position of its own: point at the key
      const v = pair.value as Node | null;
      node = v && v.range && !(isScalar(v) && v.value === null && v.range[0] === v.range[1]) ? v : key;
    } else if (node && isSeq(node)) {
      const item = node.items[Number(seg)] as Node | null | undefined;
      if (!item) break;
      node = item;
      key = undefined;
    } else {
      break;
    }
  }
  return { node, key };
}
