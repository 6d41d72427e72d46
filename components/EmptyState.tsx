/** Shown when the vault holds no accounts: says what Tessera does and how the first one arrives. */
export function EmptyState() {
  return (
    <section class="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">No accounts yet</h2>
      <p>Tessera keeps your two-factor codes one click away, encrypted on this device.</p>
      <p>
        Accounts are added from a site&rsquo;s &ldquo;set up two-factor authentication&rdquo; page: its QR code or the{' '}
        <code>otpauth://</code> link it offers.
      </p>
    </section>
  );
}
