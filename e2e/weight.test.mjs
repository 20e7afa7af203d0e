// What a citizen's phone downloads:
//  - the first load of each kind of page (HTML, CSS, our scripts; system fonts, no font files),
//    gzip-compressed as a server would send it; an article without the chart library at most
//    50 KB;
//  - the chart library (ECharts) only on pages with charts, with `defer`, never render-blocking;
//  - served with Cache-Control immutable, fetched once and then taken from the browser's cache
//    on the next pages (counted at the server and by Chromium's Network.requestServedFromCache).
//
// Run: node --test e2e/weight.test.mjs   (E2E_OUT=DIR tests an already built site)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, report } from './helpers.mjs';
import { openSite, onePerKind, drawAllCharts } from './sitepages.mjs';

const BUDGET = 50 * 1024; // bytes, gzip: an article's first load without the chart library
const ARTICLE = 'bai-viet/2024-04/';
const VENDOR = /\/assets\/vendor\//;

let site, browser;

before(async () => {
  site = await openSite('chiso-e2e-weight-');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const gz = (buf) => zlib.gzipSync(buf, { level: 6 }).length;
const kb = (n) => (n / 1024).toFixed(1);

/** The stylesheets (in <head>) and the scripts (anywhere) of a built page, as files of the build. */
function headAssets(html) {
  const head = html.slice(0, html.search(/<\/head>/i));
  const toFile = (href) => {
    const u = new URL(href, 'http://x' + site.base);
    return path.join(site.out, decodeURIComponent(u.pathname.slice(site.base.length)));
  };
  const css = [...head.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => toFile(m[1]));
  const scripts = [];
  for (const m of html.matchAll(/<script src="([^"]+)"([^>]*)>/g)) {
    const defer = /\bdefer\b/.test(m[2]) || /\basync\b/.test(m[2]);
    scripts.push({ file: toFile(m[1]), src: m[1], defer });
    // charts.js loads the chart library named in its data-echarts when a chart comes near.
    const lazy = m[2].match(/data-echarts="([^"]+)"/);
    if (lazy) scripts.push({ file: toFile(lazy[1]), src: lazy[1], defer: true, lazy: true });
  }
  return { css, scripts };
}

test('weight: the first load of each kind of page, gzip; an article under 50 KB without charts', () => {
  const rows = [];
  const bad = [];
  for (const p of onePerKind(site.pages, { article: ARTICLE })) {
    const html = fs.readFileSync(p.file);
    const { css, scripts } = headAssets(html.toString('utf8'));
    const cssGz = css.reduce((n, f) => n + gz(fs.readFileSync(f)), 0);
    const own = scripts.filter((s) => !VENDOR.test(s.src));
    const vendor = scripts.filter((s) => VENDOR.test(s.src));
    const ownGz = own.reduce((n, s) => n + gz(fs.readFileSync(s.file)), 0);
    const vendorGz = vendor.reduce((n, s) => n + gz(fs.readFileSync(s.file)), 0);
    const first = gz(html) + cssGz + ownGz;
    rows.push({ kind: p.kind, path: p.path || '/', html: html.length, htmlGz: gz(html), cssGz, ownGz, vendorGz, first });
    if (first > BUDGET) bad.push(`${p.path || '/'} (${p.kind}): ${kb(first)} KB gzip without the chart library`);
  }
  // Fonts: the system's own; no @font-face and no font file in the build.
  for (const f of fs.readdirSync(path.join(site.out, 'assets'), { recursive: true })) {
    if (/\.(woff2?|ttf|otf|eot)$/i.test(f)) bad.push(`font file assets/${f}: the site uses system fonts`);
  }
  const cssText = fs.readFileSync(path.join(site.out, 'assets', 'site.css'), 'utf8');
  if (/@font-face|@import/.test(cssText)) bad.push('site.css loads fonts or other CSS');

  console.log('# kind          page                                 HTML  HTML gz  CSS gz  our JS gz  =first gz  +ECharts gz');
  for (const r of rows) {
    console.log(
      `# ${r.kind.padEnd(13)} ${r.path.padEnd(36).slice(0, 36)} ${kb(r.html).padStart(6)} ${kb(r.htmlGz).padStart(8)} ` +
        `${kb(r.cssGz).padStart(7)} ${kb(r.ownGz).padStart(10)} ${kb(r.first).padStart(10)} ${kb(r.vendorGz).padStart(12)}  KB`,
    );
  }
  const article = rows.find((r) => r.kind === 'article');
  assert.ok(article, 'no article page');
  assert.ok(article.first <= BUDGET, `the article's first load is ${kb(article.first)} KB gzip > 50 KB`);
  assert.deepEqual(bad, [], report('weight', bad));
});

