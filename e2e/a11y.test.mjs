// Accessibility of every page of the sample site, in Debian's Chromium:
//  - axe-core (WCAG 2.1 A and AA tags) on every page, in the normal colours and in high contrast;
//  - the keyboard: skip link, reading controls, a visible focus on every stop;
//  - headings in order on every page;
//  - every chart: a name, a description in the page's language (Vietnamese; English under en/), its table with a caption, decal patterns
//    and dashed target lines in its ECharts option;
//  - every page without JavaScript: tables shown, empty chart boxes and controls hidden.
//
// axe-core is injected with page.addScriptTag({path}), which the site's CSP
// (default-src 'self') would block: the axe runs use a context with bypassCSP. The CSP itself
// is checked without bypass in validity.test.mjs.
//
// Run: node --test e2e/a11y.test.mjs   (E2E_OUT=DIR tests an already built site)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, watchedPage, report } from './helpers.mjs';
import { openSite, onePerKind, somePerKind, drawAllCharts, runAxe, AXE_JS } from './sitepages.mjs';
import { chartsWithDefaults } from './chartdefaults.mjs';

let site, browser;

before(async () => {
  assert.ok(fs.existsSync(AXE_JS), `${AXE_JS} missing: run npm ci`);
  site = await openSite('chiso-e2e-a11y-');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const ARTICLE = 'bai-viet/2024-04/';

async function load(page, url) {
  const res = await page.goto(url, { waitUntil: 'load' });
  assert.ok(res && res.ok(), `${url}: HTTP ${res && res.status()}`);
}

function formatViolations(where, vs) {
  return vs.map((v) => `${where}: ${v.id} (${v.impact}, ${v.count}×) ${v.help}\n      ${v.nodes.join('\n      ')}`);
}

test('axe-core: no WCAG 2.1 A/AA violation on every article and up to 12 pages of every other kind, in normal colours and in high contrast', async () => {
  // One load per page: axe with the normal colours, then the reader presses "Tăng tương phản"
  // and axe runs again, then "Giảm tương phản" puts the colours back for the next page.
  // Two workers, each in its own context (the contrast choice is shared through localStorage).
  const normal = [];
  const high = [];
  let checked = 0;
  let checkedHigh = 0;
  const chosen = somePerKind(site.pages, 12);
  const queue = [...chosen];
  const worker = async () => {
    const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 900 } });
    try {
      const page = await ctx.newPage();
      page.setDefaultTimeout(20000);
      for (let p = queue.shift(); p; p = queue.shift()) {
        const where = p.path || '/';
        await load(page, p.url);
        await drawAllCharts(page);
        await page.addScriptTag({ path: AXE_JS });
        normal.push(...formatViolations(where, await runAxe(page)));
        checked++;
        // Pages embedded by other sites (nhung/) have no reading controls, hence no high contrast.
        if ((await page.locator('.reading-controls').count()) === 0) continue;
        await page.click('.reading-controls button[data-contrast="on"]');
        assert.equal(await page.getAttribute('html', 'data-contrast'), 'high', `${where}: contrast button`);
        high.push(...formatViolations(where, await runAxe(page)));
        await page.click('.reading-controls button[data-contrast="off"]');
        checkedHigh++;
      }
    } finally {
      await ctx.close();
    }
  };
  await Promise.all([worker(), worker()]);
  console.log(`# axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa): ${checked} pages in normal colours, ` +
    `${checkedHigh} in high contrast: ${normal.length} + ${high.length} violations`);
  assert.equal(checked, chosen.length);
  normal.sort();
  high.sort();
  assert.deepEqual(normal, [], report('axe, normal colours', normal));
  assert.deepEqual(high, [], report('axe, high contrast', high));
});

