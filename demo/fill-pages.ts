/**
 * Pages with one-time-code fields in the forms real sites use, for the autofill's end-to-end
 * tests: `/test/fill/NAME`. Each page's own script writes what it received into
 * `<output id="received">`, so a test checks what the page saw, not what the field shows.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { escapeHtml, page } from './html';

/** Libraries the test pages load from /vendor/: React 18's browser builds, as a real site ships them. */
const VENDOR: Record<string, [packageName: string, file: string]> = {
  'react.js': ['react', 'umd/react.production.min.js'],
  'react-dom.js': ['react-dom', 'umd/react-dom.production.min.js'],
};

export async function vendorScript(name: string): Promise<Buffer | undefined> {
  if (!Object.hasOwn(VENDOR, name)) return undefined;
  const [packageName, file] = VENDOR[name]!;
  // The packages' exports hide their browser builds: find them beside package.json.
  return readFile(path.join(path.dirname(createRequire(import.meta.url).resolve(`${packageName}/package.json`)), file));
}

/** Reports the value of `selector` (or the boxes joined) into #received on every input event. */
const report = (read: string) => `<p>Received: <output id="received"></output></p>
<script>
  const received = document.getElementById('received');
  const update = () => { received.textContent = ${read}; };
  document.addEventListener('input', update, true);
  document.addEventListener('change', update, true);
  // Widgets that spread a paste set their boxes in the paste handler: report after it ran.
  document.addEventListener('paste', () => setTimeout(update), true);
</script>`;

/** Boxes that move on after each character and (unless `paste` is false) spread a paste, as split-box widgets do. */
const boxes = (
  count: number,
  mode: string,
  paste = true,
) => `<div class="boxes" style="display:flex;gap:8px">${Array.from({ length: count }, (_, i) => `<input aria-label="Character ${i + 1}" maxlength="1" inputmode="${mode}" autocomplete="${i === 0 ? 'one-time-code' : 'off'}" style="width:40px;height:48px;text-align:center">`).join('')}</div>
<script>
  const inputs = [...document.querySelectorAll('.boxes input')];
  inputs.forEach((input, i) => {
    input.addEventListener('input', () => { if (input.value && inputs[i + 1]) inputs[i + 1].focus(); });
    if (${paste}) input.addEventListener('paste', (event) => {
      event.preventDefault();
      const text = event.clipboardData.getData('text/plain').replace(/\\s/g, '');
      [...text].slice(0, inputs.length - i).forEach((char, k) => { inputs[i + k].value = char; });
      inputs[Math.min(inputs.length - 1, i + text.length)].focus();
    });
  });
</script>
${report("inputs.map((input) => input.value).join('')")}`;

