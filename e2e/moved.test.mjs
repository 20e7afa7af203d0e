// Old addresses land on the new ones: the build writes the server rules (.htaccess and its
// siblings, internal/redirect; README, "Old download addresses"), which the reference
// server reads as Apache does, for the downloads of earlier versions — a static site
// cannot redirect a data file itself — and the pages of data/redirects.toml.
//
// Run: node --test e2e/moved.test.mjs   (needs Go; E2E_OUT=DIR serves a finished build)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, readRedirects, redirectOf, normaliseBase } from './server.mjs';
import { REPO, readBasePath, mkTemp, goBuild } from './helpers.mjs';

const PREBUILT = process.env.E2E_OUT;
const BASE = process.env.E2E_BASE ? normaliseBase(process.env.E2E_BASE) : readBasePath(path.join(REPO, 'config.toml'));
let out, server;

before(async () => {
  if (PREBUILT) {
    out = path.resolve(PREBUILT);
  } else {
    out = mkTemp('chiso-e2e-moved-');
    const b = goBuild(['--out', out]);
    console.log(`# built sample site into ${out} in ${b.ms} ms`);
  }
  server = await start({ root: out, base: BASE });
});

after(async () => {
  await server?.close();
  if (!PREBUILT && out) fs.rmSync(out, { recursive: true, force: true });
});

test("an old download address lands on the new one, by the build's own .htaccess", async () => {
  const chart = fs.readdirSync(path.join(out, 'du-lieu', 'bieu-do')).find((f) => f.endsWith('.csv'));
  assert.ok(chart, 'no chart CSV built');
  const stem = chart.slice(0, -'.csv'.length);
  for (const [from, to] of [
    ['du-lieu/ky/2024-04.csv', 'du-lieu/'],
    ['du-lieu/chi-tieu/ho-so-truc-tuyen.json', 'du-lieu/'],
    ['du-lieu/don-vi/stp.csv', 'du-lieu/'],
    [`du-lieu/bieu-do/${stem}.json`, `du-lieu/bieu-do/${chart}`],
    [`du-lieu/bieu-do/${stem}.echarts.json`, `du-lieu/bieu-do/${chart}`],
  ]) {
    const first = await fetch(server.url + from, { redirect: 'manual' });
    assert.equal(first.status, 301, from);
    assert.equal(first.headers.get('location'), BASE + to, from);
    const res = await fetch(server.url + from);
    assert.equal(res.status, 200, from);
    assert.equal(res.url, server.url + to, from);
    await res.arrayBuffer();
  }
  // Today's files are served as they are.
  for (const rel of ['du-lieu/chi-tieu.csv', 'du-lieu/don-vi.json', `du-lieu/bieu-do/${chart}`, 'du-lieu/ky.csv']) {
    const res = await fetch(server.url + rel, { redirect: 'manual' });
    assert.equal(res.status, 200, rel);
    await res.arrayBuffer();
  }
});

test('the .htaccess reader: quoted arguments, escaped patterns, order, captures', () => {
  const dir = mkTemp('chiso-e2e-htaccess-');
  try {
    fs.writeFileSync(
      path.join(dir, '.htaccess'),
      [
        '# a comment',
        '<IfModule mod_alias.c>',
        'RedirectMatch 301 "^/chi-so/tin-cu/\\x22q\\x22\\x20x/$" "/chi-so/bai-viet/2024-04/#m%E1%BB%A5c"',
        'RedirectMatch 301 "^/chi-so/đăng-ký/$" "/chi-so/a\\"b/"',
        'RedirectMatch 301 "^/chi-so/du-lieu/bieu-do/([^/]+?)(?:\\.echarts\\.json|\\.json)$" "/chi-so/du-lieu/bieu-do/$1.csv"',
        '</IfModule>',
        '',
      ].join('\n'),
    );
    const rules = readRedirects(dir);
    assert.equal(rules.length, 3);
    assert.deepEqual(redirectOf(rules, '/chi-so/tin-cu/"q" x/'), { status: 301, location: '/chi-so/bai-viet/2024-04/#m%E1%BB%A5c' });
    assert.equal(redirectOf(rules, '/chi-so/tin-cu/"q" x/y'), null);
    assert.equal(redirectOf(rules, '/chi-so/đăng-ký/').location, '/chi-so/a"b/');
    assert.equal(redirectOf(rules, '/chi-so/du-lieu/bieu-do/a.b.echarts.json').location, '/chi-so/du-lieu/bieu-do/a.b.csv');
    assert.equal(redirectOf(rules, '/chi-so/du-lieu/bieu-doXa.json'), null);
    assert.deepEqual(readRedirects(path.join(dir, 'none')), []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
