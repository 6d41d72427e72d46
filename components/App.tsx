import { EmptyState } from './EmptyState';

/** The popup's root view. Accounts, lock and search arrive with the vault and popup issues. */
export function App() {
  return (
    <>
      <header>
        <img src="/icon/32.png" alt="" />
        <h1>Tessera</h1>
      </header>
      <main>
        <EmptyState />
      </main>
    </>
  );
}
