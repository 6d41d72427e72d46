/**
 * Writes a HashMap<String, String> the way Java's ObjectOutputStream does (Java Object
 * Serialization Stream Protocol §6.4; HashMap's serialized form), for tests of
 * utils/core/import/java-string-map.ts: the fuzz run mutates FreeOTP 2 backups' JSON and writes
 * them back. Strings are written as UTF-8, which equals Java's modified UTF-8 for text without
 * NUL or characters beyond the BMP (the fixtures' JSON).
 */
export function writeJavaStringMap(map: Map<string, string>): Uint8Array {
  const out: number[] = [];
  const u16 = (n: number) => out.push(n >>> 8, n & 0xff);
  const u32 = (n: number) => out.push(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
  const utf = (text: string) => {
    const bytes = new TextEncoder().encode(text);
    u16(bytes.length);
    out.push(...bytes);
  };
  u16(0xaced);
  u16(5);
  out.push(0x73, 0x72); // TC_OBJECT TC_CLASSDESC
  utf('java.util.HashMap');
  out.push(0x05, 0x07, 0xda, 0xc1, 0xc3, 0x16, 0x60, 0xd1); // serialVersionUID
  out.push(0x03); // SC_WRITE_METHOD | SC_SERIALIZABLE
  u16(2);
  out.push(0x46); // 'F'
  utf('loadFactor');
  out.push(0x49); // 'I'
  utf('threshold');
  out.push(0x78, 0x70); // TC_ENDBLOCKDATA, superclass TC_NULL
  u32(0x3f400000); // 0.75f
  u32(12);
  out.push(0x77, 8); // TC_BLOCKDATA, 8 bytes
  u32(16);
  u32(map.size);
  for (const [key, value] of map) {
    for (const text of [key, value]) {
      out.push(0x74); // TC_STRING
      utf(text);
    }
  }
  out.push(0x78);
  return Uint8Array.from(out);
}
