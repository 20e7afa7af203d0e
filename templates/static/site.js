/* Reading controls: font size (A- A A+) and high contrast, remembered in localStorage.
 * Loaded with `defer` on every page. Works under CSP default-src 'self': it only sets
 * attributes. Without JavaScript the controls stay hidden and nothing else changes. */
(function () {
  'use strict';

  var root = document.documentElement;
  var FONT_KEY = 'chiso.font';
  var CONTRAST_KEY = 'chiso.contrast';
  var MIN = -1;
  var MAX = 3;

  function load(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return null; // storage disabled (private mode, blocked cookies)
    }
  }

  function save(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch (e) {
      /* not remembered, still applied */
    }
  }

  function clamp(n) {
    return Math.max(MIN, Math.min(MAX, n));
  }

  function parseFont(v) {
    var n = parseInt(v, 10);
    return isNaN(n) ? 0 : clamp(n);
  }

  function each(selector, fn) {
    var list = document.querySelectorAll(selector);
    for (var i = 0; i < list.length; i++) fn(list[i]);
  }

  function font() {
    return parseFont(root.getAttribute('data-font'));
  }

  // initial: on load the page is not laid out yet; measuring its tables now would force a
  // layout of the whole page in the first task (the 'load' handler measures them).
  function applyFont(n, initial) {
    n = clamp(n);
    if (root.getAttribute('data-font') !== String(n)) root.setAttribute('data-font', String(n));
    each('.reading-controls button[data-font]', function (b) {
      var step = b.getAttribute('data-font');
      var atLimit = (step === 'down' && n <= MIN) || (step === 'up' && n >= MAX) || (step === 'reset' && n === 0);
      if (atLimit) b.setAttribute('aria-disabled', 'true');
      else b.removeAttribute('aria-disabled');
    });
    if (!initial) markScrollables();
  }

  function applyContrast(high) {
    if (high && root.getAttribute('data-contrast') !== 'high') root.setAttribute('data-contrast', 'high');
    else if (!high && root.hasAttribute('data-contrast')) root.removeAttribute('data-contrast');
    each('.reading-controls button[data-contrast]', function (b) {
      var on = b.getAttribute('data-contrast') === 'on';
      b.setAttribute('aria-pressed', on === high ? 'true' : 'false');
    });
  }

  // Tables that scroll sideways must be reachable by keyboard: give the wrapper a tab stop
  // (only while it actually overflows) and a name taken from the table's caption.
  function markScrollables() {
    each('.table-wrap', function (w) {
      var scrolls = w.scrollWidth > w.clientWidth + 1;
      if (scrolls && !w.hasAttribute('tabindex')) {
        w.setAttribute('tabindex', '0');
        w.setAttribute('data-scroll-focus', '1');
        if (!w.hasAttribute('role')) w.setAttribute('role', 'region');
        if (!w.hasAttribute('aria-label') && !w.hasAttribute('aria-labelledby')) {
          var cap = w.querySelector('caption');
          var text = cap ? cap.textContent.replace(/\s+/g, ' ').trim() : '';
          w.setAttribute('aria-label', text || 'Bảng số liệu');
        }
      } else if (!scrolls && w.getAttribute('data-scroll-focus') === '1') {
        w.removeAttribute('tabindex');
        w.removeAttribute('data-scroll-focus');
      }
    });
  }

  // On a phone the menu is one row that scrolls sideways and opens at its start: the
  // current page's link, when it lies beyond the row's faded end, is brought into the row.
  // Only the row scrolls, never the page (a page opened at an #anchor stays there).
  function showCurrentMenuLink() {
    each('.site-nav ul', function (row) {
      var cur = row.querySelector('a[aria-current="page"]');
      if (!cur || row.scrollWidth <= row.clientWidth + 1) return;
      var fade = parseFloat(window.getComputedStyle(row).scrollPaddingRight) || 0;
      var over = cur.getBoundingClientRect().right - (row.getBoundingClientRect().right - fade);
      if (over > 0) row.scrollLeft += Math.ceil(over);
    });
  }

  function onClick(ev) {
    var t = ev.target;
    var b = t && t.closest ? t.closest('button') : null;
    if (!b) return;
    var step = b.getAttribute('data-font');
    var contrast = b.getAttribute('data-contrast');
    if (step) {
      var n = font();
      if (step === 'up') n += 1;
      else if (step === 'down') n -= 1;
      else if (step === 'reset') n = 0;
      else return;
      n = clamp(n);
      applyFont(n);
      save(FONT_KEY, n === 0 ? null : String(n));
    } else if (contrast === 'on' || contrast === 'off') {
      var high = contrast === 'on';
      applyContrast(high);
      save(CONTRAST_KEY, high ? 'high' : null);
    }
  }

  // Re-apply what the reader chose before.
  var storedFont = load(FONT_KEY);
  applyFont(storedFont === null ? font() : parseFont(storedFont), true);
  var storedContrast = load(CONTRAST_KEY);
  applyContrast(storedContrast === null ? root.getAttribute('data-contrast') === 'high' : storedContrast === 'high');

  each('.reading-controls', function (g) {
    g.addEventListener('click', onClick);
    g.hidden = false;
  });

  // Keep other open tabs of the site in step.
  window.addEventListener('storage', function (e) {
    if (e.key === FONT_KEY) applyFont(parseFont(e.newValue));
    else if (e.key === CONTRAST_KEY) applyContrast(e.newValue === 'high');
  });

  var pending = false;
  window.addEventListener('resize', function () {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      markScrollables();
    });
  });
  window.addEventListener('load', function () {
    markScrollables();
    showCurrentMenuLink();
  });
})();
