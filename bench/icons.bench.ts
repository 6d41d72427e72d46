/**
 * The popup's opening with site icons on (issue 16: the budgets hold "with icons on"): 500
 * accounts, each bound to a site of its own and carrying two tags, "Show site icons" on. No
 * site was visited, so every visible row also reads Chrome's `_favicon` and finds its generic
 * globe (components/AccountIcon.tsx), the most work icons can add to an opening.
 */
import { launchTessera, openPopup, sendFromPage, type Tessera } from '../e2e/harness';
import { restoreEntries } from '../e2e/restore-entries';
import type { Figure } from './measure';
import { benchPopupOpen } from './popup.bench';

const SECRET = 'JBSWY3DPEHPK3PXP';

export async function launchWithIcons(accounts: number): Promise<Tessera> {
  const tessera = await launchTessera();
  const page = await openPopup(tessera);
  await sendFromPage(page, 'vault.create', { passphrase: 'benchmark passphrase' });
  await restoreEntries(
    page,
    Array.from({ length: accounts }, (_, i) => ({
      id: String(i),
      account: {
        type: 'totp' as const,
        issuer: `Service ${i}`,
        label: `user${i}@example.com`,
        secret: SECRET,
        algorithm: 'SHA1' as const,
        digits: 6,
        period: 30,
      },
      sites: [`https://service${i}.example`],
      tags: ['Work', `Group ${i % 7}`],
    })),
  );
  const set = await sendFromPage(page, 'settings.update', { showIcons: true });
  if (!set.ok) throw new Error(`settings.update failed: ${set.error?.message}`);
  await page.close();
  return tessera;
}

export async function benchIcons(accounts: number): Promise<Figure[]> {
  const tessera = await launchWithIcons(accounts);
  try {
    return await benchPopupOpen(tessera, accounts, 'icons on');
  } finally {
    await tessera.close();
  }
}
