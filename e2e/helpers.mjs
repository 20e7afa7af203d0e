// Shared helpers for the end-to-end tests: building the site, launching Debian's Chromium through
// playwright-core (never a downloaded browser) and watching a page for anything that went wrong.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { normaliseBase } from './server.mjs';

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(E2E_DIR, '..');
export const ARTIFACTS = path.join(E2E_DIR, 'artifacts');

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** base_path from a config.toml, normalised to "/x/"; "/" when absent. */
export function readBasePath(configFile) {
  const text = fs.readFileSync(configFile, 'utf8');
  const m = text.match(/^[ \t]*base_path[ \t]*=[ \t]*(?:"([^"\n]*)"|'([^'\n]*)')/m);
  return normaliseBase(m ? (m[1] ?? m[2]) : '/');
}

export function mkTemp(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// The builds' share-card cache (internal/cardcache): a folder of this test process,
// removed when it ends, never the user's own cache.
let cacheDir;
function testCacheDir() {
  if (!cacheDir) {
    cacheDir = mkTemp('chiso-e2e-cache-');
    process.on('exit', () => fs.rmSync(cacheDir, { recursive: true, force: true }));
  }
  return cacheDir;
}

/**
 * `go run . build ARGS...` from the repo root. Throws with the build's output on failure.
 */
export function goBuild(args) {
  const t0 = Date.now();
  const r = spawnSync('go', ['run', '.', 'build', ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, CHISO_CACHE_DIR: testCacheDir() },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    throw new Error(
      `go run . build ${args.join(' ')} exited ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`,
    );
  }
  return { stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t0 };
}

export async function launch() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

// Runs in every page before its own scripts: records CSP violations.
const INIT_SCRIPT = `(() => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') +
      ' at ' + (e.sourceFile || '') + ':' + (e.lineNumber || 0));
  }, true);
})();`;

/**
 * Open a new page in `context` that records everything that can go wrong on it.
 * Returns { page, problems(), dialogs } where problems() gives a list of strings
 * (console errors, page errors, failed requests, HTTP errors, CSP violations).
 */
export async function watchedPage(context) {
  const page = await context.newPage();
  const issues = [];
  const dialogs = [];
  await page.addInitScript({ content: INIT_SCRIPT });
  page.setDefaultTimeout(10000);
  // Chromium asks for /favicon.ico at the origin's root when a page names no icon; that root is
  // outside the site (which lives under base_path), so its 404 is not the site's fault.
  const rootFavicon = (url) => {
    try {
      return new URL(url).pathname === '/favicon.ico';
    } catch {
      return false;
    }
  };
  page.on('console', (msg) => {
    const text = msg.text();
    if (msg.type() === 'error' && rootFavicon(msg.location().url || '')) return;
    if (msg.type() === 'error') issues.push(`console error: ${text} (${msg.location().url || ''})`);
    else if (/Content[- ]Security[- ]Policy/i.test(text)) issues.push(`console CSP: ${text}`);
  });
  page.on('pageerror', (err) => issues.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    const why = req.failure()?.errorText || '';
    // A request the browser itself abandons because the page moved on (the favicon of a
    // page the test has just left) is not a failure of the site; a missing file still
    // shows as an HTTP status below.
    if (why === 'net::ERR_ABORTED' && req.resourceType() !== 'document') return;
    issues.push(`request failed: ${req.method()} ${req.url()} ${why}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !rootFavicon(res.url())) issues.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  page.on('dialog', async (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    issues.push(`dialog opened: ${d.type()}: ${d.message()}`);
    await d.dismiss().catch(() => {});
  });
  const problems = async () => {
    let csp = [];
    try {
      csp = await page.evaluate(() => window.__cspViolations || []);
    } catch {
      /* page closed */
    }
    return [...issues, ...csp.map((v) => `CSP violation: ${v}`)];
  };
  return { page, problems, dialogs };
}

/** Navigate and wait until the network is quiet. Fails on a non-2xx answer. */
export async function goto(page, url) {
  const res = await page.goto(url, { waitUntil: 'load' });
  if (!res) throw new Error(`no response for ${url}`);
  if (!res.ok()) throw new Error(`${url}: HTTP ${res.status()}`);
  await page.waitForLoadState('networkidle').catch(() => {});
  return res;
}

/**
 * Scroll every .chart-canvas into view and wait until charts.js marks it data-finished="1"
 * (ECharts' `finished` event); then check it holds a canvas or svg. Returns a list of problems (empty when all is well)
 * and the number of charts seen.
 */
export async function checkCharts(page, { timeout = 15000 } = {}) {
  const out = [];
  const canvases = page.locator('.chart-canvas');
  const n = await canvases.count();
  for (let i = 0; i < n; i++) {
    const c = canvases.nth(i);
    const id = (await c.evaluate((el) => el.closest('figure')?.id || el.dataset.option || '')) || `#${i}`;
    await c.scrollIntoViewIfNeeded();
    const handle = await c.elementHandle();
    try {
      await page.waitForFunction(
        (el) => el.getAttribute('data-finished') === '1' || el.getAttribute('data-drawn') === 'error',
        handle,
        { timeout },
      );
    } catch {
      out.push(`chart ${id}: never finished drawing (data-drawn="${await c.getAttribute('data-drawn')}")`);
      continue;
    }
    if ((await c.getAttribute('data-drawn')) !== '1') {
      out.push(`chart ${id}: not drawn: ${await c.getAttribute('data-chart-error')}`);
      continue;
    }
    const hasGraphic = await c.evaluate((el) => !!el.querySelector('canvas, svg'));
    if (!hasGraphic) out.push(`chart ${id}: drawn but holds no canvas or svg`);
  }
  const figures = page.locator('figure.chart');
  const nf = await figures.count();
  for (let i = 0; i < nf; i++) {
    const f = figures.nth(i);
    if ((await f.locator('table').count()) === 0) {
      out.push(`figure.chart ${(await f.getAttribute('id')) || '#' + i}: no table`);
    }
  }
  return { problems: out, charts: n, figures: nf };
}

/** True when the page scrolls sideways (document wider than the viewport). */
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const d = document.documentElement;
    if (d.scrollWidth <= d.clientWidth + 1) return null;
    // Name the widest offenders to make the failure useful.
    const vw = d.clientWidth;
    const wide = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > vw + 1 && !el.closest('.table-wrap')) {
        wide.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} right=${Math.round(r.right)}`);
      }
      if (wide.length >= 8) break;
    }
    return `scrollWidth ${d.scrollWidth} > clientWidth ${vw}: ${wide.join(', ')}`;
  });
}

/** Absolute URLs of links on the page whose path lies strictly below `prefix` (a path). */
export async function linksUnder(page, prefix) {
  return page.evaluate((pre) => {
    const seen = new Set();
    const out = [];
    for (const a of document.querySelectorAll('a[href]')) {
      let u;
      try {
        u = new URL(a.href, location.href);
      } catch {
        continue;
      }
      if (u.origin !== location.origin) continue;
      if (!u.pathname.startsWith(pre) || u.pathname.length <= pre.length) continue;
      const key = u.origin + u.pathname;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(key);
      }
    }
    return out;
  }, prefix);
}

export function ensureArtifacts() {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return ARTIFACTS;
}

/** Format a problems list for an assertion message. */
export function report(where, problems) {
  return `${where}:\n  - ${problems.join('\n  - ')}`;
}