export const FILL_CASES: Record<string, { title: string; html: string }> = {
  'one-time-code': {
    title: 'autocomplete="one-time-code"',
    html: `<form><label>Code <input id="code" autocomplete="one-time-code" inputmode="numeric"></label><button>Verify</button></form>${report("document.getElementById('code').value")}`,
  },
  named: {
    title: 'Named app_otp only',
    html: `<form><label for="app_totp">Authentication code</label> <input id="app_totp" name="app_otp"><button>Verify</button></form>${report("document.getElementById('app_totp').value")}`,
  },
  tel: {
    title: 'type=tel (Google)',
    html: `<form><input type="tel" id="totpPin" name="totpPin" aria-label="Enter code"><button>Next</button></form>${report("document.getElementById('totpPin').value")}`,
  },
  number: {
    title: 'type=number',
    html: `<form><label>Two-factor code <input type="number" id="mfa" name="mfacode"></label><button>Sign in</button></form>${report("document.getElementById('mfa').value")}`,
  },
  split6: {
    title: 'Six boxes',
    html: `<form><h2>Enter the 6-digit code from your authenticator app</h2>${boxes(6, 'numeric')}<button>Verify</button></form>`,
  },
  'split6-no-paste': {
    title: 'Six boxes that ignore a paste',
    html: `<form><h2>Two-factor authentication</h2>${boxes(6, 'numeric', false)}<button>Verify</button></form>`,
  },
  steam5: {
    title: 'Steam-style five boxes',
    html: `<form><h2>Steam Guard mobile authenticator code</h2>${boxes(5, 'text')}<button>Submit</button></form>`,
  },
  'hidden-widget': {
    title: 'One real input behind drawn boxes (input-otp)',
    html: `<form><div style="position:relative;width:300px;height:48px"><div id="drawn" aria-hidden="true" style="display:flex;gap:8px;font:24px monospace"></div><input id="real" autocomplete="one-time-code" inputmode="numeric" maxlength="6" style="position:absolute;inset:0;width:100%;color:transparent;caret-color:transparent;background:transparent;border:0" aria-label="One-time code"></div><button>Verify</button></form>
<script>document.getElementById('real').addEventListener('input', (e) => { document.getElementById('drawn').textContent = e.target.value.split('').join(' '); });</script>${report("document.getElementById('real').value")}`,
  },
  controlled: {
    title: 'A controlled input that only takes its value from input events',
    html: `<form><label>Verification code <input id="controlled" inputmode="numeric" maxlength="6" autocomplete="one-time-code"></label><button>Verify</button></form><p>Received: <output id="received"></output></p>
<script>
  // Like React: the element's own value property tracks assignments, and the handler ignores
  // events whose value equals the tracked one; the state is what reaches the handler.
  const input = document.getElementById('controlled');
  const proto = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  let tracked = '';
  let state = '';
  Object.defineProperty(input, 'value', { configurable: true, get() { return proto.get.call(this); }, set(v) { tracked = String(v); proto.set.call(this, v); } });
  input.addEventListener('input', () => {
    const now = proto.get.call(input);
    if (now === tracked) return;
    tracked = now;
    state = now.replace(/\\D/g, '').slice(0, 6);
    input.value = state;
    document.getElementById('received').textContent = state;
  });
</script>`,
  },
  react: {
    title: 'A React controlled input (React 18 from npm)',
    html: `<div id="root"></div><script src="/vendor/react.js"></script><script src="/vendor/react-dom.js"></script>
<script>
  // React keeps the value in state and re-renders the input from it: a value set without the
  // events React listens to is put back on the next render, and never reaches onChange.
  const h = React.createElement;
  function SignIn() {
    const [code, setCode] = React.useState('');
    return h('form', { onSubmit: (event) => event.preventDefault() },
      h('label', null, 'Verification code ', h('input', { id: 'react-code', inputMode: 'numeric', autoComplete: 'one-time-code', maxLength: 6, value: code, onChange: (event) => setCode(event.target.value.replace(/\\D/g, '').slice(0, 6)) })),
      h('button', null, 'Verify'),
      h('p', null, 'Received: ', h('output', { id: 'received' }, code)));
  }
  ReactDOM.createRoot(document.getElementById('root')).render(h(SignIn));
</script>`,
  },
  'vue-style': {
    title: 'A Vue-style model updated only by input events',
    html: `<form><label>Security code <input id="vue-code" inputmode="numeric" maxlength="6"></label><button>Verify</button></form><p>Received: <output id="received"></output></p>
<script>
  // Like v-model: the model changes only on an input event (not while composing), and the view is
  // rendered from the model on the next tick, overwriting whatever the field holds.
  const model = { code: '' };
  const input = document.getElementById('vue-code');
  let composing = false;
  const render = () => { if (input.value !== model.code) input.value = model.code; document.getElementById('received').textContent = model.code; };
  input.addEventListener('compositionstart', () => { composing = true; });
  input.addEventListener('compositionend', () => { composing = false; input.dispatchEvent(new Event('input')); });
  input.addEventListener('input', (event) => { if (composing) return; model.code = event.target.value; Promise.resolve().then(render); });
  input.addEventListener('change', () => Promise.resolve().then(render));
</script>`,
  },
  menu: {
    title: 'A field nothing marks as a code field (filled through the field menu)',
    html: `<form><label>Username <input id="user" autocomplete="username" value="alice"></label> <label>Response <input id="response"></label><button>Continue</button></form>${report("document.getElementById('response').value")}`,
  },
  shadow: {
    title: 'Inside an open shadow root',
    html: `<form><otp-box></otp-box><button>Verify</button></form><p>Received: <output id="received"></output></p>
<script>
  customElements.define('otp-box', class extends HTMLElement {
    connectedCallback() {
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML = '<label>One-time code <input autocomplete="one-time-code" inputmode="numeric"></label>';
      root.querySelector('input').addEventListener('input', (e) => { document.getElementById('received').textContent = e.target.value; });
    }
  });
</script>`,
  },
  iframe: {
    title: 'In a same-origin iframe',
    html: `<iframe src="/test/fill/one-time-code" title="Sign-in frame" width="420" height="220"></iframe>`,
  },
  'cross-origin-iframe': { title: 'In a cross-origin iframe', html: '' },
  // npm run bench: a large page (5,000 elements: a long list with links, checkboxes and search
  // fields) with the code field at the end.
  large: {
    title: 'A large page',
    html: `<ul>${Array.from({ length: 1000 }, (_, i) => `<li><span>Item ${i}</span> <a href="#${i}">open</a> <label><input type="checkbox"> pick</label></li>`).join('')}</ul>
<form><label>Authentication code <input id="code" autocomplete="one-time-code" inputmode="numeric"></label><button>Verify</button></form>${report("document.getElementById('code').value")}`,
  },
  decoys: {
    title: 'Decoys beside the real field',
    html: `<form role="search"><input type="search" name="q" placeholder="Search"></form>
<form><h2>Sign in</h2>
<label>Recovery code <input id="recovery" name="recovery_code"></label>
<label>Coupon code <input id="coupon" name="coupon"></label>
<label>SMS code <input id="sms" inputmode="numeric" maxlength="6"></label>
<label>Authenticator app code <input id="totp" inputmode="numeric" maxlength="6"></label>
<button>Verify</button></form>
${report("['recovery', 'coupon', 'sms', 'totp'].map((id) => id + '=' + document.getElementById(id).value).join(' ')")}`,
  },
};

export function fillPage(name: string, query: URLSearchParams): string | undefined {
  const fillCase = FILL_CASES[name];
  if (!fillCase) return undefined;
  const html =
    name === 'cross-origin-iframe'
      ? /^\d+$/.test(query.get('port') ?? '')
        ? `<iframe src="http://127.0.0.1:${query.get('port')}/test/fill/one-time-code" title="Sign-in frame" width="420" height="220"></iframe>`
        : '<p>Give ?port= of a second demo server.</p>'
      : fillCase.html;
  return page(`Fill test: ${fillCase.title}`, `<p>${escapeHtml(fillCase.title)}</p>${html}`);
}
