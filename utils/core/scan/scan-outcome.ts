import type { ScanPreview } from '../preview/scan-preview';

/**
 * What a scan found: a preview to confirm, nothing (offer the region tool), or a page no extension
 * may read. `notes`: one line per kind of picture skipped for its size or load time.
 */
export type ScanOutcome =
  | { status: 'found'; source: 'page' | 'screenshot' | 'image'; preview: ScanPreview; notes?: string[] }
  | { status: 'none'; reason?: string; notes?: string[] }
  | { status: 'restricted'; reason: string };
