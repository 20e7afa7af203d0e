// End-to-end tests of the open-data features in Debian's Chromium:
//  - search (tim-kiem/): "dat" and "đạt" find the same pages, "thang 4" finds the April 2024
//    article first, "88,62" finds it by its score with the figure marked in the excerpt, and
//    the page lists every page without JavaScript; search.js folds exactly
//    as Go's vietnamese.Fold (the shared table internal/search/testdata/fold.txt);
//  - embedding: the embed code copied from an article, pasted into a page served from ANOTHER
//    origin (a second server on another port, no CSP), shows the chart drawn in the iframe.
//
// Run: node --test e2e/opendata.test.mjs   (after npm ci; needs /usr/bin/chromium and Go)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { start, normaliseBase } from './server.mjs';
import { REPO, readBasePath, mkTemp, goBuild, launch, watchedPage, goto, report } from './helpers.mjs';

const PREBUILT = process.env.E2E_OUT;
const BASE = process.env.E2E_BASE
  ? normaliseBase(process.env.E2E_BASE)
  : readBasePath(path.join(REPO, 'config.toml'));
let out, hostDir, server, host, browser;

before(async () => {
  if (PREBUILT) {
    out = path.resolve(PREBUILT);
  } else {
    out = mkTemp('chiso-e2e-opendata-');
    const b = goBuild(['--out', out]);
    console.log(`# built sample site into ${out} in ${b.ms} ms`);
  }
  server = await start({ root: out, base: BASE });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await host?.close();
  if (hostDir) fs.rmSync(hostDir, { recursive: true, force: true });
  if (out && !PREBUILT && !process.env.KEEP_E2E) fs.rmSync(out, { recursive: true, force: true });
});

/** search.js run in a bare VM (no document): its fold, words and search functions. */
function searchModule() {
  const ctx = {};
  vm.createContext(ctx);
  vm.runInContext(fs.readFileSync(path.join(REPO, 'templates/static/search.js'), 'utf8'), ctx);
  assert.ok(ctx.chisoSearch, 'search.js exposes no chisoSearch');
  return ctx.chisoSearch;
}

