/**
 * The options page's export: a file the browser downloads, or Google Authenticator transfer codes
 * to show (the background builds both; the page only saves or draws them).
 */
import { useCallback, useState } from 'preact/hooks';
import { downloadText } from '../utils/popup/download-text';
import type { ExportFormat, ExportResult } from '../utils/core/export/export-result';
import { sendMessage } from '../utils/messaging/message-client';

export type TransferCodes = Extract<ExportResult, { uris: string[] }>;

export function useExport() {
  const [codes, setCodes] = useState<TransferCodes>();
  /** `proof`: the vault passphrase when the worker asked for it again (hooks/useReauth.ts). */
  const run = useCallback(async (format: ExportFormat, password: string, proof: { vaultPassphrase?: string } = {}) => {
    const result = await sendMessage(
      'export.accounts',
      format === 'aegis' ? { format, password, ...proof } : { format, ...proof },
    );
    if ('uris' in result) setCodes(result);
    else downloadText(result.fileName, result.text, format === 'otpauth' ? 'text/plain' : 'application/json');
  }, []);
  return { codes, run, clearCodes: () => setCodes(undefined) };
}
