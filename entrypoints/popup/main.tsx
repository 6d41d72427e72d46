// Order matters: mark the start, send the first requests (hooks/startup), and only then evaluate
// Preact and the views, so the worker answers while the popup's code is still loading.
import './mark-start';
import '../../hooks/startup';
import { render } from 'preact';
import { App } from '../../components/App';

render(<App />, document.getElementById('app')!);
