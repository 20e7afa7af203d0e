// The site's header on phones (360×640, 390×844, 320 px), on a desktop window, at A+, in high
// contrast and with JavaScript off:
//  - compact: the header stays under HEADER_MAX px on a phone, so an article's title starts
//    high on the first screen and its key figures are on it;
//  - the menu: every link reachable and shown whole when reached with Tab (clear of the faded
//    end of a menu that scrolls sideways); a menu that scrolls shows it (its cut end fades);
//    the focus ring of a menu link is not clipped by the scroller;
//  - touch targets: links and buttons 44×44 px on a phone, at least 24×24 px everywhere
//    (WCAG 2.2 AA 2.5.8); the site's name (a link of text) at least 24 px;
//  - the reading controls on one row on a 360 px phone, the contrast pair on a row of its own
//    where they do not fit (320 px, A+);
//  - no sideways scroll of the page at 320 px, at A+ and with the browser's text at 200 %.
//
// Run: node --test e2e/header.test.mjs   (E2E_OUT=DIR [E2E_BASE=/x/] tests a built site)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, horizontalOverflow, ensureArtifacts, report } from './helpers.mjs';
import { openSite } from './sitepages.mjs';

// 220 px before the compact phone header (the name over a rule, a row of A- A A+ and a row
// of the contrast pair); about 175 px with it.
const HEADER_MAX = 185;
// The English edition's name ("Index of Service to Citizens and Businesses") takes a third
// line beside "Tiếng Việt" at 360 px.
const HEADER_MAX_EN = HEADER_MAX + 22;
const PHONES = [
  [360, 640],
  [390, 844],
];
const PAGES = ['bai-viet/2024-04/', 'don-vi/an-lao/', '', 'giay-phep/'];
let site, browser;

before(async () => {
  site = await openSite('chiso-e2e-header-');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

async function open(ctx, p, { font = '0', contrast = false } = {}) {
  const page = await ctx.newPage();
  const res = await page.goto(site.url(p), { waitUntil: 'load' });
  assert.ok(res && res.ok(), `${p}: HTTP ${res && res.status()}`);
  if (font !== '0' || contrast) {
    await page.evaluate(
      ([f, c]) => {
        document.documentElement.setAttribute('data-font', f);
        if (c) document.documentElement.setAttribute('data-contrast', 'high');
      },
      [font, contrast],
    );
  }
  return page;
}

// The header's boxes on the first screen (scrolled to the top).
function headerBoxes(page) {
  return page.evaluate(() => {
    scrollTo(0, 0);
    const box = (e) => e && e.getBoundingClientRect();
    const h1 = box(document.querySelector('main h1'));
    const kf = box(document.querySelector('.news .key-figures'));
    return {
      screen: innerHeight,
      header: box(document.querySelector('.site-header')).height,
      h1Top: h1 && h1.top,
      keyFiguresBottom: kf && kf.bottom,
    };
  });
}

test('phone header: under 185 px (207 in English); the article title high on the first screen and its key figures on it', async () => {
  const bad = [];
  const dir = ensureArtifacts();
  for (const [w, h] of PHONES) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h } });
    try {
      for (const p of [...PAGES, 'en/bai-viet/2024-04/']) {
        const page = await open(ctx, p);
        const m = await headerBoxes(page);
        const where = `${p || '/'} at ${w}×${h}`;
        const max = p.startsWith('en/') ? HEADER_MAX_EN : HEADER_MAX;
        if (m.header > max) bad.push(`${where}: header ${Math.round(m.header)} px > ${max}`);
        if (p === 'bai-viet/2024-04/') {
          // The title starts in the top three eighths of a 640 px screen (274 px before).
          if (m.h1Top == null || m.h1Top > m.screen * 0.375) bad.push(`${where}: h1 starts at ${m.h1Top} px`);
          if (m.keyFiguresBottom == null || m.keyFiguresBottom > m.screen) {
            bad.push(`${where}: key figures end at ${m.keyFiguresBottom} px, below the first screen`);
          }
          await page.screenshot({ path: path.join(dir, `header-article-${w}x${h}.png`) });
        }
        await page.close();
      }
    } finally {
      await ctx.close();
    }
  }
  assert.deepEqual(bad, [], report('phone header', bad));
});

// The menu as first shown: does it scroll sideways, is its end faded, and, scrolled to its
// end, where does its last link end.
function menuAtRest(page) {
  return page.evaluate(() => {
    const ul = document.querySelector('.site-nav ul');
    const s = getComputedStyle(ul);
    // The faded end of the row: the last length of its mask's gradient (0: none).
    const mask = s.maskImage || s.webkitMaskImage || '';
    const fade = /gradient/.test(mask) ? parseFloat((mask.match(/([\d.]+)px\)\s*$/) || [0, 0])[1]) : 0;
    const u = ul.getBoundingClientRect();
    const links = ul.querySelectorAll('a');
    const out = { scrolls: ul.scrollWidth > ul.clientWidth + 1, fade, right: u.right };
    ul.scrollLeft = ul.scrollWidth;
    out.lastRight = links[links.length - 1].getBoundingClientRect().right;
    ul.scrollLeft = 0;
    return out;
  });
}

