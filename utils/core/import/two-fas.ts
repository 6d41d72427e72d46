/**
 * 2FAS `.2fas` backups, schemas 1-4. An entry without a token type (most of schemas 1-2) is TOTP
 * (with the default 30 s when the file has no period). Encrypted files hold `servicesEncrypted` as
 * `base64(ciphertext‖tag):base64(salt):base64(iv)`, opened with PBKDF2-SHA256 (10,000 rounds,
 * 256-bit key) and AES-GCM. Groups become tags.
 * @see https://github.com/twofas/2fas-android (the app that writes them)
 */
import { fromBase64 } from '../internal/bytes';
import { ImportError } from './import-error';
import { collectAccounts, entryAccount, entryName } from './imported';
import { aesGcmDecrypt, decryptedJson, pbkdf2 } from './import-crypto';
import { jsonObject, requirePassword, type Importer } from './import-source';

const FORMAT = '2FAS';
const ROUNDS = 10_000;

interface Service {
  name?: string;
  secret?: string;
  groupId?: string;
  otp?: {
    account?: string;
    label?: string;
    issuer?: string;
    digits?: number;
    period?: number;
    algorithm?: string;
    counter?: number;
    tokenType?: string;
  };
}

async function decryptServices(sealed: string, password: string): Promise<unknown> {
  const parts = sealed.split(':');
  const [data, salt, iv] = parts.map((part) =>
    fromBase64(
      part,
      () => new ImportError('malformed', 'This 2FAS export is damaged: its encrypted data is not base64.'),
    ),
  );
  if (parts.length !== 3 || !data || !salt || !iv)
    throw new ImportError('malformed', 'This 2FAS export is damaged: its encrypted data is not ciphertext:salt:iv.');
  return decryptedJson(await aesGcmDecrypt(await pbkdf2(password, salt, ROUNDS, 'SHA-256'), iv, data, FORMAT), FORMAT);
}

export const twoFas: Importer = {
  format: FORMAT,
  matches: (source) => {
    const backup = jsonObject(source);
    return backup !== undefined && typeof backup.schemaVersion === 'number' && Array.isArray(backup.services);
  },
  async parse(source, password) {
    const backup = jsonObject(source)!;
    const schema = backup.schemaVersion as number;
    if (schema < 1 || schema > 4)
      throw new ImportError('not-recognised', `This 2FAS export is schema ${schema}; Tessera reads schemas 1 to 4.`);
    const sealed = backup.servicesEncrypted;
    const services =
      typeof sealed === 'string' ? await decryptServices(sealed, requirePassword(password, FORMAT)) : backup.services;
    if (!Array.isArray(services))
      throw new ImportError('malformed', 'This 2FAS export is damaged: its services are not a list.');
    const groups = new Map(
      ((backup.groups ?? []) as { id: string; name: string }[]).map((group) => [group.id, group.name]),
    );
    return collectAccounts(
      FORMAT,
      services as Service[],
      (service) => {
        const otp = service.otp ?? {};
        // A type given is honoured in every schema (schema 2 files can hold HOTP entries); with none,
        // as in most schema 1-2 files, 2FAS treated the entry as TOTP. An unknown type is refused
        // by name (entryAccount), never read as TOTP.
        const type = otp.tokenType ?? 'TOTP';
        return {
          account: entryAccount({
            type,
            issuer: otp.issuer || service.name,
            label: otp.account || otp.label,
            secret: service.secret,
            algorithm: otp.algorithm,
            digits: otp.digits,
            period: otp.period,
            counter: otp.counter,
          }),
          tags: service.groupId && groups.has(service.groupId) ? [groups.get(service.groupId)!] : [],
        };
      },
      (service) => entryName(service.otp?.issuer || service.name, service.otp?.account),
    );
  },
};
