/** The formats `export.accounts` writes, and what it answers: a file to save, or transfer codes to show. */
export type ExportFormat = 'aegis' | 'otpauth' | 'google';

export type ExportResult =
  | { fileName: string; text: string; accounts: number }
  | { uris: string[]; notMovable: { name: string; reason: string }[] };
