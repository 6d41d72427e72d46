/**
 * Android's SharedPreferences files, which several authenticators keep their accounts in (a
 * rooted phone's `/data/data/<app>/shared_prefs/*.xml`): `<map>` holding `<string name="…">text
 * </string>` and `<int|long|float|boolean name="…" value="…"/>` (`<set>` holds strings too). A
 * service worker has no DOMParser, so fast-xml-parser reads them, made safe for hostile files: a
 * DOCTYPE (the only way to declare entities, so the only way to expand them) is refused before
 * parsing, the text must be well-formed XML, and nesting is capped (Android's own files are 3 deep).
 * @see https://developer.android.com/reference/android/content/SharedPreferences
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportError } from './import-error';
import type { ImportSource } from './import-source';

/** `<map>` › `<set>` › `<string>` is as deep as Android writes; a little slack, then refuse. */
const MAX_DEPTH = 8;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  preserveOrder: true,
  maxNestedTags: MAX_DEPTH,
  processEntities: true,
  // Decodes numeric references (&#10;), which Android writes for control characters.
  htmlEntities: true,
});

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

const tagOf = (node: Node): string | undefined => Object.keys(node).find((key) => key !== ':@');
const childrenOf = (node: Node): Node[] => {
  const tag = tagOf(node);
  const children = tag === undefined ? undefined : node[tag];
  return Array.isArray(children) ? (children as Node[]) : [];
};
const textOf = (node: Node): string =>
  childrenOf(node)
    .map((child) => (typeof child['#text'] === 'string' ? child['#text'] : ''))
    .join('');

/** Whether a file looks like a SharedPreferences file holding `key`, for an importer's `matches`. */
export function hasPreference(source: ImportSource, key: string): boolean {
  const text = source.text;
  return source.json === undefined && text !== undefined && /^\s*</.test(text) && text.includes(`name="${key}"`);
}

/**
 * The named values of a SharedPreferences file, as text (a `<set>` is left out: no importer uses one).
 * @throws {ImportError} `malformed`, naming the format, when the file is not well-formed XML or not a `<map>`.
 */
export function readSharedPrefs(text: string, format: string): Map<string, string> {
  const damaged = (why: string) =>
    new ImportError('malformed', `This ${format} file is damaged: ${why}. Nothing was imported.`);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw damaged('it declares a DOCTYPE, which Android never writes');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw damaged(`it is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  let document: Node[];
  try {
    document = parser.parse(text) as Node[];
  } catch (error) {
    throw damaged(`it is not well-formed XML (${(error as Error).message})`);
  }
  const root = document.find((node) => tagOf(node) !== '?xml' && tagOf(node) !== '#text');
  if (!root || tagOf(root) !== 'map') throw damaged('it is not an Android preferences file (no <map>)');
  const prefs = new Map<string, string>();
  for (const node of childrenOf(root)) {
    const tag = tagOf(node);
    const name = node[':@']?.name;
    if (tag === undefined || tag === '#text' || name === undefined) continue;
    if (tag === 'string') prefs.set(name, textOf(node));
    else if (tag !== 'set' && node[':@']?.value !== undefined) prefs.set(name, node[':@'].value);
  }
  return prefs;
}

/** The preference at `key`, or a `malformed` error naming the format and the key. */
export function preference(prefs: Map<string, string>, key: string, format: string): string {
  const value = prefs.get(key);
  if (value === undefined)
    throw new ImportError('malformed', `This ${format} file is damaged: it has no "${key}". Nothing was imported.`);
  return value;
}
