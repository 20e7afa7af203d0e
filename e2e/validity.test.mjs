// Valid, identifiable pages that keep to the site's Content-Security-Policy:
//  - the Nu Html Checker (npm vnu-jar, run with Java) reports no error on any HTML file of the
//    sample site (fragments, like an article's doan-trich.html, checked inside a minimal
//    document), nor on its CSS and SVG;
//  - every page has a unique, non-empty <title> and names the favicon;
//  - under `Content-Security-Policy: default-src 'self'` (server.mjs, no bypass) no page of any
//    kind reports a securitypolicyviolation, a console error or a failed request, charts drawn.
//
// Run: node --test e2e/validity.test.mjs   (needs java; E2E_OUT=DIR tests an already built site)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, launch, watchedPage, mkTemp, report } from './helpers.mjs';
import { openSite, onePerKind, drawAllCharts } from './sitepages.mjs';

const VNU = path.join(REPO, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

let site, browser;

before(async () => {
  site = await openSite('chiso-e2e-validity-');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

test('Nu Html Checker (vnu): no error in any HTML file, nor in the CSS and SVG', () => {
  assert.ok(fs.existsSync(VNU), `${VNU} missing: run npm ci`);
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  assert.equal(java.status, 0, 'java is not installed (apt-get install default-jre-headless)');

  // Fragments are checked inside a minimal document of their own.
  const wrapDir = mkTemp('chiso-e2e-vnu-');
  const files = site.pages.map((p) => p.file);
  for (const f of site.fragments) {
    const doc = path.join(wrapDir, f.rel.replace(/\//g, '__'));
    fs.writeFileSync(
      doc,
      `<!doctype html>\n<html lang="vi"><head><meta charset="utf-8"><title>${f.rel}</title></head><body>\n` +
        fs.readFileSync(f.file, 'utf8') +
        '\n</body></html>\n',
    );
    files.push(doc);
  }
  const assetsDir = path.join(site.out, 'assets');
  const extra = fs
    .readdirSync(assetsDir)
    .filter((n) => /\.(css|svg)$/.test(n))
    .map((n) => path.join(assetsDir, n));
  try {
    const r = spawnSync(
      'java',
      ['-Xss4m', '-jar', VNU, '--errors-only', '--format', 'json', '--also-check-css', '--also-check-svg', ...files, ...extra],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
    );
    if (r.error) throw r.error;
    // vnu prints its JSON on stderr; exit status 1 means it found errors.
    const out = (r.stderr || '').trim() || (r.stdout || '').trim();
    let messages;
    try {
      messages = JSON.parse(out).messages;
    } catch {
      assert.fail(`vnu exited ${r.status} without JSON:\n${out.slice(0, 2000)}`);
    }
    const errors = messages
      .filter((m) => m.type === 'error' || m.subType === 'fatal')
      .map((m) => {
        const file = (m.url || '').replace(/^file:/, '');
        const rel = file.startsWith(site.out) ? path.relative(site.out, file) : path.basename(file);
        return `${rel}:${m.lastLine || m.firstLine || 0}: ${m.message}${m.extract ? ` [${m.extract.trim().slice(0, 120)}]` : ''}`;
      });
    console.log(`# vnu: ${files.length + extra.length} files (${site.pages.length} pages, ` +
      `${site.fragments.length} fragments, ${extra.length} CSS/SVG): ${errors.length} errors`);
    assert.deepEqual(errors, [], report('vnu', errors.slice(0, 100)));
    assert.equal(r.status, 0, `vnu exited ${r.status}`);
  } finally {
    fs.rmSync(wrapDir, { recursive: true, force: true });
  }
});

test('every page: a unique, non-empty <title>, a description and the favicon', () => {
  const bad = [];
  const seen = new Map();
  for (const p of site.pages) {
    const html = fs.readFileSync(p.file, 'utf8');
    const head = html.slice(0, html.search(/<\/head>/i) + 1 || 20000);
    const titles = [...head.matchAll(/<title>([^<]*)<\/title>/gi)].map((m) => m[1].trim());
    if (titles.length !== 1 || !titles[0]) {
      bad.push(`${p.rel}: ${titles.length} <title>, “${titles[0] || ''}”`);
      continue;
    }
    if (seen.has(titles[0])) bad.push(`${p.rel}: the same title as ${seen.get(titles[0])}: “${titles[0]}”`);
    seen.set(titles[0], p.rel);
    if (!/<link rel="icon" href="[^"]+"/.test(head)) bad.push(`${p.rel}: no <link rel="icon">`);
    if (!/<meta name="description" content="[^"]+"/.test(head)) bad.push(`${p.rel}: no description`);
    // The English edition lives under en/ (README, "The English edition").
    const lang = p.rel.startsWith('en/') ? 'en' : 'vi';
    if (!html.includes(`<html lang="${lang}"`)) bad.push(`${p.rel}: no <html lang="${lang}">`);
  }
  assert.deepEqual(bad, [], report('titles', bad));
  assert.ok(fs.existsSync(path.join(site.out, 'assets', 'favicon.svg')), 'no assets/favicon.svg');
});

test("CSP default-src 'self': no violation, console error or failed request on any kind of page", async () => {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const bad = [];
  let charts = 0;
  const pages = onePerKind(site.pages, { article: 'bai-viet/2024-04/', page: 'phuong-phap-tinh/' });
  try {
    for (const p of pages) {
      const { page, problems } = await watchedPage(ctx);
      const res = await page.goto(p.url, { waitUntil: 'load' });
      assert.ok(res.headers()['content-security-policy'], `${p.path}: served without the CSP header`);
      charts += await drawAllCharts(page);
      const drawnBad = await page.$$eval('.chart-canvas[data-drawn="error"]', (els) =>
        els.map((e) => e.getAttribute('data-option') + ': ' + e.getAttribute('data-chart-error')),
      );
      bad.push(...[...(await problems()), ...drawnBad].map((m) => `${p.path || '/'}: ${m}`));
      await page.close();
    }
  } finally {
    await ctx.close();
  }
  console.log(`# CSP: ${pages.length} pages (${pages.map((p) => p.kind).join(', ')}), ${charts} charts drawn, ${bad.length} problems`);
  assert.deepEqual(bad, [], report('CSP', bad));
});
