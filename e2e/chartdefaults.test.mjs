// Issue 9: charts.js puts back the defaults Go left out of each chart's JSON, and gives
// ECharts the option as it was before they were left out. internal/chart/testdata holds
// each sample chart both ways: NAME.golden (as published) and NAME.full.json (with the
// defaults; TestDefaultsRoundTrip keeps it equal to what Go builds without leaving them out).
// No browser needed.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { chartsWithDefaults } from './chartdefaults.mjs';

const TESTDATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'internal', 'chart', 'testdata');

// A golden file less its "#" header lines.
function readGolden(name) {
  const text = fs.readFileSync(path.join(TESTDATA, name), 'utf8');
  return JSON.parse(text.split('\n').filter((l) => !l.startsWith('#')).join('\n'));
}

for (const name of ['bar', 'line', 'horizontal']) {
  test(`charts.js merges the defaults back into the ${name} chart`, () => {
    const withDefaults = chartsWithDefaults();
    const published = readGolden(`${name}.golden`);
    const full = readGolden(`${name}.full.json`);
    // The description is the page's paragraph, which prepare() reads (not withDefaults).
    assert.equal(published.option.baseOption.aria.label.description, undefined);
    delete full.option.baseOption.aria.label.description;
    assert.ok(JSON.stringify(published).length < JSON.stringify(full).length * 0.8, 'the published JSON is not smaller');
    assert.deepEqual(withDefaults(published), full);
    // Twice is the same: a redraw parses the JSON again, but merging is idempotent anyway.
    assert.deepEqual(withDefaults(withDefaults(readGolden(`${name}.golden`))), full);
  });
}
