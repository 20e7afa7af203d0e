// withDefaults of templates/static/charts.js, for tests that read a chart's JSON as ECharts
// gets it: the chart JSON leaves out the styling every chart shares (issue 9), and this is
// the very code that puts it back, taken from the script between its markers.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function chartsWithDefaults(file = path.join(REPO, 'templates', 'static', 'charts.js')) {
  const src = fs.readFileSync(file, 'utf8');
  const from = src.indexOf('// BEGIN DEFAULTS');
  const to = src.indexOf('// END MERGE');
  if (from < 0 || to < from) throw new Error(`${file}: no "// BEGIN DEFAULTS" … "// END MERGE" block`);
  // charts.js's own isArray and asArray, which the block uses.
  const isArray = (v) => Object.prototype.toString.call(v) === '[object Array]';
  const asArray = (v) => (v == null ? [] : isArray(v) ? v : [v]);
  return new Function('isArray', 'asArray', `${src.slice(from, to)}\nreturn withDefaults;`)(isArray, asArray);
}