test('the chart library loads only on pages with charts, deferred; no script blocks the first paint', () => {
  const bad = [];
  for (const p of site.pages) {
    const html = fs.readFileSync(p.file, 'utf8');
    const { scripts } = headAssets(html);
    const charts = /<figure class="chart"/.test(html);
    const lib = scripts.some((s) => /echarts/.test(s.src));
    if (charts && !lib) bad.push(`${p.path}: charts but no chart library`);
    if (!charts && lib) bad.push(`${p.path}: loads the chart library without a chart`);
    for (const s of scripts) if (!s.defer) bad.push(`${p.path}: <script src="${s.src}"> without defer`);
    // Inline, only JSON data blocks (which never run).
    for (const m of html.matchAll(/<script\b([^>]*)>/g)) {
      if (!/\bsrc=/.test(m[1]) && !/type="application\/(ld\+)?json"/.test(m[1])) bad.push(`${p.path}: inline script ${m[0]}`);
    }
  }
  assert.deepEqual(bad, [], report('scripts', bad));
});

test('the chart library is fetched once, then served from the browser cache on the next pages', async () => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    const fromCache = new Set();
    const responses = [];
    const urls = new Map();
    cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
    cdp.on('Network.requestServedFromCache', (e) => fromCache.add(urls.get(e.requestId)));
    // Each page's load of the library ends in one response event (from the network or the
    // cache); the loop waits for it instead of for a while.
    let arrived = () => {};
    cdp.on('Network.responseReceived', (e) => {
      if (/echarts/.test(e.response.url)) {
        arrived();
        responses.push({
          url: e.response.url,
          cached: !!(e.response.fromDiskCache || e.response.fromPrefetchCache) || fromCache.has(e.response.url),
          cacheControl: e.response.headers['Cache-Control'] || e.response.headers['cache-control'],
        });
      }
    });
    const served = () => site.server.requests.filter((r) => /echarts/.test(r.path)).length;
    const before = served();
    const chartPages = onePerKind(site.pages, { article: ARTICLE }).filter((p) =>
      /<figure class="chart"/.test(fs.readFileSync(p.file, 'utf8')),
    );
    const visits = [site.url(ARTICLE), site.url('bai-viet/2024-05/'), ...chartPages.map((p) => p.url)];
    for (const [i, url] of visits.entries()) {
      const seen = responses.length > i ? Promise.resolve() : new Promise((r) => (arrived = r));
      await page.goto(url, { waitUntil: 'load' });
      assert.ok((await drawAllCharts(page)) > 0, `${url}: no chart`);
      // The charts are drawn, so the library was loaded: its response event follows. The
      // deadline only turns a missing event into a failure instead of a hung test.
      await Promise.race([seen, new Promise((_, no) => setTimeout(() => no(new Error(`${url}: no response event for the chart library`)), 10000).unref())]);
      assert.equal(responses.length, i + 1, `${url}: ${responses.length} responses for the chart library after ${i + 1} pages`);
    }
    const fetched = served() - before;
    console.log(`# ECharts: ${visits.length} pages with charts, fetched from the server ${fetched}×; ` +
      `CDP saw ${responses.length} responses, ${responses.filter((r) => r.cached).length} from cache; ` +
      `Cache-Control: ${responses[0] && responses[0].cacheControl}`);
    assert.equal(fetched, 1, `the chart library was fetched ${fetched} times over ${visits.length} pages`);
    assert.match(responses[0].cacheControl || '', /max-age=31536000/);
    assert.match(responses[0].cacheControl || '', /immutable/);
    const later = responses.slice(1);
    assert.ok(later.length >= 1 && later.every((r) => r.cached), `later loads not from cache: ${JSON.stringify(later)}`);
  } finally {
    await ctx.close();
  }
});
