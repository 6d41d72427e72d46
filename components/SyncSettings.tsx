import { useState } from 'preact/hooks';
import { useSync } from '../hooks/useSync';
import type { SyncNotice, SyncStatus } from '../utils/core/sync/sync-status';
import { t, type MessageKey } from '../utils/i18n/i18n';
import { messageLocale } from '../utils/i18n/plural';
import { ErrorMessage } from './ErrorMessage';
import { Banner } from './ui/Banner';
import { Button } from './ui/Button';
import { CheckboxRow } from './ui/CheckboxRow';

const NOTICES: Record<SyncNotice['code'], MessageKey> = {
  'sync-damaged': 'syncNoticeDamaged',
  'sync-newer': 'syncNoticeNewer',
  'sync-other-key': 'syncNoticeOtherKey',
};

const kilobytes = (bytes: number) => (bytes / 1024).toLocaleString(messageLocale(), { maximumFractionDigits: 1 });

/** Last synced, devices seen, bytes used of the quota; why sync paused and what it ignored. */
export function SyncStatusLines({ status }: { status: SyncStatus }) {
  const locale = messageLocale();
  const devices = status.devices.map((device) => (device.self ? t('syncThisDevice', device.label) : device.label));
  return (
    <>
      <p class="hint" role="status">
        {status.lastSyncedAt ? t('syncLast', new Date(status.lastSyncedAt).toLocaleString(locale)) : t('syncNever')}
      </p>
      {devices.length > 0 && <p class="hint">{t('syncDevices', devices.join(', '))}</p>}
      <p class="hint">{t('syncBytes', kilobytes(status.bytes), kilobytes(status.quota))}</p>
      {status.paused?.reason === 'quota' && (
        <Banner tone="danger" role="alert">
          {t('syncPausedQuota', (status.paused.bytes ?? 0).toLocaleString(locale), status.quota.toLocaleString(locale))}
        </Banner>
      )}
      {status.paused?.reason === 'other-key' && <Banner role="alert">{t('syncPausedKey')}</Banner>}
      {status.notices.map((notice) => (
        <Banner key={notice.device} role="status">
          {t(NOTICES[notice.code], notice.label)}
        </Banner>
      ))}
    </>
  );
}

/**
 * Settings' Sync group (issue 17): opt in, with what it means in one sentence; then the status,
 * "Sync now", and "Stop syncing" (optionally removing the synced copy). Chrome and Firefox cannot
 * sync with each other this way: the note points to backups.
 */
export function SyncSettings() {
  const { status, error, busy, enable, disable, syncNow } = useSync();
  const [removeSynced, setRemoveSynced] = useState(false);
  const enabled = status?.enabled === true;
  return (
    <section class="settings-group" aria-labelledby="sync-title">
      <h3 id="sync-title">{t('syncTitle')}</h3>
      <CheckboxRow
        id="sync-enabled"
        checked={enabled}
        disabled={busy || status === undefined}
        aria-describedby="sync-explain"
        onChange={(event) => void (event.currentTarget.checked ? enable() : disable(false))}
      >
        {t('syncEnable')}
      </CheckboxRow>
      <p id="sync-explain" class="hint">
        {t('syncExplain')}
      </p>
      {enabled && <SyncStatusLines status={status} />}
      <ErrorMessage message={error} />
      {enabled && (
        <>
          <CheckboxRow checked={removeSynced} onChange={(event) => setRemoveSynced(event.currentTarget.checked)}>
            {t('syncRemoveCopy')}
          </CheckboxRow>
          <div class="buttons">
            <Button onClick={() => void syncNow()} disabled={busy}>
              {t('syncNow')}
            </Button>
            <Button onClick={() => void disable(removeSynced)} disabled={busy}>
              {t('syncStop')}
            </Button>
          </div>
        </>
      )}
      <p class="hint">{t('syncCrossBrowser')}</p>
    </section>
  );
}
