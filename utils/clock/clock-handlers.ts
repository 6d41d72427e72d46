/** `clock.*`: the popup's warning about a wrong clock, and its two answers. */
import type { HandlersOf } from '../messaging/message-router';
import type { ClockService } from './clock-service';

export function clockHandlers(clock: ClockService): HandlersOf<'clock'> {
  return {
    'clock.warning': { from: 'extension', handle: () => clock.warning() },
    'clock.useCorrection': { from: 'extension', handle: () => clock.useCorrection() },
    'clock.dismiss': { from: 'extension', handle: async () => (await clock.dismiss(), null) },
  };
}
