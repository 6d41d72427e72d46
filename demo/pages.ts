/** The demo site's pages: what a service shows when a user turns on 2FA and signs in. */
import { escapeHtml, page } from './html';
import { qrSvg } from './qr-image';

export function homePage(enrolled: boolean): string {
  return page(
    'Tessera demo service',
    `<p>A pretend web service that protects its sign-in with two-factor authentication, for trying Tessera.</p>
<ol>
  <li><a href="/enable-2fa">Turn on two-factor authentication</a> and scan the QR code with Tessera.</li>
  <li><a href="/login">Sign in</a> with the code Tessera shows.</li>
</ol>
<p>Two-factor authentication is <strong>${enrolled ? 'on' : 'off'}</strong> for this browser.</p>`,
  );
}

export function enablePage(uri: string, secret: string, svg: boolean, message = ''): string {
  const qr = svg
    ? qrSvg(uri).replace('<svg ', '<svg role="img" aria-label="QR code for Tessera Demo" ')
    : '<img src="/enable-2fa/qr.png" alt="QR code for Tessera Demo">';
  const other = svg
    ? '<a href="/enable-2fa">Show it as an image</a>'
    : '<a href="/enable-2fa?qr=svg">Show it as inline SVG</a>';
  return page(
    'Turn on two-factor authentication',
    `<p>Scan this QR code with your authenticator app (${other}).</p>
<div class="qr">${qr}</div>
<details><summary>Can't scan it?</summary>
<p>Enter this setup key: <code id="setup-key">${escapeHtml(secret.replace(/(.{4})/g, '$1 ').trim())}</code></p>
<p>Or use this link: <code id="otpauth-uri">${escapeHtml(uri)}</code></p>
</details>
<form method="post" action="/enable-2fa">
  <label for="code">Enter the 6-digit code from the app to confirm</label>
  <input id="code" name="code" autocomplete="one-time-code" inputmode="numeric" pattern="[0-9]*" maxlength="8" required>
  <button type="submit">Confirm</button>
</form>
<form method="post" action="/enable-2fa/new"><button type="submit">Generate a new secret</button></form>
${message}`,
  );
}

export function enabledPage(): string {
  return page(
    'Two-factor authentication is on',
    `<p class="result ok" role="status">Two-factor authentication is on.</p><p><a href="/login">Sign in</a> with your next code.</p>`,
  );
}

export function loginPage(message = ''): string {
  return page(
    'Sign in',
    `<p>Signing in as <strong>alice@example.com</strong>. Enter the code from your authenticator app.</p>
<form method="post" action="/login">
  <label for="otp">Authentication code</label>
  <input id="otp" name="otp" autocomplete="one-time-code" inputmode="numeric" pattern="[0-9]*" maxlength="8" required autofocus>
  <button type="submit">Verify</button>
</form>
${message}`,
  );
}

export function resultMessage(ok: boolean, text: string): string {
  return `<p class="result ${ok ? 'ok' : 'bad'}" role="status">${escapeHtml(text)}</p>`;
}

export function errorPage(title: string, text: string): string {
  return page(title, `<p class="result bad" role="alert">${escapeHtml(text)}</p>`);
}
