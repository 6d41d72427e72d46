/**
 * The accounts inside the unlocked vault. Hands out codes (the current one and, for time-based
 * accounts, the next) and never a secret: the popup renders, the background computes.
 */
import { accountView, type AccountView } from '../core/accounts/account-view';
import { applyImport, type ImportItem } from '../core/accounts/apply-import';
import { findEntry } from '../core/accounts/find-entry';
import { pageMatcher, pageNamesNeeded } from '../core/accounts/page-matcher';
import type { Account } from '../core/otp/account';
import { buildOtpauthUri } from '../core/otp/build-otpauth-uri';
import { codeTime } from '../core/clock/clock-offset';
import { generateCode } from '../core/otp/otp';
import { parseOtpauthUri } from '../core/otp/otpauth-uri';
import { validateAccount } from '../core/otp/validate-account';
import { checkSiteIcon, iconHostsToCheck, type SiteIcon } from '../core/accounts/site-icon';
import { bindingCovers, hostToCheck } from '../core/fill/binding-covers';
import type { SiteResolver } from '../fill/site-resolver';
import type { SiteNames } from '../core/fill/site-names';

/** Lookups that know no site: a list made without the helper (no page match, no site icon). */
const NO_NAMES: SiteNames = { siteOf: () => undefined, icannLabel: () => undefined };
import type { VaultEntry } from '../core/vault/vault-contents';
import { ServiceError } from '../core/internal/service-error';
import { requireKey } from '../vault/session-key';
import { lockEpoch, onLock, sameEpoch } from '../vault/lock-epoch';
import type { Frozen, VaultStore } from '../vault/vault-store';

/** How long a deleted account can be brought back. */
export const UNDO_MS = 10_000;

export interface AccountsDeps {
  store: VaultStore;
  now?: () => number;
  /** The clock correction codes use (settings.clockOffsetMs); HOTP codes ignore it. */
  clockOffset?: () => Promise<number>;
  /** Public-suffix answers (sites, brands) for page matching and site icons (fill/site-resolver.ts). */
  sites: Pick<SiteResolver, 'names'>;
}

