import { tagKey } from '../utils/core/accounts/matches-query';
import { t } from '../utils/i18n/i18n';
import { messageLocale } from '../utils/i18n/plural';

/**
 * An account's tags (its groups in the app it came from) as small chips on one line; chips that
 * do not fit wrap out of sight, so a row never grows or overflows. Screen readers get them as the
 * copy button's description (`id`), not in its name, which stays "Copy the code for…". Joined
 * by hand: Intl.ListFormat's first use costs ~8 ms in Chromium, on the popup's first paint.
 */
export function TagList({ id, tags }: { id: string; tags: readonly string[] | undefined }) {
  if (!tags?.length) return null;
  return (
    <>
      <span class="tag-list" aria-hidden="true">
        {tags.map((tag, index) => (
          // The title is what to type in the search to find the tag.
          <span key={index} class="tag" title={`#${tagKey(tag)}`}>
            {tag}
          </span>
        ))}
      </span>
      <span id={id} hidden>
        {t('accountTags', tags.join(/^(ja|zh)\b/.test(messageLocale()) ? '、' : ', '))}
      </span>
    </>
  );
}