// Tab from the top of the page through the menu; for each link, where it is once focused.
async function tabThroughMenu(page) {
  const n = await page.locator('.site-nav a').count();
  const seen = [];
  for (let i = 0; i < n + 8 && seen.length < n; i++) {
    await page.keyboard.press('Tab');
    const m = await page.evaluate(() => {
      const a = document.activeElement;
      if (!a || !a.closest('.site-nav')) return null;
      const ul = a.closest('ul');
      const s = getComputedStyle(ul);
      // The faded end of the row: the last length of its mask's gradient (0: none).
      const mask = s.maskImage || s.webkitMaskImage || '';
      const fade = /gradient/.test(mask) ? parseFloat((mask.match(/([\d.]+)px\)\s*$/) || [0, 0])[1]) : 0;
      const cs = getComputedStyle(a);
      const r = a.getBoundingClientRect();
      const u = ul.getBoundingClientRect();
      const ring = cs.outlineStyle !== 'none' ? parseFloat(cs.outlineWidth) + parseFloat(cs.outlineOffset) : 0;
      return {
        text: a.textContent.trim(),
        left: r.left, right: r.right, top: r.top, bottom: r.bottom,
        ul: { left: u.left, right: u.right, top: u.top, bottom: u.bottom },
        clipsY: s.overflowY !== 'visible',
        fade,
        ring,
        vw: document.documentElement.clientWidth,
      };
    });
    if (m) seen.push(m);
  }
  return { n, seen };
}

test('menu on phones: a menu that scrolls fades at its end, its last link clear of the fade; every link reached with Tab is whole on the screen, its focus ring not clipped', async () => {
  const bad = [];
  for (const [w, h] of [[320, 640], ...PHONES]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h } });
    try {
      for (const p of PAGES) {
        const page = await open(ctx, p);
        const where = `${p || '/'} at ${w} px`;
        const rest = await menuAtRest(page);
        if (rest.scrolls && !rest.fade) {
          bad.push(`${where}: the menu scrolls sideways but nothing shows it (no faded end): its last link looks cut off`);
        }
        if (rest.lastRight > rest.right - rest.fade + 0.5) {
          bad.push(`${where}: scrolled to its end, the last link ends at ${Math.round(rest.lastRight)}, under the fade or past the row (${Math.round(rest.right - rest.fade)})`);
        }
        const { n, seen } = await tabThroughMenu(page);
        if (seen.length !== n) bad.push(`${where}: Tab reached ${seen.length} of ${n} menu links`);
        for (const m of seen) {
          if (m.left < -0.5 || m.right > m.vw + 0.5) bad.push(`${where}: "${m.text}" focused at ${Math.round(m.left)}–${Math.round(m.right)}, off the ${m.vw} px screen`);
          if (m.left < m.ul.left - 0.5 || m.right > m.ul.right - m.fade + 0.5) {
            bad.push(`${where}: "${m.text}" focused at ${Math.round(m.left)}–${Math.round(m.right)}, not whole in its row ${Math.round(m.ul.left)}–${Math.round(m.ul.right)} less a ${m.fade} px fade`);
          }
          if (m.clipsY && (m.top - m.ring < m.ul.top - 0.5 || m.bottom + m.ring > m.ul.bottom + 0.5)) {
            bad.push(`${where}: "${m.text}": its focus ring (${m.ring} px out) is clipped by the scrolling row`);
          }
        }
        await page.close();
      }
    } finally {
      await ctx.close();
    }
  }
  assert.deepEqual(bad, [], report('menu', bad));
});

// Links and buttons of the header with their sizes.
function targets(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.site-header a, .site-header button')]
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { text: e.textContent.trim(), title: !!e.closest('.site-title'), w: r.width, h: r.height };
      }),
  );
}

test('touch targets: header links and buttons 44×44 px on phones, at least 24×24 px on a desktop window, at A+ and in high contrast', async () => {
  const bad = [];
  for (const [w, h, font, contrast, min] of [
    [360, 640, '0', false, 44],
    [390, 844, '0', true, 44],
    [360, 640, '3', false, 44],
    [1280, 900, '0', false, 24],
  ]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h } });
    try {
      const page = await open(ctx, 'bai-viet/2024-04/', { font, contrast });
      for (const t of await targets(page)) {
        // The site's name is a link of text: 24 px is enough (one line of it at 1rem).
        const need = t.title ? 24 : min;
        if (t.w < need - 0.5 || t.h < need - 0.5) {
          bad.push(`${w} px data-font=${font}${contrast ? ' high contrast' : ''}: "${t.text}" ${Math.round(t.w)}×${Math.round(t.h)} < ${need}×${need}`);
        }
      }
    } finally {
      await ctx.close();
    }
  }
  assert.deepEqual(bad, [], report('touch targets', bad));
});