test('search.js folds like Go (internal/search/testdata/fold.txt, NFC and NFD)', () => {
  const { fold } = searchModule();
  const lines = fs
    .readFileSync(path.join(REPO, 'internal/search/testdata/fold.txt'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
  assert.ok(lines.length >= 10);
  for (const line of lines) {
    const [input, want] = line.split('\t');
    assert.equal(fold(input), want, `fold(${JSON.stringify(input)})`);
    assert.equal(fold(input.normalize('NFD')), want, `fold(NFD ${JSON.stringify(input)})`);
  }
});

test('search.js: "Đắk" finds "Dak", numbers match whole words, excerpts mark the words', () => {
  const { search, excerpt, key } = searchModule();
  // Word files as internal/search writes them: page ids delta-coded, ×2, +1 in the title.
  // Pages: 0 "xã Đắk Pơ", 1 "Dak Lak", 2 "tháng 12/2024".
  const shards = {
    dak: { dak: [1, 3] },
    tha: { thang: [5] },
    12: { 12: [5] },
    202: { 2024: [5] },
  };
  assert.equal(key('thang'), 'tha');
  assert.equal(key('88,62'), '886');
  // The VM's arrays belong to another realm: copy them before comparing.
  const ids = (q) => [...search(shards, q)].map((r) => r.id);
  assert.deepEqual(ids('Đắk'), [0, 1]);
  assert.deepEqual(ids('dak'), [0, 1]);
  assert.deepEqual(ids('thang 12'), [2]);
  assert.deepEqual(ids('thang 4'), [], '"4" must not match "2024"');
  const marked = (text, q) => [...excerpt(text, q)].filter((p) => p.mark).map((p) => p.text);
  assert.deepEqual(marked('Tỉnh Gia Lai đạt 88,62 điểm, xếp thứ 2.', '88,62'), ['88,62']);
  assert.deepEqual(marked('Tỉnh Gia Lai đạt 88,62 điểm.', 'gia lai'), ['Gia', 'Lai']);
  assert.deepEqual(marked('Chưa đạt mục tiêu; ĐẠT.', 'dat'), ['đạt', 'ĐẠT']);
});

async function results(page, query) {
  const input = page.locator('#q');
  await input.fill('');
  await input.fill(query);
  await input.press('Enter');
  await page.waitForFunction(
    (q) => document.getElementById('trang-thai').textContent.includes(q),
    query,
  );
  return page.$$eval('#ket-qua a', (as) => as.map((a) => a.getAttribute('href')));
}

test('search: "dat" = "đạt", "thang 4" finds April 2024, no CSP problem', async () => {
  const ctx = await browser.newContext();
  try {
    const { page, problems } = await watchedPage(ctx);
    await goto(page, new URL('tim-kiem/', server.url).href);
    await page.waitForSelector('#tim-kiem[data-ready="1"]');

    const plain = await results(page, 'dat');
    const marked = await results(page, 'đạt');
    const upper = await results(page, 'ĐẠT');
    assert.ok(plain.length > 0, 'no result for "dat"');
    assert.deepEqual(marked, plain, '"đạt" and "dat" differ');
    assert.deepEqual(upper, plain, '"ĐẠT" and "dat" differ');
    for (const href of plain) assert.ok(href.startsWith(BASE), `${href} lacks ${BASE}`);

    // "thang 4" finds April 2024; pages holding the phrase (the April articles) come first,
    // before pages that only hold both words apart (a March report dated in April).
    const april = await results(page, 'thang 4');
    assert.ok(april.includes(BASE + 'bai-viet/2024-04/'), `"thang 4" misses April 2024: ${april}`);
    const firstTwo = april.filter((h) => h.includes('/bai-viet/')).slice(0, 2).sort();
    assert.deepEqual(firstTwo, [BASE + 'bai-viet/2024-04/', BASE + 'bai-viet/2025-04/'], `"thang 4": ${april}`);
    const april2024 = await results(page, 'thang 4/2024');
    assert.equal(april2024[0], BASE + 'bai-viet/2024-04/', `first result for "thang 4/2024": ${april2024[0]}`);
    assert.ok(!(await page.locator('#ket-qua').isHidden()));
    assert.ok(await page.locator('#tat-ca').isHidden(), 'the full list stays shown beside results');

    // Full text, numbers written the Vietnamese way, a highlighted excerpt, the kind.
    const score = await results(page, '88,62');
    assert.ok(score.includes(BASE + 'bai-viet/2024-04/'), `"88,62" misses April 2024: ${score}`);
    assert.equal(await page.locator('#ket-qua mark').first().textContent(), '88,62');
    assert.ok((await page.locator('#ket-qua .search-kind').first().textContent()).length > 0, 'no kind label');
    const giaLai = await results(page, 'Gia Lai');
    assert.ok(giaLai.length > 0, '"Gia Lai" finds nothing');
    await results(page, 'thang 4/2024');

    // A result opens its page.
    await page.locator('#ket-qua a').first().click();
    await page.waitForURL(new URL('bai-viet/2024-04/', server.url).href);

    // The query is kept in the address: reloading tim-kiem/?q=… searches again.
    await goto(page, new URL('tim-kiem/?q=' + encodeURIComponent('chưa đạt'), server.url).href);
    await page.waitForFunction(() => document.querySelectorAll('#ket-qua a').length > 0);

    const p = await problems();
    assert.deepEqual(p, [], report('search page', p));
  } finally {
    await ctx.close();
  }
});

test('English search: its own index of English pages, numbers the English way, messages in English', async () => {
  const ctx = await browser.newContext();
  try {
    const { page, problems } = await watchedPage(ctx);
    await goto(page, new URL('en/tim-kiem/', server.url).href);
    await page.waitForSelector('#tim-kiem[data-ready="1"]');
    const score = await results(page, '88.62');
    assert.ok(score.includes(BASE + 'en/bai-viet/2024-04/'), `"88.62" misses the English April 2024: ${score}`);
    assert.ok(score.every((h) => h.startsWith(BASE + 'en/')), `a Vietnamese page among English results: ${score}`);
    assert.match(await page.locator('#trang-thai').textContent(), /^Found \d+ pages with “88\.62”/);
    const justice = await results(page, 'department of justice');
    assert.ok(justice.some((h) => h.startsWith(BASE + 'en/don-vi/')), `"department of justice" finds no unit: ${justice}`);
    await results(page, 'zzzqqq');
    assert.match(await page.locator('#trang-thai').textContent(), /^No page has “zzzqqq”/);
    const p = await problems();
    assert.deepEqual(p, [], report('English search page', p));
  } finally {
    await ctx.close();
  }
});

test('search page without JavaScript lists every page', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await ctx.newPage();
    await goto(page, new URL('tim-kiem/', server.url).href);
    const index = JSON.parse(fs.readFileSync(path.join(out, 'tim-kiem/index.json'), 'utf8'));
    const listed = await page.$$eval('#tat-ca a', (as) => as.map((a) => a.getAttribute('href')));
    assert.equal(listed.length, index.pages);
    assert.ok(listed.includes(BASE + 'bai-viet/2024-04/'));
    assert.ok(await page.locator('#tat-ca').isVisible());
  } finally {
    await ctx.close();
  }
});

