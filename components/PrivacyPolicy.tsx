import type { Block, Inline } from '../utils/core/docs/markdown-blocks';
import { markdownBlocks } from '../utils/core/docs/markdown-blocks';
import { t } from '../utils/i18n/i18n';
import privacy from '../PRIVACY.md?raw';
import { Card } from './ui/Card';

function Text({ parts }: { parts: Inline[] }) {
  return (
    <>
      {parts.map((part) =>
        part.code ? <code>{part.text}</code> : part.strong ? <strong>{part.text}</strong> : part.text,
      )}
    </>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'heading':
      return <h4>{<Text parts={block.text} />}</h4>;
    case 'paragraph':
      return (
        <p>
          <Text parts={block.text} />
        </p>
      );
    case 'list':
      return (
        <ul>
          {block.items.map((item) => (
            <li>
              <Text parts={item} />
            </li>
          ))}
        </ul>
      );
    case 'table':
      return (
        <table>
          <thead>
            <tr>
              {block.head.map((cell) => (
                <th scope="col">
                  <Text parts={cell} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row) => (
              <tr>
                {row.map((cell) => (
                  <td>
                    <Text parts={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

/**
 * PRIVACY.md, the same text the repository and the store listings carry (issue 18), under the
 * options page's last card. Its first heading is the card's own; the policy is in English.
 */
export function PrivacyPolicy() {
  const blocks = markdownBlocks(privacy).filter((block) => !(block.kind === 'heading' && block.level === 1));
  return (
    <Card id="privacy-title" title={t('privacyTitle')} class="privacy">
      <details>
        <summary>{t('privacyShow')}</summary>
        <div lang="en" class="policy">
          {blocks.map((block) => (
            <BlockView block={block} />
          ))}
        </div>
      </details>
    </Card>
  );
}
