/**
 * Reads one `java.util.HashMap<String, String>` written by Java's ObjectOutputStream, the shape
 * of FreeOTP 2's backups, and nothing else: no other class, no nulls, no nested objects. It
 * follows the grammar of the Java Object Serialization Stream Protocol (§6.4) for exactly that
 * subset, and HashMap's documented `writeObject` (its fields, then block data holding the bucket
 * count and size, then size key/value objects):
 *
 *   stream        magic(0xACED) version(5) newObject
 *   newObject     TC_OBJECT classDesc classdata          (the object gets a handle)
 *   classDesc     TC_CLASSDESC className(utf) serialVersionUID(long) flags(byte)
 *                 fieldCount(short) fieldDesc… TC_ENDBLOCKDATA TC_NULL   (the desc gets a handle)
 *   fieldDesc     typecode(byte: B C D F I J S Z) fieldName(utf)
 *   classdata     field values, then (SC_WRITE_METHOD) blockdata and objects up to TC_ENDBLOCKDATA
 *   newString     TC_STRING len(u16) modified-UTF-8 | TC_LONGSTRING len(u64) modified-UTF-8
 *   prevObject    TC_REFERENCE handle(int), to an earlier string
 *
 * Every length is checked against what is left of the file, and the entry count is capped.
 * @see https://docs.oracle.com/javase/8/docs/platform/serialization/spec/protocol.html
 * @see https://docs.oracle.com/javase/8/docs/api/serialized-form.html#java.util.HashMap
 */

export class JavaStreamError extends Error {
  override readonly name = 'JavaStreamError';
}

const MAGIC = 0xaced;
const VERSION = 5;
const TC_NULL = 0x70;
const TC_REFERENCE = 0x71;
const TC_CLASSDESC = 0x72;
const TC_OBJECT = 0x73;
const TC_STRING = 0x74;
const TC_BLOCKDATA = 0x77;
const TC_ENDBLOCKDATA = 0x78;
const TC_BLOCKDATALONG = 0x7a;
const TC_LONGSTRING = 0x7c;
const BASE_HANDLE = 0x7e0000;
const SC_WRITE_METHOD = 0x01;
const SC_SERIALIZABLE = 0x02;
const HASHMAP = 'java.util.HashMap';
/** HashMap's serialVersionUID, fixed since Java 1.2. */
const HASHMAP_UID = 362498820763181265n;
/** Sizes of the primitive field types (§6.4.2 prim_typecode). */
const PRIMITIVE_SIZES: Record<string, number> = { B: 1, C: 2, D: 8, F: 4, I: 4, J: 8, S: 2, Z: 1 };
/** No authenticator holds this many entries; a larger count is a damaged or hostile file. */
export const MAX_MAP_ENTRIES = 100_000;

/**
 * Java's "modified UTF-8" (DataInput.readUTF): UTF-8 whose NUL is two bytes and whose characters
 * beyond the BMP are two 3-byte surrogates, so it decodes to UTF-16 code units one by one.
 * @see https://docs.oracle.com/javase/8/docs/api/java/io/DataInput.html#modified-utf-8
 */
function modifiedUtf8(bytes: Uint8Array): string {
  const units: number[] = [];
  for (let i = 0; i < bytes.length;) {
    const a = bytes[i]!;
    const continuation = (offset: number) => {
      const byte = bytes[i + offset];
      if (byte === undefined || (byte & 0xc0) !== 0x80) throw new JavaStreamError('a string is not modified UTF-8');
      return byte & 0x3f;
    };
    if (a >= 0x01 && a <= 0x7f) {
      units.push(a);
      i += 1;
    } else if ((a & 0xe0) === 0xc0) {
      units.push(((a & 0x1f) << 6) | continuation(1));
      i += 2;
    } else if ((a & 0xf0) === 0xe0) {
      units.push(((a & 0x0f) << 12) | (continuation(1) << 6) | continuation(2));
      i += 3;
    } else {
      throw new JavaStreamError('a string is not modified UTF-8');
    }
  }
  let text = '';
  for (let i = 0; i < units.length; i += 0x8000) text += String.fromCharCode(...units.slice(i, i + 0x8000));
  return text;
}

class Reader {
  private offset = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get left(): number {
    return this.bytes.length - this.offset;
  }

  private need(length: number): number {
    if (length > this.left) throw new JavaStreamError('it ends too soon');
    const at = this.offset;
    this.offset += length;
    return at;
  }

