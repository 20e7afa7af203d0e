// Lighthouse 12.2.3 (mobile, simulated throttling: its defaults) with Debian's Chromium, on the
// home page and the April 2024 article, served by server.mjs with the site's CSP.
// Wanted: performance >= 95, accessibility 100, best practices 100, SEO 100.
//
// The site is built from a copy of the sample whose base_url is the test server's own origin,
// so that the pages' canonical links point to the host Lighthouse loads them from (as they do
// on the portal); everything else is the sample site as it is.
//
// One run a page, and that run must meet every threshold: no best of several, so a page
// that is slow one time in three fails. Reports are kept in e2e/artifacts/lighthouse-*.html
// and .json.
//
// Run: node --test e2e/lighthouse.test.mjs   (SKIP_LIGHTHOUSE=1 skips it)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { start } from './server.mjs';
import { REPO, CHROMIUM, CHROMIUM_ARGS, readBasePath, mkTemp, goBuild, ensureArtifacts } from './helpers.mjs';

const SKIP = process.env.SKIP_LIGHTHOUSE === '1';
const WANT = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

let tmp, server, chrome;

/** Copy the sample site's sources to dir, with base_url set to origin. */
function copySource(dir, origin) {
  for (const e of fs.readdirSync(REPO, { withFileTypes: true })) {
    if (['.git', 'node_modules', 'public', 'e2e', 'internal', '.ci'].includes(e.name)) continue;
    if (e.isFile() && /\.(go|mod|sum|md|json)$/.test(e.name) && e.name !== 'config.toml') continue;
    fs.cpSync(path.join(REPO, e.name), path.join(dir, e.name), { recursive: true });
  }
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const cfg = path.join(dir, 'config.toml');
  const text = fs.readFileSync(cfg, 'utf8');
  const next = text.replace(/^([ \t]*base_url[ \t]*=[ \t]*)("[^"\n]*"|'[^'\n]*')/m, `$1"${origin}"`);
  assert.notEqual(next, text, 'config.toml has no base_url to replace');
  fs.writeFileSync(cfg, next);
}

before(async () => {
  if (SKIP) return;
  tmp = mkTemp('chiso-e2e-lighthouse-');
  const out = path.join(tmp, 'public');
  fs.mkdirSync(out);
  const src = path.join(tmp, 'src');
  fs.mkdirSync(src);
  // Serve first (the server reads files on each request), so that the build knows the origin.
  server = await start({ root: out, base: readBasePath(path.join(REPO, 'config.toml')) });
  copySource(src, server.origin);
  fs.rmSync(out, { recursive: true, force: true });
  const b = goBuild(['--source', src, '--out', out]);
  console.log(`# built the sample site for ${server.origin} in ${b.ms} ms`);
  chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS, '--disable-dev-shm-usage'],
    userDataDir: fs.mkdtempSync(path.join(tmp, 'profile-')),
    logLevel: 'error',
  });
});

after(async () => {
  await chrome?.kill();
  await server?.close();
  if (tmp && !process.env.KEEP_E2E) fs.rmSync(tmp, { recursive: true, force: true });
});

function failedAudits(lhr, category) {
  return lhr.categories[category].auditRefs
    .filter((r) => r.weight > 0)
    .map((r) => lhr.audits[r.id])
    .filter((a) => a.score !== null && a.score < 1)
    .map((a) => `${a.id} (${a.score}): ${a.title}${a.displayValue ? ' — ' + a.displayValue : ''}`);
}

async function audit(name, url) {
  const dir = ensureArtifacts();
  const r = await lighthouse(url, {
    port: chrome.port,
    output: ['json', 'html'],
    logLevel: 'error',
    onlyCategories: Object.keys(WANT),
  });
  const lhr = r.lhr;
  assert.ok(!lhr.runtimeError, `${name}: Lighthouse runtime error ${JSON.stringify(lhr.runtimeError)}`);
  const scores = Object.fromEntries(Object.keys(WANT).map((k) => [k, Math.round(lhr.categories[k].score * 100)]));
  fs.writeFileSync(path.join(dir, `lighthouse-${name}.json`), r.report[0]);
  fs.writeFileSync(path.join(dir, `lighthouse-${name}.html`), r.report[1]);
  const m = lhr.audits;
  console.log(
    `# lighthouse ${name}: ${JSON.stringify(scores)}; FCP ${m['first-contentful-paint'].displayValue}, ` +
      `LCP ${m['largest-contentful-paint'].displayValue}, TBT ${m['total-blocking-time'].displayValue}, ` +
      `CLS ${m['cumulative-layout-shift'].displayValue}, SI ${m['speed-index'].displayValue}, ` +
      `bytes ${m['total-byte-weight'].displayValue}`,
  );
  const problems = [];
  for (const [k, v] of Object.entries(WANT)) {
    if (scores[k] < v) problems.push(`${k} ${scores[k]} < ${v}:\n      ` + failedAudits(lhr, k).join('\n      '));
  }
  assert.deepEqual(problems, [], `${name} (${url}):\n  - ${problems.join('\n  - ')}`);
}

test('lighthouse: home page', { skip: SKIP && 'SKIP_LIGHTHOUSE=1' }, async () => {
  await audit('home', server.url);
});

test('lighthouse: April 2024 article', { skip: SKIP && 'SKIP_LIGHTHOUSE=1' }, async () => {
  await audit('article-2024-04', server.url + 'bai-viet/2024-04/');
});

// The English edition's pages built from the Vietnamese bodies: a unit's page (a chart, tables).
test('lighthouse: English unit page', { skip: SKIP && 'SKIP_LIGHTHOUSE=1' }, async () => {
  await audit('en-unit', server.url + 'en/don-vi/bd-so-tu-phap/');
});
