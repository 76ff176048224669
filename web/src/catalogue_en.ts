// The English words of the dashboard: every file of src/report/i18n/en merged, but for the
// documents the server renders whole (letters*.json, render.json). Loaded by i18n.ts as a
// chunk of its own, only when English is shown.
import { merge, type Catalogue } from './catalogue';

export default merge(
  import.meta.glob<Catalogue>(
    [
      '../../src/report/i18n/en/*.json',
      '!../../src/report/i18n/en/letters*.json',
      '!../../src/report/i18n/en/render.json',
    ],
    { eager: true, import: 'default' },
  ),
);
