/**
 * LastPass Authenticator's JSON export: `{version, deviceName, accounts: [{issuerName,
 * originalIssuerName, userName, originalUserName, secret, digits, timeStep, algorithm,
 * folderData: {folderId}, ...}], folders: [{id, name}]}`. Every account is TOTP. The names the
 * user edited (`issuerName`, `userName`) win over the ones the QR code had; folders other than
 * the built-in "Other Accounts" (0) and "Favorites" (1) become tags.
 * @see https://github.com/protonpass/proton-pass-common/blob/85bc82bcfe77c658f04c3c6829df451a09047078/proton-authenticator/test_data/authenticator/lastpass/lastpass_ios_export.json (a real export)
 * @see https://github.com/protonpass/proton-pass-common/blob/023da9b6e11e2e0335d6c734a4d0e096e2571a73/proton-authenticator/src/parser/lastpass/json.rs (another reader)
 */
import { collectAccounts, entryAccount, entryName, field } from './imported';
import { jsonObject, type Importer } from './import-source';

const FORMAT = 'LastPass Authenticator';
const BUILT_IN_FOLDERS = new Set([0, 1]);

interface LastPassAccount {
  issuerName?: string;
  originalIssuerName?: string;
  userName?: string;
  originalUserName?: string;
  secret?: string;
  digits?: number;
  timeStep?: number;
  algorithm?: string;
  folderData?: { folderId?: number } | null;
}

const issuerOf = (account: LastPassAccount) => account?.issuerName || account?.originalIssuerName;
const userOf = (account: LastPassAccount) => account?.userName || account?.originalUserName;

export const lastPassAuthenticator: Importer = {
  format: FORMAT,
  matches: (source) => {
    const backup = jsonObject(source);
    return (
      backup !== undefined &&
      Array.isArray(backup.accounts) &&
      (Array.isArray(backup.folders) ||
        (backup.accounts as LastPassAccount[]).some(
          (account) => typeof account?.secret === 'string' && ('timeStep' in account || 'issuerName' in account),
        ))
    );
  },
  async parse(source) {
    const backup = jsonObject(source)!;
    const folders = new Map(
      (Array.isArray(backup.folders) ? (backup.folders as { id?: unknown; name?: unknown }[]) : [])
        .filter((folder) => typeof folder?.id === 'number' && !BUILT_IN_FOLDERS.has(folder.id))
        .map((folder) => [folder.id as number, folder.name]),
    );
    return collectAccounts(
      FORMAT,
      field<LastPassAccount[]>(backup, 'accounts', 'array', FORMAT),
      (account) => {
        const folder = folders.get(account.folderData?.folderId as number);
        return {
          account: entryAccount({
            issuer: issuerOf(account),
            label: userOf(account),
            secret: account.secret,
            algorithm: account.algorithm,
            digits: account.digits,
            period: account.timeStep,
          }),
          tags: typeof folder === 'string' ? [folder] : [],
        };
      },
      (account) => entryName(issuerOf(account), userOf(account)),
    );
  },
};
