// What a citizen sees of the provinces' comparison (so-sanh/YYYY-MM/) and of wide tables on a
// phone:
//  - the comparison prints each ranking once: the ranking table is its chart's table (a second
//    table of the same rows doubled a phone's scrolling and a screen reader's tables); each
//    chart's box is an image named by its title and described by its paragraph, and the
//    site's own province is said in words ("trang này") in the chart's table, not only by colour;
//  - a table wider than the phone scrolls in its box with its caption whole and in view, and
//    each row's name still at the left once the figures are scrolled (360 and 320 px, A+);
//  - another province's page: no column of dashes for a score the province never had, a period
//    on one line in the table of periods, and a unit's dates read "(từ X đến Y)", not
//    "(đến Y) (từ X)"; the links to the comparisons named by their period, not all "Bảng so
//    sánh".
//
// Run: node --test e2e/citizen.test.mjs   (E2E_OUT=DIR [E2E_BASE=/x/] tests a built site)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, mkTemp, goBuild, readBasePath, launch, report } from './helpers.mjs';
import { start } from './server.mjs';
import { openSite, onePerKind, drawAllCharts, settle } from './sitepages.mjs';

let site, browser;

before(async () => {
  site = await openSite('chiso-e2e-citizen-');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

async function open(ctx, url, font = '0') {
  const page = await ctx.newPage();
  const res = await page.goto(url, { waitUntil: 'load' });
  assert.ok(res && res.ok(), `${url}: HTTP ${res && res.status()}`);
  if (font !== '0') await page.evaluate((f) => document.documentElement.setAttribute('data-font', f), font);
  return page;
}

test('comparison: one table per chart, the chart named and described, the own province in words', async () => {
  const comparisons = site.pages.filter((p) => p.kind === 'comparison');
  assert.ok(comparisons.length > 0, 'the site has no comparison page');
  const bad = [];
  const ctx = await browser.newContext({ viewport: { width: 360, height: 800 } });
  try {
    for (const p of comparisons.slice(0, 4)) {
      const page = await open(ctx, p.url);
      const got = await page.evaluate(() => {
        const out = [];
        const figures = [...document.querySelectorAll('main figure.chart')];
        const tables = document.querySelectorAll('main table');
        if (figures.length === 0) out.push('no chart');
        if (tables.length !== figures.length) out.push(`${tables.length} tables for ${figures.length} charts`);
        const text = (id) => (id && document.getElementById(id) ? document.getElementById(id).textContent.trim() : '');
        for (const f of figures) {
          const ts = f.querySelectorAll('table');
          if (ts.length !== 1) out.push(`#${f.id}: ${ts.length} tables in the figure`);
          const canvas = f.querySelector('.chart-canvas');
          if (!canvas || canvas.getAttribute('role') !== 'img') out.push(`#${f.id}: the chart box is not an image`);
          else {
            if (!text(canvas.getAttribute('aria-labelledby'))) out.push(`#${f.id}: the chart has no name`);
            if (!text(canvas.getAttribute('aria-describedby'))) out.push(`#${f.id}: the chart has no description`);
          }
          const t = ts[0];
          if (!t) continue;
          if (!t.caption || !t.caption.textContent.trim()) out.push(`#${f.id}: table without a caption`);
          if (t.querySelectorAll('thead th[scope="col"]').length === 0) out.push(`#${f.id}: no column headers`);
          const rows = t.querySelectorAll('tbody tr');
          if ([...rows].some((r) => !r.querySelector('th[scope="row"]'))) out.push(`#${f.id}: a row without its name`);
          // The own province: by colour on the chart, and in words in the row's name.
          const own = t.querySelectorAll('tbody tr.own');
          const desc = text(canvas && canvas.getAttribute('aria-describedby'));
          for (const r of own) {
            if (!/\(trang này\)|\(this site\)|\(this page\)/.test(r.querySelector('th').textContent))
              out.push(`#${f.id}: the own province's row does not say so in words`);
          }
          if (own.length && !/trang này|this/.test(desc)) out.push(`#${f.id}: the description does not name the own province`);
        }
        return out;
      });
      for (const g of got) bad.push(`${p.path}: ${g}`);
      await page.close();
    }
  } finally {
    await ctx.close();
  }
  assert.deepEqual(bad, [], report('comparison tables', bad));
});

// The pages with a table wider than the phone: the comparison pages, one page of each kind
// and the pages the sample site has most tables on (a unit's periods, the indicators).
function widePages() {
  const kinds = onePerKind(site.pages);
  const extra = site.pages.filter((p) => p.kind === 'comparison' || p.kind === 'entity').slice(0, 3);
  const seen = new Set();
  return [...kinds, ...extra].filter((p) => (seen.has(p.path) ? false : seen.add(p.path)));
}

test('wide tables on a phone: the caption whole and in view, row names kept while scrolling', async () => {
  const bad = [];
  let wide = 0;
  for (const [width, font] of [
    [360, '0'],
    [320, '3'],
  ]) {
    const ctx = await browser.newContext({ viewport: { width, height: 800 } });
    try {
      for (const p of widePages()) {
        const page = await open(ctx, p.url, font);
        const got = await page.evaluate(() => {
          const out = [];
          let n = 0;
          for (const w of document.querySelectorAll('main .table-wrap')) {
            const t = w.querySelector('table');
            if (!t || w.scrollWidth <= w.clientWidth + 1) continue;
            n++;
            const name = (t.caption ? t.caption.textContent : '').trim().slice(0, 50);
            for (const at of ['start', 'end']) {
              w.scrollLeft = at === 'start' ? 0 : w.scrollWidth;
              const box = w.getBoundingClientRect();
              if (t.caption) {
                const c = t.caption.getBoundingClientRect();
                if (c.left < box.left - 1 || c.right > box.right + 1)
                  out.push(`"${name}" (${at}): caption ${Math.round(c.left)}–${Math.round(c.right)} outside its box ${Math.round(box.left)}–${Math.round(box.right)}`);
              }
              const th = t.querySelector('tbody th[scope="row"]');
              if (th) {
                const r = th.getBoundingClientRect();
                if (r.left < box.left - 1 || r.right > box.right + 1)
                  out.push(`"${name}" (${at}): the row's name is scrolled out of view`);
              }
            }
            w.scrollLeft = 0;
          }
          return { out, n };
        });
        wide += got.n;
        for (const g of got.out) bad.push(`${width} px, A${font}: ${p.path}: ${g}`);
        await page.close();
      }
    } finally {
      await ctx.close();
    }
  }
  assert.ok(wide > 0, 'no table wider than a phone on the pages looked at: the test checks nothing');
  assert.deepEqual(bad, [], report('wide tables', bad));
});

// Another province's page (tinh/KEY/): the sample site has none, so a copy of it gets one more
// province, without an index score, with a department that both started and ended.
const PROVINCE = `
[[entity]]
key = "tinh-thu"
name = "tỉnh Thử Nghiệm"
short = "tỉnh"
name_en = "Thu Nghiem Province"
short_en = "province"
`;
// And a province of the national score table (its row named by its key), with a score.
const SCORED = `
[[entity]]
key = "quang-ninh"
name = "tỉnh Quảng Ninh"
short = "tỉnh"
name_en = "Quang Ninh Province"
short_en = "province"
`;
const UNIT = `
[[unit]]
code = "tt-so-tu-phap"
name = "Sở Tư pháp tỉnh Thử Nghiệm"
name_en = "Department of Justice of Thu Nghiem Province"
level = "tinh"
entity = "tinh-thu"
from = 2025-01-01
to = 2026-06-30
`;
const PERIOD = `period = "2025-12"
illustrative = true
[[result]]
indicator = "ho-so-truc-tuyen"
numerators = { tinh = 45, xa = 900 }
denominators = { tinh = 50, xa = 1000 }
units = [{ unit = "tt-so-tu-phap", numerator = 45, denominator = 50 }]
`;

function buildWithProvince() {
  const tmp = mkTemp('chiso-e2e-citizen-province-');
  for (const name of ['config.toml', 'data', 'content', 'templates', 'static', 'assets', 'i18n']) {
    const from = path.join(REPO, name);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(tmp, name), { recursive: true });
  }
  if (fs.existsSync(path.join(REPO, 'node_modules'))) {
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(tmp, 'node_modules'), 'dir');
  }
  fs.appendFileSync(path.join(tmp, 'data/entities.toml'), PROVINCE + SCORED);
  const national = path.join(tmp, 'data/national/2025-12.toml');
  fs.writeFileSync(national, fs.readFileSync(national, 'utf8').replace('name = "tỉnh Quảng Ninh"', 'entity = "quang-ninh"'));
  fs.mkdirSync(path.join(tmp, 'data/periods/quang-ninh'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'data/periods/quang-ninh/2025-12.toml'), PERIOD.replace(/^units = .*$/m, ''));
  fs.appendFileSync(path.join(tmp, 'data/units.toml'), UNIT);
  fs.mkdirSync(path.join(tmp, 'data/periods/tinh-thu'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'data/periods/tinh-thu/2025-12.toml'), PERIOD);
  goBuild(['--source', tmp, '--out', path.join(tmp, 'public')]);
  return tmp;
}

