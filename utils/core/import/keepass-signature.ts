/** How a KeePass file starts, shared by keepass.ts (which recognises it) and keepass-database.ts. */
export const FORMAT = 'KeePass';
/** The KeePass 2 signatures (0x9AA2D903, 0xB54BFB67), little-endian. */
export const SIGNATURE = [0x03, 0xd9, 0xa2, 0x9a, 0x67, 0xfb, 0x4b, 0xb5];
/** KeePass 1.x (`.kdb`): same first signature, 0xB54BFB65 second. */
export const KDB_SIGNATURE = [0x03, 0xd9, 0xa2, 0x9a, 0x65, 0xfb, 0x4b, 0xb5];

export const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
