import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeJavaStringMap } from '../../../tests/java-stream';
import { fixturePath } from '../../../tests/shared-fixtures';
import { JavaStreamError, MAX_MAP_ENTRIES, readJavaStringMap } from './java-string-map';

const api23 = new Uint8Array(readFileSync(fixturePath('aegis-importers/freeotp_v2_api23.xml')));

describe('reading a Java-serialized HashMap<String, String>', () => {
  it('reads a FreeOTP 2 backup: 6 tokens with their details, and the master key', () => {
    const map = readJavaStringMap(api23);
    expect(map.size).toBe(13);
    expect(JSON.parse(map.get('masterKey')!)).toMatchObject({ mAlgorithm: 'PBKDF2withHmacSHA1', mIterations: 100000 });
    expect([...map.keys()].filter((key) => key.endsWith('-token'))).toHaveLength(6);
  });

  it('reads what Java writes, including modified UTF-8 (NUL as two bytes, surrogates as three each)', () => {
    const written = writeJavaStringMap(new Map([['a', 'b']]));
    expect(readJavaStringMap(written)).toEqual(new Map([['a', 'b']]));
    // "é" is C3 A9 in both; U+1F600 is ED A0 BD ED B8 80 in modified UTF-8; NUL is C0 80.
    const value = [0xc3, 0xa9, 0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80, 0xc0, 0x80];
    const bytes = writeJavaStringMap(new Map([['k', 'xxxxxxxxxx']]));
    const at = bytes.length - 11;
    bytes.set(value, at);
    expect(readJavaStringMap(bytes).get('k')).toBe('é😀\0');
  });

  const cases: [what: string, edit: (bytes: Uint8Array) => void, message: string, extra?: number][] = [
    ['another class', (b) => b.set(new TextEncoder().encode('java.util.TreeMap'), 8), 'TreeMap'],
    ['a wrong serialVersionUID', (b) => b.set([b[26]! ^ 1], 26), 'serialVersionUID'],
    ['a string longer than the file', (b) => b.set([0xff, 0xff], 66), 'ends too soon'],
    ['a size that does not match the entries', (b) => b.set([14], 63), 'size'],
    ['a null where a string should be', (b) => b.set([0x70], 65), 'type 0x70'],
    ['a reference to no string', (b) => b.set([0x71, 0, 0x7e, 0, 0], 65), 'not a string'],
    ['bytes after the map', () => undefined, 'after the map', 1],
    ['no magic number', (b) => b.set([0], 0), 'not a Java object stream'],
  ];
  it.each(cases)('refuses %s', (_, edit, message, extra = 0) => {
    const bytes = new Uint8Array(api23.length + extra);
    bytes.set(api23);
    edit(bytes);
    expect(() => readJavaStringMap(bytes)).toThrow(JavaStreamError);
    expect(() => readJavaStringMap(bytes)).toThrow(message);
  });

  it('caps the entry count before reading them all', () => {
    const many = new Map(Array.from({ length: MAX_MAP_ENTRIES + 1 }, (_, i) => [String(i), ''] as [string, string]));
    expect(() => readJavaStringMap(writeJavaStringMap(many))).toThrow('too many entries');
  });

  it('refuses every prefix of a backup with its own error', () => {
    for (let length = 0; length < api23.length; length += 7)
      expect(() => readJavaStringMap(api23.subarray(0, length))).toThrow(JavaStreamError);
  });
});
