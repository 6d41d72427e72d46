/** Tiny HTML helpers for the demo site: escaping and the shared page frame. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)} · Tessera demo</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
  nav a { margin-right: 1rem; }
  code { word-break: break-all; }
  .qr img, .qr svg { display: block; max-width: 100%; height: auto; }
  .result { padding: .75rem 1rem; border-radius: .5rem; font-weight: 600; }
  .ok { background: #d7f5e3; color: #0b5130; }
  .bad { background: #fde2e1; color: #8a1c14; }
  label { display: block; margin: 1rem 0 .25rem; }
  input { font: inherit; padding: .4rem .6rem; letter-spacing: .15em; }
</style>
</head>
<body>
<nav aria-label="Demo site"><a href="/">Home</a><a href="/enable-2fa">Enable 2FA</a><a href="/login">Sign in</a><a href="/test/">Test pages</a></nav>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>`;
}
