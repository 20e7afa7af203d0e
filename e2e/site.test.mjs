// End-to-end tests of the sample site in Debian's Chromium, served under its base_path with
// `Content-Security-Policy: default-src 'self'`.
//
// Run: node --test e2e/   (after npm ci; needs /usr/bin/chromium and Go)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, normaliseBase } from './server.mjs';
import {
  REPO,
  readBasePath,
  mkTemp,
  goBuild,
  launch,
  watchedPage,
  goto,
  checkCharts,
  horizontalOverflow,
  linksUnder,
  ensureArtifacts,
  report,
} from './helpers.mjs';

// E2E_OUT=DIR [E2E_BASE=/x/] tests an already built site instead of building one.
const PREBUILT = process.env.E2E_OUT;
const BASE = process.env.E2E_BASE
  ? normaliseBase(process.env.E2E_BASE)
  : readBasePath(path.join(REPO, 'config.toml'));
let out, server, browser, indicatorURL;

before(async () => {
  if (PREBUILT) {
    out = path.resolve(PREBUILT);
  } else {
    out = mkTemp('chiso-e2e-site-');
    const b = goBuild(['--out', out]);
    console.log(`# built sample site into ${out} in ${b.ms} ms`);
  }
  assert.ok(fs.existsSync(path.join(out, 'index.html')), `no index.html in ${out}`);
  server = await start({ root: out, base: BASE });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (out && !PREBUILT && !process.env.KEEP_E2E) fs.rmSync(out, { recursive: true, force: true });
});

const home = () => server.url;
const article = () => new URL('bai-viet/2024-04/', server.url).href;

async function findIndicator() {
  if (indicatorURL) return indicatorURL;
  const ctx = await browser.newContext();
  try {
    const page = await ctx.newPage();
    await goto(page, home());
    const links = (await linksUnder(page, BASE + 'chi-tieu/')).filter((u) => /\/$|\.html$/.test(u));
    assert.ok(links.length > 0, `no link under ${BASE}chi-tieu/ on the home page`);
    indicatorURL = links[0];
    return indicatorURL;
  } finally {
    await ctx.close();
  }
}

async function cleanPage(name, url) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  try {
    const { page, problems } = await watchedPage(ctx);
    await goto(page, url);
    const charts = await checkCharts(page);
    assert.ok(
      (await page.locator('main#noi-dung').count()) === 1,
      `${name}: no <main id="noi-dung">`,
    );
    const all = [...(await problems()), ...charts.problems];
    assert.deepEqual(all, [], report(`${name} (${url})`, all));
    return charts;
  } finally {
    await ctx.close();
  }
}

test('home page loads cleanly and its charts draw', async () => {
  await cleanPage('home', home());
});

test('April 2024 article loads cleanly and its charts draw', async () => {
  const c = await cleanPage('article 2024-04', article());
  assert.ok(c.figures > 0, 'the article has no figure.chart');
});

test('an indicator page loads cleanly and its charts draw', async () => {
  const url = await findIndicator();
  const c = await cleanPage(`indicator ${url}`, url);
  assert.ok(c.figures > 0, `${url}: no figure.chart`);
});

test('no horizontal scroll at 320 px, at normal and largest font size', async () => {
  const ctx = await browser.newContext({ viewport: { width: 320, height: 640 } });
  try {
    const page = await ctx.newPage();
    for (const url of [home(), article(), await findIndicator()]) {
      await goto(page, url);
      for (const size of ['0', '3']) {
        await page.evaluate((s) => document.documentElement.setAttribute('data-font', s), size);
        const o = await horizontalOverflow(page);
        assert.equal(o, null, `${url} at 320 px, data-font=${size}: ${o}`);
      }
    }
  } finally {
    await ctx.close();
  }
});

test('reading controls: font size steps and persists across reloads', async () => {
  const ctx = await browser.newContext();
  try {
    const { page, problems } = await watchedPage(ctx);
    await goto(page, article());
    const html = page.locator('html');
    const controls = page.locator('.reading-controls');
    await controls.waitFor({ state: 'visible', timeout: 5000 });
    const up = controls.locator('button[data-font="up"]');
    const down = controls.locator('button[data-font="down"]');
    const reset = controls.locator('button[data-font="reset"]');

    const px = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    assert.equal(await html.getAttribute('data-font'), '0');
    const base = await px();

    await up.click();
    await up.click();
    assert.equal(await html.getAttribute('data-font'), '2');
    assert.ok((await px()) > base, 'root font-size did not grow at data-font=2');

    await page.reload();
    await controls.waitFor({ state: 'visible' });
    assert.equal(await html.getAttribute('data-font'), '2', 'font size not restored after reload');

    // Upper bound 3, lower bound -1: the step buttons say aria-disabled at the ends and a
    // further (forced) click changes nothing.
    for (let i = 0; i < 10 && (await up.getAttribute('aria-disabled')) !== 'true'; i++) await up.click();
    assert.equal(await html.getAttribute('data-font'), '3');
    await up.click({ force: true });
    assert.equal(await html.getAttribute('data-font'), '3');
    for (let i = 0; i < 10 && (await down.getAttribute('aria-disabled')) !== 'true'; i++) await down.click();
    assert.equal(await html.getAttribute('data-font'), '-1');
    await down.click({ force: true });
    assert.equal(await html.getAttribute('data-font'), '-1');
    assert.ok((await px()) < base, 'root font-size did not shrink at data-font=-1');

    await reset.click();
    assert.equal(await html.getAttribute('data-font'), '0');
    await page.reload();
    assert.equal(await html.getAttribute('data-font'), '0');

    const p = await problems();
    assert.deepEqual(p, [], report('reading controls', p));
  } finally {
    await ctx.close();
  }
});

