// Order matters: mark the start, send the first requests (utils/popup/startup.ts), then evaluate
// Preact and the views, so the worker answers while the popup's code is still loading.
import './mark-start';
import '../../utils/popup/startup';
import { render } from 'preact';
import { App } from '../../components/App';
import { IS_OPTIONS_PAGE } from '../../utils/popup/startup';
import { messageLocale } from '../../utils/i18n/plural';

// The page speaks the language of the messages the browser picked: screen readers choose their
// voice by it, and Chinese and Japanese text their glyphs.
document.documentElement.lang = messageLocale();

// The options page loads this same script (one bundle, so the popup's few files stay few) and
// gets its own view, whose code loads only there.
const root = document.getElementById('app')!;
if (IS_OPTIONS_PAGE) void import('../../components/OptionsApp').then(({ OptionsApp }) => render(<OptionsApp />, root));
else render(<App />, root);
