// Shared by the quality tests (a11y, validity, weight, Lighthouse): build the sample site once per
// test file, list every page it has, and sort the pages into kinds.
//
//   const site = await openSite('chiso-a11y-');   // builds (or E2E_OUT=DIR), serves with CSP
//   site.pages      // [{ rel: 'bai-viet/2024-04/index.html', path: 'bai-viet/2024-04/', url, kind }]
//   site.fragments  // .html files that are not whole documents (doan-trich.html)
//   await site.close();

import fs from 'node:fs';
import path from 'node:path';
import { start, normaliseBase } from './server.mjs';
import { REPO, readBasePath, mkTemp, goBuild } from './helpers.mjs';

export const AXE_JS = path.join(REPO, 'node_modules', 'axe-core', 'axe.min.js');

/** Every .html file under dir, as paths relative to dir with "/" separators, sorted. */
export function htmlFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The kind of page a file is, from its place in the site (see README, "The site"). */
export function pageKind(rel) {
  // The English edition keeps the Vietnamese paths under en/: its kinds are "en-article", …
  // An English embed (en/nhung/) is an embed like the others: no header, no controls.
  if (rel.startsWith('en/')) {
    const kind = pageKind(rel.slice('en/'.length));
    return kind === 'embed' ? 'embed' : 'en-' + kind;
  }
  if (rel === 'index.html') return 'home';
  if (rel === '404.html') return '404';
  const parts = rel.split('/');
  const [top] = parts;
  const depth = parts.length - 1; // folders above index.html
  switch (top) {
    case 'bai-viet':
      return parts.includes('xep-hang') ? 'ranking' : 'article';
    case 'chi-tieu':
      return depth === 1 ? 'indicators' : 'indicator';
    case 'don-vi':
      return depth === 1 ? 'units' : 'unit';
    case 'luu-tru':
      return depth === 1 ? 'archive' : 'archive-year';
    case 'tong-hop':
      return 'summary';
    case 'nhung':
      return 'embed'; // one chart alone, for other sites' iframes: no header, no controls
    case 'tim-kiem':
      return 'search';
    case 'du-lieu':
      return 'data';
    case 'so-sanh':
      return depth === 1 ? 'comparisons' : 'comparison'; // the provinces of a period ranked
    case 'tinh':
      return depth === 2 ? 'entity' : 'article'; // another province's page and articles
    case 'dinh-chinh':
      return 'corrections'; // the corrections log
    default:
      return 'page';
  }
}

/** One page of each kind (the first in file order), for the checks that cost a browser load. */
export function onePerKind(pages, prefer = {}) {
  const out = new Map();
  for (const p of pages) {
    if (prefer[p.kind] && p.path !== prefer[p.kind]) continue;
    if (!out.has(p.kind)) out.set(p.kind, p);
  }
  // A preferred page that does not exist: fall back to the first of its kind.
  for (const p of pages) if (!out.has(p.kind)) out.set(p.kind, p);
  return [...out.values()];
}

/**
 * Every kind of page, at most n of each (the first in file order), and every article: the
 * articles differ by report and period kind, while units, embeds and rankings repeat one
 * template hundreds of times. For the checks that cost a full browser load per page.
 */
export function somePerKind(pages, n) {
  const seen = new Map();
  return pages.filter((p) => {
    const k = (seen.get(p.kind) || 0) + 1;
    seen.set(p.kind, k);
    return p.kind === 'article' || k <= n;
  });
}

/**
 * Build the sample site into a temp dir (or take E2E_OUT=DIR as built), serve it under its
 * base_path with the site's CSP and list its pages.
 */
export async function openSite(prefix, serverOpts = {}) {
  const prebuilt = process.env.E2E_OUT;
  const base = process.env.E2E_BASE
    ? normaliseBase(process.env.E2E_BASE)
    : readBasePath(path.join(REPO, 'config.toml'));
  let out;
  if (prebuilt) {
    out = path.resolve(prebuilt);
  } else {
    out = mkTemp(prefix);
    const b = goBuild(['--out', out]);
    console.log(`# built sample site into ${out} in ${b.ms} ms`);
  }
  if (!fs.existsSync(path.join(out, 'index.html'))) throw new Error(`no index.html in ${out}`);
  const server = await start({ root: out, base, ...serverOpts });
  const all = htmlFiles(out).map((rel) => {
    const p = rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
    return { rel, path: p, url: server.url + p, kind: pageKind(rel), file: path.join(out, rel) };
  });
  // Whole documents are pages; other .html files are fragments (an article's markup for
  // other sites to paste in), checked for validity only.
  const isDocument = (f) => /^\s*<!doctype html>/i.test(fs.readFileSync(f.file, 'utf8').slice(0, 200));
  // Redirect pages (an old address: meta refresh) navigate away as they load: not pages.
  const isRedirect = (f) => /<meta http-equiv="refresh"/i.test(fs.readFileSync(f.file, 'utf8').slice(0, 1000));
  const pages = all.filter((f) => isDocument(f) && !isRedirect(f));
  const redirects = all.filter((f) => isDocument(f) && isRedirect(f));
  const fragments = all.filter((f) => !isDocument(f));
  return {
    out,
    base,
    server,
    pages,
    redirects,
    fragments,
    url: (p) => server.url + p,
    close: async () => {
      await server.close();
      if (!prebuilt && !process.env.KEEP_E2E) fs.rmSync(out, { recursive: true, force: true });
    },
  };
}

/**
 * Draw every chart on the page now (charts.js draws all of them on `beforeprint`, otherwise
 * only when they come near the viewport) and wait until each has finished drawing (ECharts'
 * `finished` event: data-finished="1") or failed (data-drawn="error").
 * Returns the number of charts.
 */
export async function drawAllCharts(page, timeout = 15000) {
  const n = await page.locator('.chart-canvas').count();
  if (n === 0) return 0;
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.chart-canvas')].every(
        (c) => c.getAttribute('data-finished') === '1' || c.getAttribute('data-drawn') === 'error',
      ),
    null,
    { timeout },
  );
  return n;
}

/**
 * Wait until the page has laid out a change (a font size, a style): two animation frames,
 * so that resize observers have run, then until no chart has a resize pending
 * (data-resizing) and every drawn chart has finished.
 */
export async function settle(page, timeout = 15000) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll('.chart-canvas')].some(
        (c) => c.hasAttribute('data-resizing') || (c.getAttribute('data-drawn') === '1' && c.getAttribute('data-finished') !== '1'),
      ),
    null,
    { timeout },
  );
}

/** Run axe-core (already injected) for WCAG 2.1 A and AA; returns its violations, simplified. */
export async function runAxe(page) {
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 300)}`),
      count: v.nodes.length,
    }));
  });
}
