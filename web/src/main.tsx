// The dashboard's entry point, loaded by index.html.
import { render } from 'preact';
import { App, initialLang } from './app';
import { loadLang } from './i18n';
import { parseHash } from './route';
import './styles/base.css';
import './styles/pages.css';
import './styles/screen.css';
import './styles/responsive.css';

// The words of the first language shown load before anything is drawn; another language's
// load when it is chosen.
void loadLang(initialLang(parseHash(window.location.hash).query.get('lang'))).then(() =>
  render(<App />, document.getElementById('app')!),
);
