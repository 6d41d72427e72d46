/**
 * Confirms the pending preview the user chose from. When another scan or an import changed it
 * meanwhile, the worker refuses (`stale-preview`, issue 15): the current preview is handed to
 * `reload` (null when nothing is pending any more) and the user is told to look again.
 */
import type { Messages } from '../core/messaging/messages';
import type { ScanPreview } from '../core/preview/scan-preview';
import { t } from '../i18n/i18n';
import { MessageError, sendMessage } from '../messaging/message-client';

export async function confirmPreview(
  payload: Messages['preview.confirm']['payload'],
  reload: (preview: ScanPreview | null) => void,
): Promise<Messages['preview.confirm']['result']> {
  try {
    return await sendMessage('preview.confirm', payload);
  } catch (error) {
    if (!(error instanceof MessageError) || error.code !== 'stale-preview') throw error;
    reload(await sendMessage('preview.get').catch(() => null));
    throw new Error(t('scanChanged'));
  }
}