test('reading controls on a phone: one row at 360 and 390 px; at 320 px and at A+ the contrast pair shares a row of its own, neither left alone', async () => {
  const bad = [];
  for (const [w, font, oneRow] of [
    [360, '0', true],
    [390, '0', true],
    [320, '0', false],
    [360, '3', false],
  ]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: 640 } });
    try {
      const page = await open(ctx, 'bai-viet/2024-04/', { font });
      const tops = await page.evaluate(() =>
        [...document.querySelectorAll('.reading-controls button')].map((b) => Math.round(b.getBoundingClientRect().top)),
      );
      const [down, reset, up, on, off] = tops;
      const where = `${w} px data-font=${font}`;
      if (!(down === reset && reset === up)) bad.push(`${where}: A- A A+ not on one row (${tops})`);
      if (on !== off) bad.push(`${where}: the contrast pair split over two rows (${tops})`);
      if (oneRow && on !== up) bad.push(`${where}: the controls take two rows (${tops})`);
      if (!oneRow && on <= up) bad.push(`${where}: the contrast pair crammed beside A+ (${tops})`);
    } finally {
      await ctx.close();
    }
  }
  assert.deepEqual(bad, [], report('reading controls', bad));
});

test('no sideways scroll of the page at 320 px, at A+, and on a 360 px phone with the text at 200 %', async () => {
  const bad = [];
  for (const [w, font, big] of [
    [320, '0', false],
    [320, '3', false],
    [360, '0', true],
  ]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: 640 } });
    try {
      for (const p of PAGES) {
        const page = await open(ctx, p, { font });
        // The browser's text size at 200 % (an inline style through the CSSOM: CSP allows it).
        if (big) await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%'));
        const o = await horizontalOverflow(page);
        if (o) bad.push(`${p || '/'} at ${w} px data-font=${font}${big ? ' text 200 %' : ''}: ${o}`);
        await page.close();
      }
    } finally {
      await ctx.close();
    }
  }
  assert.deepEqual(bad, [], report('sideways scroll', bad));
});

test('JavaScript off: the phone header is shorter still (no reading controls) and Tab reaches every menu link whole', async () => {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 640 }, javaScriptEnabled: false });
  const bad = [];
  try {
    const page = await ctx.newPage();
    await page.goto(site.url('bai-viet/2024-04/'), { waitUntil: 'load' });
    assert.equal(await page.locator('.reading-controls').isVisible(), false, 'reading controls shown without JavaScript');
    const header = await page.locator('.site-header').boundingBox();
    if (header.height > HEADER_MAX - 44) bad.push(`header ${Math.round(header.height)} px without the controls`);
    const links = page.locator('.site-nav a');
    const n = await links.count();
    let reached = 0;
    for (let i = 0; i < n + 8 && reached < n; i++) {
      await page.keyboard.press('Tab');
      const f = page.locator('.site-nav a:focus');
      if ((await f.count()) === 0) continue;
      reached++;
      const b = await f.boundingBox();
      if (b.x < -0.5 || b.x + b.width > 360.5) bad.push(`"${await f.textContent()}" focused at ${Math.round(b.x)}–${Math.round(b.x + b.width)}`);
    }
    if (reached !== n) bad.push(`Tab reached ${reached} of ${n} menu links`);
  } finally {
    await ctx.close();
  }
  assert.deepEqual(bad, [], report('JavaScript off', bad));
});

// A page whose menu link lies beyond the row's faded end on a phone (Giấy phép dữ liệu is
// the last of ten; Tìm kiếm the sixth): once the page has loaded, its own link is whole in
// the row, clear of the fade, and the page itself has not moved.
test('menu on phones: the current page\'s link is shown in the row as the page opens, the page not scrolled', async () => {
  const bad = [];
  for (const [w, h] of PHONES) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h } });
    try {
      for (const p of ['giay-phep/', 'tim-kiem/', 'giay-phep/#noi-dung']) {
        const page = await open(ctx, p);
        const m = await page.evaluate(() => {
          const ul = document.querySelector('.site-nav ul');
          const a = ul.querySelector('a[aria-current="page"]');
          const s = getComputedStyle(ul);
          const mask = s.maskImage || s.webkitMaskImage || '';
          const fade = /gradient/.test(mask) ? parseFloat((mask.match(/([\d.]+)px\)\s*$/) || [0, 0])[1]) : 0;
          const u = ul.getBoundingClientRect();
          const r = a.getBoundingClientRect();
          return { left: r.left, right: r.right, rowLeft: u.left, rowEnd: u.right - fade, scrollY: window.scrollY };
        });
        const where = `${p} at ${w}×${h}`;
        if (m.left < m.rowLeft - 0.5 || m.right > m.rowEnd + 0.5) {
          bad.push(`${where}: current link at ${Math.round(m.left)}–${Math.round(m.right)} px, row shows ${Math.round(m.rowLeft)}–${Math.round(m.rowEnd)} px clear of the fade`);
        }
        if (!p.includes('#') && m.scrollY !== 0) bad.push(`${where}: the page scrolled to ${m.scrollY}`);
        if (p.includes('#') && m.scrollY === 0) bad.push(`${where}: the page left its #anchor (scrollY 0)`);
        await page.close();
      }
    } finally {
      await ctx.close();
    }
  }
  assert.deepEqual(bad, [], report('current menu link', bad));
});
