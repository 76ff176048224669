// The dashboard's entry point, loaded by index.html.
import { render } from 'preact';
import { App } from './app';
import './styles/base.css';
import './styles/pages.css';
import './styles/screen.css';
import './styles/responsive.css';

render(<App />, document.getElementById('app')!);