test('high contrast set in localStorage (chiso.contrast) applies on load', async () => {
  const ctx = await browser.newContext();
  await ctx.addInitScript(() => window.localStorage.setItem('chiso.contrast', 'high'));
  try {
    const { page, problems } = await watchedPage(ctx);
    for (const p of onePerKind(site.pages, { article: ARTICLE }).filter((p) => p.kind !== 'embed')) {
      await load(page, p.url);
      assert.equal(await page.getAttribute('html', 'data-contrast'), 'high', p.path);
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bg, 'rgb(0, 0, 0)', `${p.path}: body background in high contrast`);
    }
    const pr = await problems();
    assert.deepEqual(pr, [], report('high contrast pages', pr));
  } finally {
    await ctx.close();
  }
});

/** What has the focus, and whether a focus indicator is drawn around it. */
function focusState(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body' };
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const ring =
      (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) ||
      (cs.boxShadow && cs.boxShadow !== 'none');
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      cls: typeof el.className === 'string' ? el.className : '',
      text: (el.textContent || '').trim().slice(0, 40),
      data: el.getAttribute('data-font') || el.getAttribute('data-contrast') || '',
      ring,
      focusVisible: el.matches(':focus-visible'),
      onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight + 1 && r.left < innerWidth,
    };
  });
}

test('keyboard: the skip link shows and moves focus to the content; A+ and contrast work with keys', async () => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const { page, problems } = await watchedPage(ctx);
    await load(page, site.url(ARTICLE));
    await page.locator('.reading-controls').waitFor({ state: 'visible' });

    // First Tab: the skip link, visible on screen with a focus indicator.
    await page.keyboard.press('Tab');
    let f = await focusState(page);
    assert.match(f.cls, /skip-link/, `first Tab stop is ${JSON.stringify(f)}`);
    assert.ok(f.onScreen, 'the focused skip link is not on screen');
    assert.ok(f.ring && f.focusVisible, `the skip link has no visible focus: ${JSON.stringify(f)}`);
    await page.keyboard.press('Enter');
    f = await focusState(page);
    assert.equal(f.id, 'noi-dung', `Enter on the skip link left focus on ${JSON.stringify(f)}`);
    assert.ok(page.url().endsWith('#noi-dung'));
    // The next Tab goes into the content, not back to the header.
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => !!document.activeElement.closest('main'));
    assert.ok(inMain, 'Tab after the skip link did not land inside <main>');

    // From the top: Tab to A+ and press Enter; Tab on to "Tăng tương phản" and press Space.
    await load(page, site.url(ARTICLE));
    await page.locator('.reading-controls').waitFor({ state: 'visible' });
    const tabTo = async (match) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const s = await focusState(page);
        if (match(s)) return s;
      }
      throw new Error('never reached by Tab');
    };
    f = await tabTo((s) => s.tag === 'button' && s.data === 'up');
    assert.ok(f.ring && f.focusVisible, `A+ has no visible focus: ${JSON.stringify(f)}`);
    assert.equal(await page.getAttribute('html', 'data-font'), '0');
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute('html', 'data-font'), '1', 'Enter on A+ did not enlarge the text');
    f = await tabTo((s) => s.tag === 'button' && s.data === 'on');
    assert.ok(f.ring && f.focusVisible, `contrast button has no visible focus: ${JSON.stringify(f)}`);
    await page.keyboard.press('Space');
    assert.equal(await page.getAttribute('html', 'data-contrast'), 'high', 'Space on "Tăng tương phản"');
    const pr = await problems();
    assert.deepEqual(pr, [], report('keyboard', pr));
  } finally {
    await ctx.close();
  }
});

