/**
 * What scanning found, held until the user confirms: accounts from `otpauth://` codes (each with
 * the page it was shown on) and Google Authenticator export parts (gathered across scans until the
 * batch is whole), and codes that could not be used, with why. The popup sees a preview without
 * secrets, every account named by a key made when it entered; confirming writes the chosen ones
 * in one vault write, and only if the preview is still the one the user chose from (issue 15).
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
const STALE =
  'What was found changed while you were choosing (another scan or an import arrived): check the list again.';

/** Where scanned codes were shown: a page (its origin, when it has one) or a picture file. */
export type ScanPlace = { origin: string | undefined } | { picture: true };

/** The same account twice (from two scans, or a scan and an export) is offered once. */
const sameAccount = (account: Account) => JSON.stringify([account.type, account.secret, account.issuer, account.label]);

export function createPreviewService({ accounts }: { accounts: AccountsService }) {
  /** One change at a time: a scan landing while a confirm writes waits for it, and is not lost. */
  let queue: Promise<unknown> = Promise.resolve();
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function pending(): Promise<PendingScan> {
    return (await pendingScanItem.getValue()) ?? { nonce: '', accounts: [], parts: [], unusable: [] };
  }

  /**
   * Keeps what changed under a new nonce: a confirm chosen from the preview before is refused.
   * Lock means gone: the pending scan (with secrets) is written only while the vault is still
   * unlocked since `since`, the lock epoch captured when the scan or import began (lock-epoch.ts).
   */
  async function save(scan: PendingScan, since: number): Promise<ScanPreview> {
    await requireKey();
    checkEpoch(since);
    scan.nonce = crypto.randomUUID();
    await pendingScanItem.setValue(scan);
    return preview(scan);
  }

  /** Every account found so far, each once, with its key and the duplicate it would be of. */
  async function candidates(
    scan: PendingScan,
    gathered = gatherMigrationParts(scan.parts),
  ): Promise<
    {
      key: string;
      account: Account;
      tags: string[];
      sites?: string[];
      pinned?: boolean;
      /** The page that showed this code itself: the one origin it may be bound to here. */
      origin?: string;
      picture?: boolean;
      duplicateOf: string | undefined;
    }[]
  > {
    const seen = new Set<string>();
    // Only codes shown by the page itself belong to its origin; an export's accounts come from elsewhere.
    const found = [
      ...scan.accounts.map(({ key, account, origin, picture }) => ({ key, account, tags: [], origin, picture })),
      ...gathered.accounts.map((account, i) => ({ key: gathered.keys[i]!, account, tags: [] })),
      ...(scan.imported?.accounts ?? []),
    ];
    const unique = found.filter(({ account }) => !seen.has(sameAccount(account)) && seen.add(sameAccount(account)));
    const duplicates = await accounts.findDuplicates(unique.map((item) => item.account));
    return unique.map((item, i) => ({ ...item, duplicateOf: duplicates[i] }));
  }

  async function preview(scan: PendingScan): Promise<ScanPreview> {
    const gathered = gatherMigrationParts(scan.parts);
    const rows = (await candidates(scan, gathered)).map(({ key, account, tags, origin, picture, duplicateOf }) => {
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
        ...(origin ? { origin } : {}),
        ...(picture ? { picture } : {}),
      };
    });
    const skipped = [...gathered.skipped, ...(scan.imported?.skipped ?? [])];
    return {
      nonce: scan.nonce,
      accounts: rows,
      unusable: scan.unusable,
      skipped,
      batches: gathered.batches,
      ...(scan.imported ? { format: scan.imported.format } : {}),
    };
  }

  return {
    /**
     * Adds what the QR codes found (their texts) to the pending scan and returns the preview.
     * `place`: the origin of the page they were shown on, or a picture file; each account keeps
     * its own, so a scan elsewhere never gives its page to accounts found before. `since`: the
     * lock epoch when the scan began.
     */
    addTexts(texts: readonly string[], place: ScanPlace, since = lockEpoch()): Promise<ScanPreview> {
      return exclusive(async () => {
        const scan = await pending();
        const known = new Set(
          [...scan.accounts.map((item) => item.account), ...gatherMigrationParts(scan.parts).accounts].map(sameAccount),
        );
        for (const text of new Set(texts)) {
          const code = readScannedCode(text);
          if (code.kind === 'account') {
            // Scanned before (maybe on another page): it keeps its key and the place it was first seen.
            if (known.has(sameAccount(code.account))) continue;
            known.add(sameAccount(code.account));
            const from = 'picture' in place ? { picture: true } : place.origin ? { origin: place.origin } : {};
            scan.accounts.push({ key: crypto.randomUUID(), account: code.account, ...from });
          } else if (code.kind === 'migration') scan.parts.push(code.part);
          else {
            const unusable = { text: code.text, reason: code.kind === 'invalid' ? code.reason : NOT_AUTHENTICATOR };
            if (!scan.unusable.some((item) => item.text === unusable.text)) scan.unusable.push(unusable);
          }
        }
        return save(scan, since);
      });
    },
    async preview(): Promise<ScanPreview | null> {
      const scan = await pendingScanItem.getValue();
      return scan ? preview(scan) : null;
    },
    /**
     * Adds or replaces the chosen accounts (named by their keys) in one write; the rest are
     * skipped. Clears the scan. `nonce`: the preview they were chosen from; once anything else
     * arrived, the confirm is refused (`stale-preview`) and the user looks again. `remember`: the
     * page origins the user agreed to bind, each only to the accounts whose codes it showed.
     */
    confirm(
      nonce: string,
      choices: readonly ScanChoice[],
      remember: readonly string[] = [],
    ): Promise<{ added: number; replaced: number }> {
      return exclusive(async () => {
        const scan = await pendingScanItem.getValue();
        if (!scan || scan.nonce !== nonce) throw new ServiceError('stale-preview', STALE);
        const found = new Map((await candidates(scan)).map((candidate) => [candidate.key, candidate]));
        const chosen = new Set<string>();
        const items = choices.map(({ key, action }) => {
          const candidate = found.get(key);
          if (!candidate) throw new ServiceError('invalid-input', 'That account is not in this preview; scan again.');
          if (chosen.has(key)) throw new ServiceError('invalid-input', 'Each account may be chosen once.');
          chosen.add(key);
          if (action === 'add' && candidate.duplicateOf)
            throw new ServiceError(
              'invalid-input',
              `${candidate.account.issuer || candidate.account.label} is already in Tessera: skip or replace it.`,
            );
          if (action === 'replace' && !candidate.duplicateOf)
            throw new ServiceError('invalid-input', 'Only an account already in Tessera can be replaced.');
          const { origin } = candidate;
          return {
            account: candidate.account,
            replaces: action === 'replace' ? candidate.duplicateOf : undefined,
            sites: [...(candidate.sites ?? []), ...(origin && remember.includes(origin) ? [origin] : [])],
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
      });
    },
    /**
     * An export file the import read replaces whatever was pending: the preview is of this file
     * alone, confirmed (preview.confirm) or discarded like a scan.
     */
    addImport(parsed: ParsedImport, since = lockEpoch()): Promise<ScanPreview> {
      return exclusive(() =>
        save(
          {
            nonce: '',
            accounts: [],
            parts: [],
            unusable: [],
            imported: { ...parsed, accounts: parsed.accounts.map((item) => ({ ...item, key: crypto.randomUUID() })) },
          },
          since,
        ),
      );
    },
    /** A scan that found nothing where the user looked (the region tool): the preview says so. */
    noteNothingFound(reason: string, since = lockEpoch()): Promise<ScanPreview> {
      return exclusive(async () => {
        const scan = await pending();
        scan.unusable = [...scan.unusable.filter((item) => item.text !== ''), { text: '', reason }];
        return save(scan, since);
      });
    },
    discard(): Promise<void> {
      return exclusive(() => pendingScanItem.removeValue());
    },
  };
}

export type PreviewService = ReturnType<typeof createPreviewService>;
