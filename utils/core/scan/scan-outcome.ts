import type { ScanPreview } from '../preview/scan-preview';

/** What a scan found: a preview to confirm, nothing (offer the region tool), or a page no extension may read. */
export type ScanOutcome =
  | { status: 'found'; source: 'page' | 'screenshot' | 'image'; preview: ScanPreview }
  | { status: 'none'; reason?: string }
  | { status: 'restricted'; reason: string };