test('keyboard: every Tab stop of each kind of page shows a focus indicator, in both colour modes', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const bad = [];
  try {
    const page = await ctx.newPage();
    const kinds = onePerKind(site.pages, { article: ARTICLE }).filter((p) => p.kind !== 'embed');
    for (const contrast of ['off', 'on']) {
      // Every kind of page in the normal colours; the home page and an article in high contrast.
      const pages = contrast === 'off' ? kinds : kinds.filter((p) => p.kind === 'home' || p.kind === 'article');
      for (const p of pages) {
        await load(page, p.url);
        await page.locator('.reading-controls').waitFor({ state: 'visible' });
        await page.click(`.reading-controls button[data-contrast="${contrast}"]`);
        // Reload (the choice is remembered) so that Tab starts from the top of the document.
        await page.reload({ waitUntil: 'load' });
        const stops = await page.evaluate(
          () =>
            document.querySelectorAll(
              'a[href], button:not([hidden]), input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
            ).length,
        );
        const seen = new Set();
        for (let i = 0; i < Math.min(stops + 5, 150); i++) {
          await page.keyboard.press('Tab');
          const s = await focusState(page);
          if (s.tag === 'body') break;
          const key = `${s.tag}#${s.id}.${s.cls}:${s.text}:${i}`;
          if (!s.ring) bad.push(`${p.path || '/'} (contrast ${contrast}): ${s.tag}.${s.cls} “${s.text}” has no focus ring`);
          seen.add(key);
        }
        assert.ok(seen.size > 3, `${p.path}: only ${seen.size} Tab stops`);
      }
    }
  } finally {
    await ctx.close();
  }
  assert.deepEqual(bad, [], report('focus indicator', bad));
});

/**
 * One visit of every page with JavaScript off (fast: no charts drawn), collecting what the three
 * tests below check: the headings, the charts' markup and option, what shows without scripts.
 */
let noJsPass;
function everyPageWithoutJS() {
  noJsPass ??= (async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });
    const out = [];
    try {
      const page = await ctx.newPage();
      for (const p of site.pages) {
        await load(page, p.url);
        out.push({ where: p.path || '/', ...(await page.evaluate(collect)) });
      }
    } finally {
      await ctx.close();
    }
    return out;
  })();
  return noJsPass;
}

// Runs in the page (without its scripts).
function collect() {
  const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');
  const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const byId = (id) => (id ? document.getElementById(id) : null);
  const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => ({
    level: Number(h.tagName[1]),
    text: text(h).slice(0, 50),
  }));
  const figures = [...document.querySelectorAll('figure.chart')].map((f) => {
    const canvas = f.querySelector('.chart-canvas');
    const table = f.querySelector('table');
    const src = byId(canvas && canvas.getAttribute('data-option'));
    return {
      id: f.id,
      role: canvas && canvas.getAttribute('role'),
      name: text(byId(canvas && canvas.getAttribute('aria-labelledby'))),
      figcaption: text(f.querySelector('figcaption')),
      desc: text(byId(canvas && canvas.getAttribute('aria-describedby'))),
      caption: text(table && table.querySelector('caption')),
      rows: table ? table.querySelectorAll('tbody tr').length : 0,
      json: src ? src.textContent : '',
      tableShown: shown(table),
      descShown: shown(f.querySelector('.chart-desc')),
      canvasShown: shown(canvas),
    };
  });
  const hiddenTables = [...document.querySelectorAll('main table')]
    .filter((t) => !shown(t))
    .map((t) => text(t.caption));
  return {
    headings,
    figures,
    hiddenTables,
    controlsShown: shown(document.querySelector('.reading-controls')),
    embed: document.documentElement.classList.contains('embed'),
    h1InMain: !!document.querySelector('main h1'),
  };
}

test('headings: one h1 per page, first, and no level skipped, on every page', async () => {
  const bad = [];
  for (const { where, headings: hs } of await everyPageWithoutJS()) {
    const h1s = hs.filter((h) => h.level === 1).length;
    if (h1s !== 1) bad.push(`${where}: ${h1s} h1`);
    if (hs.length && hs[0].level !== 1) bad.push(`${where}: first heading is h${hs[0].level} “${hs[0].text}”`);
    for (let i = 1; i < hs.length; i++) {
      if (hs[i].level > hs[i - 1].level + 1) {
        bad.push(`${where}: h${hs[i - 1].level} “${hs[i - 1].text}” is followed by h${hs[i].level} “${hs[i].text}”`);
      }
    }
    for (const h of hs) if (!h.text) bad.push(`${where}: empty h${h.level}`);
  }
  assert.deepEqual(bad, [], report('headings', bad));
});

// Vietnamese letters with their marks, which an English or empty description lacks.
const withDefaults = chartsWithDefaults();
const VIETNAMESE = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;