test("another province's page: no score column without scores, a unit's dates in order, links named", async () => {
  const tmp = buildWithProvince();
  const srv = await start({ root: path.join(tmp, 'public'), base: readBasePath(path.join(tmp, 'config.toml')) });
  const ctx = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const bad = [];
  try {
    for (const [p, score, dates] of [
      ['tinh/tinh-thu/', 'Điểm', '(từ 01/01/2025 đến 30/6/2026)'],
      ['en/tinh/tinh-thu/', 'Score', null],
    ]) {
      const page = await open(ctx, srv.url + p);
      const got = await page.evaluate(() => {
        const t = document.querySelector('section[aria-labelledby="ket-qua"] table');
        return {
          heads: t ? [...t.querySelectorAll('thead th')].map((th) => th.textContent.trim()) : null,
          caption: t && t.caption ? t.caption.textContent.trim() : '',
          cells: t ? [...t.querySelectorAll('tbody tr:first-child > *')].map((c) => c.textContent.trim()) : [],
          units: [...document.querySelectorAll('.unit-list li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim()),
          // Lines of the first period's name ("Tháng 12/2025").
          periodLines: (() => {
            const th = t && t.querySelector('tbody th[scope="row"]');
            if (!th) return 0;
            const r = document.createRange();
            r.selectNodeContents(th);
            return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
          })(),
        };
      });
      if (!got.heads) {
        bad.push(`${p}: no table of results`);
        continue;
      }
      if (got.heads.includes(score)) bad.push(`${p}: a "${score}" column for a province without scores: ${got.cells.join(' | ')}`);
      if (/^(Điểm chỉ số|Index score)/.test(got.caption)) bad.push(`${p}: the caption speaks of a score: ${got.caption}`);
      if (got.periodLines !== 1) bad.push(`${p}: the period "${got.cells[0]}" takes ${got.periodLines} lines`);
      if (got.heads.length !== got.cells.length) bad.push(`${p}: ${got.heads.length} headers for ${got.cells.length} cells`);
      const unit = got.units.find((u) => /Tư pháp|Justice/.test(u));
      if (!unit) bad.push(`${p}: the department is not listed: ${got.units.join(' / ')}`);
      else if (dates && !unit.endsWith(dates)) bad.push(`${p}: the department's dates read "${unit}", want "… ${dates}"`);
      else if (!dates && /\)\s*\(/.test(unit)) bad.push(`${p}: the department's dates in two brackets: "${unit}"`);
      await page.close();
    }
    // The scored province's place among the provinces: each link named by its period.
    for (const [p, want] of [
      ['tinh/quang-ninh/', /^So sánh các tỉnh, tháng 12\/2025$/],
      ['en/tinh/quang-ninh/', /December 2025$/],
    ]) {
      const page = await open(ctx, srv.url + p);
      const names = await page.evaluate(() =>
        [...document.querySelectorAll('section[aria-labelledby="vi-tri"] a')].map((a) => a.textContent.trim()),
      );
      if (names.length === 0) bad.push(`${p}: no place among the provinces`);
      for (const n of names) if (!want.test(n)) bad.push(`${p}: a link to the comparison named "${n}"`);
      await page.close();
    }
  } finally {
    await ctx.close();
    await srv.close();
    if (!process.env.KEEP_E2E) fs.rmSync(tmp, { recursive: true, force: true });
  }
  assert.deepEqual(bad, [], report('province page', bad));
});

// The comparison's charts at A+ on a 320 px phone: a province's name wraps to three or four
// lines beside its bar; the box grows so that no two names run into each other.
test('comparison charts: the provinces’ names do not overlap, at 360 px and at A+ on 320 px', async () => {
  const comparisons = site.pages.filter((p) => p.kind === 'comparison').slice(0, 2);
  const bad = [];
  for (const [width, font] of [
    [360, '0'],
    [320, '3'],
  ]) {
    const ctx = await browser.newContext({ viewport: { width, height: 800 } });
    await ctx.addInitScript((f) => window.localStorage.setItem('chiso.font', f), font);
    try {
      for (const p of comparisons) {
        const page = await open(ctx, p.url);
        await drawAllCharts(page);
        await settle(page);
        const got = await page.evaluate(() => {
          const out = [];
          for (const c of document.querySelectorAll('.chart-canvas')) {
            const box = c.getBoundingClientRect();
            // The names left of the bars (the legend's few words do not meet them).
            const texts = [...c.querySelectorAll('svg text')]
              .map((t) => [t.textContent, t.getBoundingClientRect()])
              .filter(([, r]) => r.width > 0 && r.right < box.left + box.width * 0.45);
            for (let i = 0; i < texts.length; i++)
              for (let j = i + 1; j < texts.length; j++) {
                const a = texts[i][1], b = texts[j][1];
                const ox = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                const oy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                if (ox > 2 && oy > 2) out.push(`${c.getAttribute('data-option')}: "${texts[i][0]}" over "${texts[j][0]}"`);
              }
          }
          return out;
        });
        for (const g of got.slice(0, 5)) bad.push(`${width} px, A${font}: ${p.path}: ${g}`);
        await page.close();
      }
    } finally {
      await ctx.close();
    }
  }
  assert.deepEqual(bad, [], report('names on the charts', bad));
});