  u8 = () => this.view.getUint8(this.need(1));
  u16 = () => this.view.getUint16(this.need(2));
  i32 = () => this.view.getInt32(this.need(4));
  i64 = () => this.view.getBigInt64(this.need(8));
  take = (length: number) => this.bytes.subarray(this.need(length), this.offset);
  utf = () => modifiedUtf8(this.take(this.u16()));
  peek = () => this.bytes[this.offset];
}

function expect(condition: boolean, why: string): asserts condition {
  if (!condition) throw new JavaStreamError(why);
}

/** className … superClassDesc of a HashMap: checks it is one, and returns its field sizes in order. */
function hashMapClass(reader: Reader): number[] {
  expect(reader.u8() === TC_CLASSDESC, 'it does not describe a class');
  const name = reader.utf();
  expect(name === HASHMAP, `it holds a ${name}, not a ${HASHMAP}`);
  expect(reader.i64() === HASHMAP_UID, `its ${HASHMAP} has an unknown serialVersionUID`);
  const flags = reader.u8();
  expect((flags & SC_SERIALIZABLE) !== 0 && (flags & SC_WRITE_METHOD) !== 0, `its ${HASHMAP} has unexpected flags`);
  const count = reader.u16();
  const sizes: number[] = [];
  for (let i = 0; i < count; i++) {
    const size = PRIMITIVE_SIZES[String.fromCharCode(reader.u8())];
    expect(size !== undefined, `its ${HASHMAP} has a field that is not a number`);
    reader.utf();
    sizes.push(size);
  }
  expect(reader.u8() === TC_ENDBLOCKDATA, `its ${HASHMAP} class has annotations`);
  expect(reader.u8() === TC_NULL, `its ${HASHMAP} has a serializable superclass`);
  return sizes;
}

/**
 * The map's entries, in the order they were written.
 * @throws {JavaStreamError} saying what is wrong, for anything outside the subset above.
 */
export function readJavaStringMap(bytes: Uint8Array): Map<string, string> {
  const reader = new Reader(bytes);
  expect(reader.u16() === MAGIC && reader.u16() === VERSION, 'it is not a Java object stream (version 5)');
  expect(reader.u8() === TC_OBJECT, 'it does not start with an object');
  const handles: (string | undefined)[] = [undefined]; // the class description
  const fieldSizes = hashMapClass(reader);
  handles.push(undefined); // the map itself
  for (const size of fieldSizes) reader.take(size);

  // HashMap.writeObject's own data, up to TC_ENDBLOCKDATA: block data and string objects.
  const block: number[] = [];
  const strings: string[] = [];
  for (;;) {
    const tag = reader.u8();
    if (tag === TC_ENDBLOCKDATA) break;
    if (tag === TC_BLOCKDATA || tag === TC_BLOCKDATALONG) {
      const length = tag === TC_BLOCKDATA ? reader.u8() : reader.i32();
      expect(length >= 0 && length <= 8 - block.length, 'it has more block data than a HashMap writes');
      block.push(...reader.take(length));
    } else if (tag === TC_STRING || tag === TC_LONGSTRING) {
      let length: number;
      if (tag === TC_STRING) length = reader.u16();
      else {
        const long = reader.i64();
        expect(long >= 0n && long <= BigInt(reader.left), 'a string is longer than the file');
        length = Number(long);
      }
      const text = modifiedUtf8(reader.take(length));
      handles.push(text);
      strings.push(text);
    } else if (tag === TC_REFERENCE) {
      const text = handles[reader.i32() - BASE_HANDLE];
      expect(text !== undefined, 'it refers to an object that is not a string');
      strings.push(text);
    } else {
      throw new JavaStreamError(`it holds an object of type 0x${tag.toString(16)} where a string should be`);
    }
    expect(strings.length <= 2 * MAX_MAP_ENTRIES, 'it holds too many entries');
  }
  expect(reader.left === 0, 'it has data after the map');
  expect(block.length === 8, 'it lacks the map size');
  const size = new DataView(Uint8Array.from(block).buffer).getInt32(4);
  expect(size >= 0 && strings.length === 2 * size, `its size (${size}) does not match its entries`);
  const map = new Map<string, string>();
  for (let i = 0; i < strings.length; i += 2) map.set(strings[i]!, strings[i + 1]!);
  return map;
}
