// The Italian words of the dashboard: every file of src/report/i18n/it merged, but for the
// documents the server renders whole (letters*.json, render.json). Loaded by i18n.ts as a
// chunk of its own, only when Italian is shown.
import { merge, type Catalogue } from './catalogue';

export default merge(
  import.meta.glob<Catalogue>(
    [
      '../../src/report/i18n/it/*.json',
      '!../../src/report/i18n/it/letters*.json',
      '!../../src/report/i18n/it/render.json',
    ],
    { eager: true, import: 'default' },
  ),
);
