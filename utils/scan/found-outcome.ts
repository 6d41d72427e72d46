import type { Browser } from 'wxt/browser';
import type { ScanOutcome } from '../core/scan/scan-outcome';
import type { PreviewService } from '../preview/preview-service';
import { originAfterScan } from './scanned-origin';
import type { TabScan } from './tab-scanner';

/**
 * What a scan found, as the popup sees it: found texts join the pending preview (each account
 * remembering the origin of the tab it came from, or the picture file), and the answer is that
 * preview; anything else passes through. `tab` is the tab as it was before the scan: a page
 * that navigated meanwhile gives its codes no origin (originAfterScan).
 * `since`: the lock epoch when the scan began; a lock since then keeps nothing.
 */
export async function foundOutcome(
  previews: PreviewService,
  found: TabScan,
  tab: Browser.tabs.Tab | undefined,
  source: 'image' | undefined,
  since: number,
): Promise<ScanOutcome> {
  if (found.status !== 'found') return found;
  return {
    status: 'found',
    source: source ?? found.source,
    preview: await previews.addTexts(
      found.texts,
      source === 'image' ? { picture: true } : { origin: tab && (await originAfterScan(tab, found.origin)) },
      since,
    ),
    ...(found.notes ? { notes: found.notes } : {}),
  };
}
