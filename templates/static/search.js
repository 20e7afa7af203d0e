/* Search: finds articles, indicators and units in the site's own index
 * (tim-kiem/index.json, written by internal/search), offline, with no server.
 *
 * Markup contract (templates/search.html):
 *   <form id="tim-kiem" data-index="{URL of index.json}" data-base="{base path}">
 *     <input id="q" name="q" type="search">
 *   </form>
 *   <p id="trang-thai" role="status"></p>   the count of results, read out
 *   <ol id="ket-qua" hidden></ol>            results, built here with textContent
 *   <div id="tat-ca">…every page…</div>     the list shown without JavaScript
 *
 * Query and pages are compared folded, as Go's vietnamese.Fold does: lower-case, NFD,
 * marks (\p{M}) removed, đ → d, white space collapsed. So "dat", "đạt" and "ĐẠT" are
 * one word, and "Đắk" finds "Dak". Each word of the query must begin a word of the page
 * (numbers must match whole: "4" finds "tháng 4", not "2024"); pages holding the
 * query as a phrase come first, then those matching in the title.
 *
 * No inline script, no eval, no HTML strings: works under CSP default-src 'self'.
 */
(function () {
  'use strict';

  function fold(s) {
    return String(s == null ? '' : s)
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/đ/g, 'd')
      .normalize('NFC')
      .split(/\s+/)
      .filter(Boolean)
      .join(' ');
  }

  function words(folded) {
    return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  var NUMBER = /^\p{N}+$/u;

  function matches(tokens, ws) {
    for (var i = 0; i < tokens.length; i++) {
      var t = tokens[i];
      var found = false;
      for (var j = 0; j < ws.length && !found; j++) {
        found = NUMBER.test(t) ? ws[j] === t : ws[j].lastIndexOf(t, 0) === 0;
      }
      if (!found) return false;
    }
    return true;
  }

  /** Pages matching query, best first: [{page, score}]. pages are prepared entries. */
  function search(pages, query) {
    var q = fold(query);
    var tokens = words(q);
    if (!tokens.length) return [];
    var phrase = tokens.join(' ');
    var out = [];
    for (var i = 0; i < pages.length; i++) {
      var p = pages[i];
      if (!matches(tokens, p.words)) continue;
      var score = 0;
      if ((' ' + p.flat + ' ').indexOf(' ' + phrase) >= 0) score += 100;
      if (matches(tokens, p.titleWords)) score += 10;
      out.push({ page: p, score: score, order: i });
    }
    out.sort(function (a, b) {
      return b.score - a.score || a.order - b.order;
    });
    return out;
  }

  function prepare(data) {
    var kinds = data.kinds || [];
    return (data.pages || []).map(function (r) {
      var ws = words(r[4] || '');
      return {
        kind: kinds[r[0]] || '',
        path: r[1],
        title: r[2],
        summary: r[3],
        words: ws,
        flat: ws.join(' '),
        titleWords: words(fold(r[2])),
      };
    });
  }

  // Exposed for the tests (node:vm runs this file without a document).
  var api = { fold: fold, words: words, search: search, prepare: prepare };
  if (typeof globalThis !== 'undefined') globalThis.chisoSearch = api;
  if (typeof document === 'undefined') return;

  function init() {
    var form = document.getElementById('tim-kiem');
    var input = document.getElementById('q');
    var list = document.getElementById('ket-qua');
    var status = document.getElementById('trang-thai');
    var all = document.getElementById('tat-ca');
    if (!form || !input || !list || !status || !window.fetch) return;
    var base = form.getAttribute('data-base') || '/';
    var pages = null;
    var loading = null;
    var timer = 0;

    function load() {
      if (!loading) {
        loading = fetch(form.getAttribute('data-index'), { credentials: 'same-origin' })
          .then(function (r) {
            if (!r.ok) throw new Error('HTTP ' + r.status);
            return r.json();
          })
          .then(function (data) {
            pages = prepare(data);
            return pages;
          });
      }
      return loading;
    }

    function el(tag, className, text) {
      var e = document.createElement(tag);
      if (className) e.className = className;
      if (text != null) e.textContent = text;
      return e;
    }

    function show(query) {
      var q = query.trim();
      if (!q) {
        list.hidden = true;
        list.textContent = '';
        status.textContent = '';
        if (all) all.hidden = false;
        return;
      }
      load().then(function (ps) {
        if (input.value.trim() !== q) return; // a newer query is on its way
        var found = search(ps, q);
        list.textContent = '';
        found.slice(0, 50).forEach(function (f) {
          var li = el('li', 'search-result');
          var a = el('a', null, f.page.title);
          a.href = base + f.page.path;
          li.appendChild(a);
          if (f.page.kind) li.appendChild(el('span', 'search-kind', ' · ' + f.page.kind));
          if (f.page.summary) li.appendChild(el('p', 'search-summary', f.page.summary));
          list.appendChild(li);
        });
        list.hidden = found.length === 0;
        if (all) all.hidden = found.length > 0;
        status.textContent = found.length
          ? 'Tìm thấy ' + found.length + ' kết quả cho “' + q + '”' + (found.length > 50 ? ', hiện 50 kết quả đầu.' : '.')
          : 'Không tìm thấy trang nào cho “' + q + '”. Thử từ khác, hoặc xem danh sách tất cả các trang bên dưới.';
      }, function () {
        status.textContent = 'Không tải được chỉ mục tìm kiếm; danh sách tất cả các trang ở bên dưới.';
      });
    }

    function remember(q) {
      try {
        var u = new URL(window.location.href);
        if (q) u.searchParams.set('q', q);
        else u.searchParams.delete('q');
        window.history.replaceState(null, '', u.pathname + u.search + u.hash);
      } catch (e) {
        /* old browser: the query is just not kept in the address */
      }
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        remember(input.value.trim());
        show(input.value);
      }, 120);
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearTimeout(timer);
      remember(input.value.trim());
      show(input.value);
    });
    input.addEventListener('focus', function () {
      load().catch(function () { /* reported when a search runs */ });
    }, { once: true });

    var initial = new URLSearchParams(window.location.search).get('q');
    if (initial) {
      input.value = initial;
      show(initial);
    }
    form.setAttribute('data-ready', '1');
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
