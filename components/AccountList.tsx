import type { AccountView } from '../utils/vault-service';
import { EmptyState } from './EmptyState';

/** Groups a code for reading: "123 456", "1234 5678", Steam's 5 characters as they are. */
export function groupCode(code: string): string {
  if (code.length < 6) return code;
  const half = Math.ceil(code.length / 2);
  return `${code.slice(0, half)} ${code.slice(half)}`;
}

/** The unlocked accounts with their current codes. */
export function AccountList({ accounts }: { accounts: AccountView[] }) {
  if (accounts.length === 0) return <EmptyState />;
  return (
    <ul class="accounts" aria-label="Accounts">
      {accounts.map((account) => (
        <li key={account.id} class="account" aria-label={[account.issuer, account.label].filter(Boolean).join(': ') || 'Unnamed account'}>
          <div class="names">
            <span class="issuer">{account.issuer || account.label || 'Unnamed account'}</span>
            {account.issuer && account.label && <span class="label">{account.label}</span>}
          </div>
          <output class="code" aria-label="Code">
            {groupCode(account.code)}
          </output>
        </li>
      ))}
    </ul>
  );
}
