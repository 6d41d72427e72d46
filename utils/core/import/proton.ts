/** Proton Authenticator JSON exports: `{version, entries: [{content: {uri, entry_type, name}}]}`, each a Key URI. */
import { parseOtpauthUri } from '../otp/otpauth-uri';
import { collectAccounts, entryName } from './imported';
import { jsonObject, type Importer } from './import-source';

const FORMAT = 'Proton Authenticator';

type Entry = { content?: { uri?: string; name?: string } };

export const proton: Importer = {
  format: FORMAT,
  matches: (source) => {
    const backup = jsonObject(source);
    return (
      backup !== undefined &&
      Array.isArray(backup.entries) &&
      (backup.entries as Entry[]).some((entry) => typeof entry?.content?.uri === 'string')
    );
  },
  parse: async (source) =>
    collectAccounts(
      FORMAT,
      jsonObject(source)!.entries as Entry[],
      (entry) => ({ account: parseOtpauthUri(entry.content?.uri ?? ''), tags: [] }),
      (entry) => entryName('', entry.content?.name),
    ),
};
