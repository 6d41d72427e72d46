/** Shown when the vault holds no accounts: says what Tessera does and how to add the first one. */
export function EmptyState() {
  return (
    <section class="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">No accounts yet</h2>
      <p>Tessera keeps your two-factor codes one click away, encrypted on this device.</p>
      <p>
        To add one, open a site's &ldquo;set up two-factor authentication&rdquo; page and scan its QR code, or
        paste the <code>otpauth://</code> link it offers.
      </p>
    </section>
  );
}