export function createAccountsService({ store, now = Date.now, clockOffset = async () => 0, sites }: AccountsDeps) {
  const removed = new Map<string, { entry: VaultEntry; index: number; until: number }>();
  // A removed account (with its secret) waits for undo in memory: a lock drops it.
  onLock(() => removed.clear());

  async function update<T>(change: (entries: VaultEntry[]) => T): Promise<T> {
    return store.update(await requireKey(), (contents) => change(contents.entries));
  }

  return {
    /**
     * Pinned first, then those for the current tab's page (bound to its site, or an issuer that
     * looks like its host name), then in the user's order. `first` limits the answer to the first
     * accounts: the popup's first screen asks for only the rows it shows, then for all.
     * `pageUrl` may still be on its way: it is awaited after the vault is read, so the two
     * lookups overlap. Public-suffix lookups are made only when they can change the answer.
     */
    async list(pageUrl?: string | Promise<string | undefined>, first = Infinity): Promise<AccountView[]> {
      const at = now();
      const offset = clockOffset();
      const entries = (await store.read(await requireKey())).contents.entries;
      const url = await pageUrl;
      const needed = pageNamesNeeded(url, entries);
      // The codes come first: if the helper cannot answer, the list comes without page ranking and
      // site icons rather than not at all (a fill still refuses without its lookups).
      const looked = await sites
        .names({ hosts: [...needed.hosts, ...entries.flatMap(iconHostsToCheck)], names: needed.names })
        .catch((error: unknown) => (console.error('Site lookups failed; listing without them', error), undefined));
      const names = looked ?? NO_NAMES;
      const forPage = pageMatcher(looked ? url : undefined, names);
      const offsetMs = await offset;
      const rank = (entry: Frozen<VaultEntry>) =>
        entry.pinned ? 0 : forPage.bound(entry) || forPage.named(entry) ? 1 : 2;
      return entries
        .map((entry, index) => ({ entry, index }))
        .sort((a, b) => rank(a.entry) - rank(b.entry) || a.index - b.index)
        .slice(0, first)
        .map(({ entry }) => accountView(entry, at, offsetMs, names.siteOf));
    },
    /** Adds an account given as an object or an `otpauth://` URI; returns its id. */
    async add(input: { account?: unknown; uri?: unknown }): Promise<string> {
      const account = typeof input.uri === 'string' ? parseOtpauthUri(input.uri) : validateAccount(input.account);
      const id = crypto.randomUUID();
      await update((entries) => void entries.push({ id, account, addedAt: now() }));
      return id;
    },
    /**
     * Adds several accounts, or replaces existing ones (keeping their place, pin and sites), in
     * one vault write: an import lands whole or not at all. `sites`: where each is used; `tags`:
     * its groups in the app it came from; `pinned`: from a Tessera backup.
     */
    async importAccounts(items: readonly ImportItem[]): Promise<void> {
      const checked = items.map((item) => ({ ...item, account: validateAccount(item.account) }));
      await update((entries) => applyImport(entries, checked, { now: now(), newId: () => crypto.randomUUID() }));
    },
    /**
     * The accounts a fill on this page would choose from (keyboard command, field menu): those
     * bound to its site, else those whose issuer looks like its host name ("GitHub" on github.com).
     */
    async matchesFor(pageUrl: string | undefined): Promise<string[]> {
      const entries = (await store.read(await requireKey())).contents.entries;
      const forPage = pageMatcher(pageUrl, await sites.names(pageNamesNeeded(pageUrl, entries)));
      const bound = entries.filter(forPage.bound);
      return (bound.length ? bound : entries.filter(forPage.named)).map((entry) => entry.id);
    },
    /** What a fill needs to know before any code leaves: the code's length, the account's bindings and issuer. */
    async fillTarget(id: string): Promise<{ digits: number; sites: string[]; issuer: string }> {
      const entry = findEntry((await store.read(await requireKey())).contents.entries, id);
      return { digits: entry.account.digits, sites: [...(entry.sites ?? [])], issuer: entry.account.issuer };
    },
    /** Remembers that this account is used on `site`: an origin, or a bare site (binding-covers.ts). */
    async bindSite(id: string, site: string): Promise<void> {
      await update((entries) => {
        const entry = findEntry(entries, id);
        if (!entry.sites?.includes(site)) entry.sites = [...(entry.sites ?? []), site];
      });
    },
    /**
     * Keeps a site's icon with the account (Firefox; fill/capture-site-icon.ts), only while one of
     * its bindings covers the icon's origin, and without a vault write when it is the one it has.
     */
    async setIcon(id: string, icon: SiteIcon): Promise<void> {
      const checked = checkSiteIcon(icon);
      if (!checked) throw new ServiceError('invalid-input', 'That is not a small PNG icon of an origin.');
      const page = `${checked.origin}/`;
      const kept = findEntry((await store.read(await requireKey())).contents.entries, id);
      const hosts = (kept.sites ?? [])
        .map((binding) => hostToCheck(binding, page))
        .filter((host) => host !== undefined);
      const { siteOf } = await sites.names({ hosts });
      const covers = (entry: Frozen<VaultEntry>) =>
        entry.sites?.some((binding) => bindingCovers(binding, page, siteOf)) === true;
      if (!covers(kept) || (kept.icon?.origin === checked.origin && kept.icon.png === checked.png)) return;
      await update((entries) => {
        const entry = findEntry(entries, id);
        if (covers(entry)) entry.icon = checked;
      });
    },
    /** The current code of one account, for a fill (the secret stays here), at the corrected time. */
    async codeFor(id: string): Promise<string> {
      const { account } = findEntry((await store.read(await requireKey())).contents.entries, id);
      return generateCode(account, codeTime(now(), await clockOffset()));
    },
    /** One account's otpauth:// URI, with its secret: for its QR code on an extension page. */
    async uriFor(id: string): Promise<string> {
      return buildOtpauthUri(findEntry((await store.read(await requireKey())).contents.entries, id).account);
    },
    /**
     * For each account, the stored one with the same secret and label, if any: the same account
     * scanned or imported twice. One read of the vault for all of them.
     */
    async findDuplicates(accounts: readonly Account[]): Promise<(string | undefined)[]> {
      const entries = (await store.read(await requireKey())).contents.entries;
      const key = (account: Pick<Account, 'secret' | 'label'>) => `${account.secret}\n${account.label}`;
      const byKey = new Map<string, string>();
      // The first stored match wins, as a search from the top would find it.
      for (const entry of entries) if (!byKey.has(key(entry.account))) byKey.set(key(entry.account), entry.id);
      return accounts.map((account) => byKey.get(key(account)));
    },
    async edit(id: string, changes: Partial<Account>, pinned?: boolean): Promise<void> {
      await update((entries) => {
        const entry = findEntry(entries, id);
        entry.account = validateAccount({
          ...entry.account,
          ...changes,
          secret: changes.secret || entry.account.secret,
        });
        if (pinned !== undefined) entry.pinned = pinned;
      });
    },
    /** Deletes an account; it can be brought back with `undoRemove` for UNDO_MS. */
    async remove(id: string): Promise<{ undo: string }> {
      const undo = crypto.randomUUID();
      const since = lockEpoch();
      await update((entries) => {
        const entry = findEntry(entries, id);
        const index = entries.indexOf(entry);
        entries.splice(index, 1);
        if (sameEpoch(since)) removed.set(undo, { entry, index, until: now() + UNDO_MS });
      });
      setTimeout(() => removed.delete(undo), UNDO_MS);
      return { undo };
    },
    async undoRemove(undo: string): Promise<void> {
      const kept = removed.get(undo);
      if (!kept || kept.until < now()) throw new ServiceError('not-found', 'It is too late to undo that.');
      removed.delete(undo);
      await update((entries) => void entries.splice(Math.min(kept.index, entries.length), 0, kept.entry));
    },
    /**
     * Moves an account into another's place in the user's order: moving down it lands after the
     * target, moving up before it (what dragging onto a row or Alt+arrow means).
     */
    async move(id: string, targetId: string): Promise<void> {
      await update((entries) => {
        const entry = findEntry(entries, id);
        const to = entries.indexOf(findEntry(entries, targetId));
        entries.splice(entries.indexOf(entry), 1);
        entries.splice(to, 0, entry);
      });
    },
    /** HOTP: the shown code was used; advance the counter and show the next one. */
    async nextHotp(id: string): Promise<void> {
      await update((entries) => {
        const { account } = findEntry(entries, id);
        if (account.type !== 'hotp')
          throw new ServiceError('invalid-input', 'Only counter-based accounts have a next code.');
        account.counter += 1;
      });
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