test('reading controls: contrast toggles, sets aria-pressed and persists', async () => {
  const ctx = await browser.newContext();
  try {
    const { page, problems } = await watchedPage(ctx);
    await goto(page, home());
    const html = page.locator('html');
    const on = page.locator('.reading-controls button[data-contrast="on"]');
    const off = page.locator('.reading-controls button[data-contrast="off"]');
    await on.waitFor({ state: 'visible', timeout: 5000 });
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const normalBg = await bg();

    assert.equal(await html.getAttribute('data-contrast'), null);
    await on.click();
    assert.equal(await html.getAttribute('data-contrast'), 'high');
    assert.equal(await on.getAttribute('aria-pressed'), 'true');
    assert.equal(await off.getAttribute('aria-pressed'), 'false');
    assert.notEqual(await bg(), normalBg, 'high contrast does not change the page colours');

    await page.reload();
    await on.waitFor({ state: 'visible' });
    assert.equal(await html.getAttribute('data-contrast'), 'high', 'contrast not restored after reload');
    assert.equal(await on.getAttribute('aria-pressed'), 'true');

    // Persisted across pages of the site too.
    await goto(page, article());
    assert.equal(await html.getAttribute('data-contrast'), 'high');

    await off.click();
    assert.equal(await html.getAttribute('data-contrast'), null);
    assert.equal(await on.getAttribute('aria-pressed'), 'false');
    assert.equal(await off.getAttribute('aria-pressed'), 'true');
    await page.reload();
    assert.equal(await html.getAttribute('data-contrast'), null);

    const p = await problems();
    assert.deepEqual(p, [], report('contrast controls', p));
  } finally {
    await ctx.close();
  }
});

test('reading controls stay hidden without JavaScript', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await ctx.newPage();
    await goto(page, article());
    assert.equal(await page.locator('.reading-controls').isVisible(), false);
    // The numbers are still there, in tables.
    assert.ok((await page.locator('figure.chart table').count()) > 0, 'no chart tables without JS');
  } finally {
    await ctx.close();
  }
});

// What a reader sees first, asserted, with the screenshots kept for a person to look at:
// on phones 360 and 390 px wide nothing scrolls sideways; on a 390×844 phone the article's
// title and its first figure (the first rate of its first indicator) are on the first
// screen, without scrolling.
test('first screen: no sideways scroll at 360 and 390 px; the article title and its key figures on a 390×844 screen', async () => {
  const dir = ensureArtifacts();
  const bad = [];
  for (const [w, h] of [
    [360, 740],
    [390, 844],
    [1366, 900],
  ]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h } });
    try {
      const page = await ctx.newPage();
      for (const [name, url] of [
        ['home', home()],
        ['article-2024-04', article()],
      ]) {
        await goto(page, url);
        const charts = await checkCharts(page); // draws the lazy charts, which scrolls
        bad.push(...charts.problems.map((p) => `${name} at ${w} px: ${p}`));
        await page.evaluate(() => window.scrollTo(0, 0));
        if (w < 400) {
          const o = await horizontalOverflow(page);
          if (o) bad.push(`${name} at ${w} px scrolls sideways: ${o}`);
        }
        if (name.startsWith('article') && w === 390) {
          const fold = await page.evaluate(() => {
            const h1 = document.querySelector('main h1');
            // The period's key figures ("3/7 chỉ tiêu đạt mục tiêu · 88,62 điểm · hạng 2/63")
            // open the article: the whole box must be on the first screen.
            const box = document.querySelector('.news .key-figures');
            let figure = null;
            if (box) {
              const b = box.getBoundingClientRect();
              figure = { text: box.textContent.replace(/\s+/g, ' ').trim(), top: b.top, bottom: b.bottom };
            }
            const hb = h1 && h1.getBoundingClientRect();
            return { screen: innerHeight, h1: hb && { top: hb.top, bottom: hb.bottom, text: h1.textContent }, figure };
          });
          if (!fold.h1) bad.push('article: no h1');
          else if (fold.h1.top < 0 || fold.h1.bottom > fold.screen) {
            bad.push(`article at 390×844: the title ends at ${Math.round(fold.h1.bottom)} px, below the first screen (${fold.screen} px)`);
          }
          if (!fold.figure) bad.push('article: no key figures box (.key-figures)');
          else if (fold.figure.bottom > fold.screen) {
            bad.push(`article at 390×844: its key figures (${fold.figure.text}) end at ${Math.round(fold.figure.bottom)} px, below the first screen (${fold.screen} px)`);
          }
        }
        await page.screenshot({ path: path.join(dir, `${name}-${w}x${h}.png`), fullPage: true });
      }
    } finally {
      await ctx.close();
    }
  }
  assert.deepEqual(bad, [], report('first screen', bad));
});
