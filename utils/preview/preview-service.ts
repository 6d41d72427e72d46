/**
 * What scanning found, held until the user confirms: accounts from `otpauth://` codes and Google
 * Authenticator export parts (gathered across scans until the batch is whole), and codes that
 * could not be used, with why. The popup sees a preview without secrets; confirming writes every
 * chosen account in one vault write.
 */
import type { Account } from '../core/otp/account';
import type { PendingScan, ScanChoice, ScanPreview } from '../core/preview/scan-preview';
import { gatherMigrationParts } from '../core/scan/migration-batches';
import { readScannedCode } from '../core/scan/scanned-code';
import type { ParsedImport } from '../core/import/imported';
import { ServiceError } from '../core/internal/service-error';
import type { AccountsService } from '../accounts/accounts-service';
import { pendingScanItem } from './pending-scan-item';
import { checkEpoch, lockEpoch } from '../vault/lock-epoch';
import { requireKey } from '../vault/session-key';

const NOT_AUTHENTICATOR = 'This QR code is not an authenticator code.';

export function createPreviewService({ accounts }: { accounts: AccountsService }) {
  /**
   * Lock means gone: the pending scan (with secrets) is written only while the vault is still
   * unlocked since `since`, the lock epoch captured when the scan or import began (lock-epoch.ts).
   */
  async function save(scan: PendingScan, since: number): Promise<void> {
    await requireKey();
    checkEpoch(since);
    await pendingScanItem.setValue(scan);
  }

  async function pending(): Promise<PendingScan> {
    return (await pendingScanItem.getValue()) ?? { accounts: [], parts: [], unusable: [] };
  }

  /** Every account found so far, each once, with the duplicate it would be of. */
  async function candidates(
    scan: PendingScan,
    gathered = gatherMigrationParts(scan.parts),
  ): Promise<
    {
      account: Account;
      tags: string[];
      sites?: string[];
      pinned?: boolean;
      duplicateOf: string | undefined;
      onSite: boolean;
    }[]
  > {
    const seen = new Set<string>();
    // Only codes shown by the page itself belong to its site; an export's accounts come from elsewhere.
    const found = [
      ...scan.accounts.map((account) => ({ account, tags: [], onSite: true })),
      ...gathered.accounts.map((account) => ({ account, tags: [], onSite: false })),
      ...(scan.imported?.accounts ?? []).map((imported) => ({ ...imported, onSite: false })),
    ];
    const unique = found.filter(({ account }) => {
      const key = JSON.stringify([account.type, account.secret, account.issuer, account.label]);
      return !seen.has(key) && seen.add(key);
    });
    const duplicates = await accounts.findDuplicates(unique.map((item) => item.account));
    return unique.map((item, i) => ({ ...item, duplicateOf: duplicates[i] }));
  }

  async function preview(scan: PendingScan): Promise<ScanPreview> {
    const gathered = gatherMigrationParts(scan.parts);
    const rows = (await candidates(scan, gathered)).map(({ account, tags, duplicateOf }, key) => {
      const { type, issuer, label, algorithm, digits } = account;
      const timing = account.type === 'hotp' ? { counter: account.counter } : { period: account.period };
      return {
        key,
        type,
        issuer,
        label,
        algorithm,
        digits,
        ...timing,
        duplicate: duplicateOf !== undefined,
        ...(tags.length ? { tags } : {}),
      };
    });
    const site = scan.accounts.length ? scan.site : undefined;
    const skipped = [...gathered.skipped, ...(scan.imported?.skipped ?? [])];
    return {
      accounts: rows,
      unusable: scan.unusable,
      skipped,
      batches: gathered.batches,
      ...(site ? { site } : {}),
      ...(scan.imported ? { format: scan.imported.format } : {}),
    };
  }

  return {
    /**
     * Adds what the QR codes found (their texts) to the pending scan and returns the preview;
     * `site`: the site of the page they were found on (none for a picture file); `since`: the
     * lock epoch when the scan began.
     */
    async addTexts(texts: readonly string[], site?: string, since = lockEpoch()): Promise<ScanPreview> {
      const scan = await pending();
      for (const text of new Set(texts)) {
        const code = readScannedCode(text);
        if (code.kind === 'account') {
          scan.accounts.push(code.account);
          if (site) scan.site = site;
        } else if (code.kind === 'migration') scan.parts.push(code.part);
        else {
          const unusable = { text: code.text, reason: code.kind === 'invalid' ? code.reason : NOT_AUTHENTICATOR };
          if (!scan.unusable.some((known) => known.text === unusable.text)) scan.unusable.push(unusable);
        }
      }
      await save(scan, since);
      return preview(scan);
    },
    async preview(): Promise<ScanPreview | null> {
      const scan = await pendingScanItem.getValue();
      return scan ? preview(scan) : null;
    },
    /**
     * Adds or replaces the chosen accounts in one write; the rest are skipped. Clears the scan.
     * `rememberSite`: bind the page's site to the accounts its own codes gave (the user agreed).
     */
    async confirm(choices: readonly ScanChoice[], rememberSite = false): Promise<{ added: number; replaced: number }> {
      const scan = await pending();
      const found = await candidates(scan);
      const items = choices.map(({ key, action }) => {
        const candidate = found[key];
        if (!candidate) throw new ServiceError('invalid-input', 'That scanned account is no longer there; scan again.');
        if (action === 'add' && candidate.duplicateOf)
          throw new ServiceError(
            'invalid-input',
            `${candidate.account.issuer || candidate.account.label} is already in Tessera: skip or replace it.`,
          );
        if (action === 'replace' && !candidate.duplicateOf)
          throw new ServiceError('invalid-input', 'Only an account already in Tessera can be replaced.');
        const sites = [
          ...(candidate.sites ?? []),
          ...(rememberSite && scan.site && candidate.onSite ? [scan.site] : []),
        ];
        return {
          account: candidate.account,
          replaces: action === 'replace' ? candidate.duplicateOf : undefined,
          sites,
          tags: candidate.tags,
          pinned: candidate.pinned,
        };
      });
      await accounts.importAccounts(items);
      await pendingScanItem.removeValue();
      return {
        added: items.filter((item) => !item.replaces).length,
        replaced: items.filter((item) => item.replaces).length,
      };
    },
    /**
     * An export file the import read replaces whatever was pending: the preview is of this file
     * alone, confirmed (preview.confirm) or discarded like a scan.
     */
    async addImport(parsed: ParsedImport, since = lockEpoch()): Promise<ScanPreview> {
      const scan: PendingScan = { accounts: [], parts: [], unusable: [], imported: parsed };
      await save(scan, since);
      return preview(scan);
    },
    /** A scan that found nothing where the user looked (the region tool): the preview says so. */
    async noteNothingFound(reason: string, since = lockEpoch()): Promise<ScanPreview> {
      const scan = await pending();
      scan.unusable = [...scan.unusable.filter((item) => item.text !== ''), { text: '', reason }];
      await save(scan, since);
      return preview(scan);
    },
    async discard(): Promise<void> {
      await pendingScanItem.removeValue();
    },
  };
}

export type PreviewService = ReturnType<typeof createPreviewService>;