test('every chart: a name, a description in the page\'s language, a table with a caption, decals and dashed targets', async () => {
  let charts = 0;
  const bad = [];
  for (const { where, figures } of await everyPageWithoutJS()) {
    for (const f of figures) {
      charts++;
      const at = `${where}: chart ${f.id}`;
      if (f.role !== 'img') bad.push(`${at}: canvas role is ${f.role}, not img`);
      if (!f.name) bad.push(`${at}: no accessible name (aria-labelledby)`);
      if (f.name !== f.figcaption) bad.push(`${at}: name “${f.name}” is not the figcaption “${f.figcaption}”`);
      // An English page's charts (en/) are described in English, with no Vietnamese letter.
      const en = where.startsWith('en/');
      if (f.desc.length < 40 || VIETNAMESE.test(f.desc) === en) {
        bad.push(`${at}: description is not ${en ? 'English' : 'Vietnamese'} text: “${f.desc}”`);
      }
      if (!f.caption) bad.push(`${at}: table has no caption`);
      if (f.rows === 0) bad.push(`${at}: table has no rows`);
      let env;
      try {
        env = withDefaults(JSON.parse(f.json)); // as charts.js gives it to ECharts
      } catch (e) {
        bad.push(`${at}: option JSON does not parse: ${e.message}`);
        continue;
      }
      const base = env.option.baseOption || env.option;
      if (!(base.aria && base.aria.enabled === true)) bad.push(`${at}: aria.enabled is not true`);
      if (!(base.aria && base.aria.decal && base.aria.decal.show === true)) bad.push(`${at}: aria.decal.show is not true`);
      const series = [].concat(base.series || []);
      const isTarget = (s) => /^(Mục tiêu|Target)/.test(s.name);
      const horizontal = [].concat(base.yAxis || []).some((a) => a.type === 'category');
      for (const t of series.filter(isTarget)) {
        if (horizontal) {
          if (t.symbol !== 'rect') bad.push(`${at}: target “${t.name}” is not drawn as ticks`);
        } else if (!(t.lineStyle && t.lineStyle.type === 'dashed')) {
          bad.push(`${at}: target line “${t.name}” is not dashed`);
        }
      }
      if (/đường nét đứt|dashed line/.test(f.desc) && !series.some((s) => s.lineStyle && s.lineStyle.type === 'dashed')) {
        bad.push(`${at}: the description speaks of a dashed line, the option has none`);
      }
      // Line series are told apart by their symbols too. A series broken at a change of
      // province is drawn as several ECharts series under one name, with one symbol.
      const symbolOf = new Map();
      for (const l of series.filter((s) => s.type === 'line' && !isTarget(s))) {
        if (symbolOf.has(l.name) && symbolOf.get(l.name) !== l.symbol) bad.push(`${at}: “${l.name}” changes symbol`);
        symbolOf.set(l.name, l.symbol);
      }
      if (new Set(symbolOf.values()).size < symbolOf.size) bad.push(`${at}: line series share a symbol`);
    }
  }
  console.log(`# checked ${charts} charts`);
  assert.ok(charts > 0, 'no chart on the site');
  assert.deepEqual(bad, [], report('charts', bad));
});

test('without JavaScript: every chart table is shown, chart boxes and controls are hidden', async () => {
  const bad = [];
  for (const r of await everyPageWithoutJS()) {
    for (const f of r.figures) {
      if (!f.tableShown) bad.push(`${r.where}: chart ${f.id}: table not visible`);
      if (!f.descShown) bad.push(`${r.where}: chart ${f.id}: description not visible`);
      if (f.canvasShown) bad.push(`${r.where}: chart ${f.id}: an empty chart box is shown`);
    }
    for (const c of r.hiddenTables) bad.push(`${r.where}: table “${c}” hidden`);
    if (r.controlsShown) bad.push(`${r.where}: reading controls visible without JavaScript`);
    if (!r.embed && !r.h1InMain) bad.push(`${r.where}: no h1 in main`);
  }
  assert.deepEqual(bad, [], report('without JavaScript', bad));
});
