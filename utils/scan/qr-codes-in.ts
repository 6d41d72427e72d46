/**
 * The QR texts in a picture, read by the helper (utils/helper/scan-tasks.ts), so jsQR and the
 * pixel decoding stay out of the service worker (issue 19). Only JSON crosses to the helper: a
 * fetched picture's Blob goes as a data: URL of its bytes and media type.
 */
import type { TaskInput } from '../core/helper/helper-protocol';
import { toBase64 } from '../core/internal/bytes';
import type { HelperClient } from '../helper/helper-client';

/** A Content-Type's type and subtype only: its parameters (`; charset=…`) have no place before `;base64`. */
const mediaType = (type: string) => type.replace(/[;,].*$/s, '').trim();

export type QrOptions = Omit<TaskInput<'qrCodes'>, 'image'>;

export async function qrCodesIn(
  helper: HelperClient,
  picture: string | Blob,
  options: QrOptions = {},
): Promise<string[]> {
  const image =
    typeof picture === 'string'
      ? picture
      : `data:${mediaType(picture.type)};base64,${toBase64(new Uint8Array(await picture.arrayBuffer()))}`;
  return helper.run('qrCodes', { image, ...options });
}
