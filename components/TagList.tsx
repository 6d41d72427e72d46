import { t } from '../utils/i18n/i18n';

/**
 * An account's tags (its groups in the app it came from) as small chips on one line; chips that
 * do not fit wrap out of sight, so a row never grows or overflows. Screen readers get them as the
 * copy button's description (`id`), not in its name, which stays "Copy the code for…".
 */
export function TagList({ id, tags }: { id: string; tags: readonly string[] | undefined }) {
  if (!tags?.length) return null;
  return (
    <>
      <span class="tag-list" aria-hidden="true">
        {tags.map((tag) => (
          <span key={tag} class="tag" title={`#${tag}`}>
            {tag}
          </span>
        ))}
      </span>
      <span id={id} hidden>
        {t('accountTags', tags.join(', '))}
      </span>
    </>
  );
}