test('embed: the copied embed code works in a page of another origin', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  try {
    // 1. Copy the embed code of the article's first chart, as a reader would.
    const page = await ctx.newPage();
    await goto(page, new URL('bai-viet/2024-04/', server.url).href);
    const fig = page.locator('figure.chart').first();
    const id = await fig.getAttribute('id');
    await fig.locator('details.chart-embed summary').click();
    const code = await fig.locator('textarea.embed-code').inputValue();
    const m = code.match(/^<iframe src="([^"]+)" title="([^"]*)" loading="lazy" width="100%" height="460" style="border:0"><\/iframe>$/);
    assert.ok(m, `embed code: ${code}`);
    const published = new URL(m[1]);
    assert.ok(published.pathname === `${BASE}nhung/${id}/`, `embed src ${m[1]}`);
    assert.equal(m[2], await fig.locator('figcaption').innerText());

    // 2. Paste it into a portal page served from another port, pointing at our test server
    //    instead of the production host.
    const src = new URL(published.pathname, server.origin).href;
    hostDir = mkTemp('chiso-e2e-host-');
    fs.writeFileSync(
      path.join(hostDir, 'index.html'),
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin</title></head>` +
        `<body><h1>Tin tức</h1><p>Biểu đồ nhúng:</p>${code.replace(m[1], src)}</body></html>`,
    );
    host = await start({ root: hostDir, base: '/', csp: false });
    assert.notEqual(host.origin, server.origin);

    const { page: portal, problems } = await watchedPage(ctx);
    await goto(portal, host.url);
    const frameEl = portal.locator('iframe');
    await frameEl.scrollIntoViewIfNeeded();
    const box = await frameEl.boundingBox();
    assert.ok(box && box.height >= 450, `iframe height ${box?.height}`);
    const frame = portal.frameLocator('iframe');
    await frame.locator(`figure.chart#${id} .chart-canvas[data-finished="1"]`).waitFor({ timeout: 15000 });
    assert.equal(await frame.locator('canvas, svg').count() > 0, true, 'nothing drawn in the iframe');
    assert.equal(await frame.locator('h1').innerText(), m[2]);
    const back = await frame.locator('.embed-source a').first().getAttribute('href');
    assert.ok(back.endsWith(`bai-viet/2024-04/#${id}`), `link back ${back}`);
    assert.equal(await frame.locator('.embed-source a').first().getAttribute('target'), '_blank');
    const served = server.requests.filter((r) => r.path.startsWith(`${BASE}nhung/${id}/`));
    assert.ok(served.length > 0 && served.every((r) => r.status === 200), 'embed page not served by the site');
    const p = await problems();
    assert.deepEqual(p, [], report('portal page with the embed', p));
  } finally {
    await ctx.close();
  }
});
