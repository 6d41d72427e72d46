/** Why something the user brought in (a scanned code, an export, a backup file) gave no accounts. */
export type ImportErrorCode =
  /** Not something Tessera reads: a QR holding a web address, a file of another kind. */
  | 'not-recognised'
  /** The right kind of thing, but damaged or truncated. */
  | 'malformed'
  /** Read fine, but holds no account. */
  | 'empty'
  /** Encrypted, and no password was given. */
  | 'password-required'
  /** Encrypted, and the password did not open it (or the file is damaged). */
  | 'wrong-password';

/**
 * A rejection of imported content with a message the user can act on. Nothing is ever saved from
 * content that raised one: a parser returns what it could read (refused entries listed) or throws.
 */
export class ImportError extends TypeError {
  override readonly name = 'ImportError';

  constructor(
    readonly code: ImportErrorCode,
    message: string,
    /**
     * Set when a parser met a structure it did not expect and threw something else: the user still
     * gets a typed "damaged" error, but the fuzz tests count it as a parser bug.
     */
    readonly unexpected?: unknown,
  ) {
    super(message);
  }
}
