/**
 * Moving out: the whole vault as an encrypted Aegis file, a plain otpauth:// list, or Google
 * Authenticator transfer codes; one account's Key URI for its own QR code. Only extension pages
 * may ask, only while unlocked, and only with the passphrase fresh (utils/vault/reauth.ts).
 * The helper writes the Aegis file (scrypt) and the transfer codes (protobuf)
 * (utils/helper/export-tasks.ts), so neither loads in the service worker.
 */
import type { ExportResult } from '../core/export/export-result';
import { exportOtpauthList } from '../core/export/otpauth-list';
import { entryName } from '../core/import/imported';
import { isLongEnough, MIN_PASSPHRASE_LENGTH } from '../core/vault/passphrase-strength';
import { ServiceError } from '../core/internal/service-error';
import type { AccountsService } from '../accounts/accounts-service';
import type { HelperClient } from '../helper/helper-client';
import type { Handlers } from '../messaging/message-router';
import { text } from '../messaging/message-router';
import { requireFreshAuth } from '../vault/reauth';
import type { VaultStore } from '../vault/vault-store';

const day = (now: number) => new Date(now).toISOString().slice(0, 10);

export function exportHandlers(
  store: VaultStore,
  accounts: AccountsService,
  helper: HelperClient,
  now = Date.now,
): Pick<Handlers, 'export.accounts' | 'export.accountUri'> {
  // Secrets leave here: each answer needs the passphrase, or an unlock within a minute (reauth.ts).
  const entries = async (payload: unknown) =>
    (await store.read(await requireFreshAuth(store, payload, now))).contents.entries;
  return {
    'export.accounts': {
      from: 'extension',
      handle: async (payload): Promise<ExportResult> => {
        const format = text(payload, 'format');
        const list = await entries(payload);
        if (list.length === 0) throw new ServiceError('invalid-input', 'There are no accounts to export.');
        const accounts = list.map((entry) => entry.account);
        if (format === 'otpauth')
          return {
            fileName: `tessera-otpauth-${day(now())}.txt`,
            text: exportOtpauthList(accounts),
            accounts: accounts.length,
          };
        if (format === 'aegis') {
          const password = (payload as { password?: unknown }).password;
          if (typeof password !== 'string' || !isLongEnough(password))
            throw new ServiceError(
              'weak-passphrase',
              `The Aegis file needs a password of at least ${MIN_PASSPHRASE_LENGTH} characters.`,
            );
          return {
            fileName: `aegis-export-from-tessera-${day(now())}.json`,
            text: await helper.run('exportAegis', {
              entries: list.map((entry) => ({ account: entry.account, tags: entry.tags })),
              password,
            }),
            accounts: accounts.length,
          };
        }
        if (format === 'google') {
          // Google's batch id is a random int32; it only ties the codes of one export together.
          const { uris, notMovable } = await helper.run('exportGoogle', {
            accounts,
            batchId: crypto.getRandomValues(new Int32Array(1))[0]!,
          });
          return {
            uris,
            notMovable: notMovable.map(({ account, reason }) => ({
              name: entryName(account.issuer, account.label),
              reason,
            })),
          };
        }
        throw new ServiceError('invalid-input', 'format must be aegis, otpauth or google.');
      },
    },
    'export.accountUri': {
      from: 'extension',
      handle: async (payload) => {
        const id = text(payload, 'id');
        await requireFreshAuth(store, payload, now);
        return accounts.uriFor(id);
      },
    },
  };
}
