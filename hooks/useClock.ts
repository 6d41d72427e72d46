/**
 * The clock warning: asked for (`refresh`) whenever the list shows and after each fill (the check
 * runs beside the fill in the background, and the answer waits for it), and the user's two
 * answers to it.
 */
import { useCallback, useState } from 'preact/hooks';
import type { ClockWarning } from '../utils/core/clock/clock-check';
import { sendMessage } from '../utils/messaging/message-client';

export function useClock(onCorrected: () => void) {
  const [warning, setWarning] = useState<ClockWarning | null>(null);

  const refresh = useCallback(async () => {
    setWarning(await sendMessage('clock.warning').catch(() => null));
  }, []);

  const correct = async () => {
    await sendMessage('clock.useCorrection');
    setWarning(null);
    onCorrected();
  };
  const dismiss = async () => {
    await sendMessage('clock.dismiss');
    setWarning(null);
  };
  return { warning, refresh, correct, dismiss };
}
