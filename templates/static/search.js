/* Search: full text of every page, from the site's own index (written by internal/search),
 * offline, with no server and no WebAssembly.
 *
 * Markup contract (templates/search.html):
 *   <form id="tim-kiem" data-index="{URL of tim-kiem/index.json}" data-base="{base path}"
 *         data-msg-found, data-msg-first, data-msg-none, data-msg-failed="{status texts}">
 *     <input id="q" name="q" type="search">
 *   </form>
 *   <p id="trang-thai" role="status"></p>   the count of results, read out
 *   <ol id="ket-qua" hidden></ol>            results, built here as DOM nodes
 *   <p id="them" hidden><button type="button">…</button></p>  shows the next results
 *   <div id="tat-ca">…every page…</div>     the list shown without JavaScript
 *
 * index.json lists the keys of the word files that exist. Files beside it: w/KEY.json, the pages holding each word, and p/ID.json, one
 * page's title and text for its excerpt. Query and pages are compared folded, as Go's
 * vietnamese.Fold does: lower-case, NFD, marks (\p{M}) removed, đ → d. Words keep a decimal
 * comma or thousands dot between digits ("88,62"). Each word of the query must begin a word
 * of the page (a word of one or two characters, and a number, must match whole: "4" finds
 * "tháng 4", not "2024"); pages with the query's words in their title come first.
 *
 * No inline script, no eval, no HTML strings: works under CSP default-src 'self'.
 */
(function () {
  'use strict';

  var PER_SCREEN = 10; // internal/search.PerScreen
  var EXCERPT = 180; // characters around the first match

  function foldChar(c) {
    return c.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
  }

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

  var WORD = /[\p{L}\p{N}]+(?:[.,]\p{N}+)*/gu; // internal/search.wordPattern

  function words(folded) {
    return String(folded).match(WORD) || [];
  }

  var NUMBER = /^[\p{N}.,]+$/u;

  /** The word file of a word: its first three letters or digits (internal/search.Key). */
  function key(word) {
    return Array.from(word.replace(/[.,]/g, '')).slice(0, 3).join('');
  }

  /** Whether the page word w answers the query word t. */
  function answers(t, w) {
    if (NUMBER.test(t)) return w === t || w.lastIndexOf(t + ',', 0) === 0;
    if (Array.from(t.replace(/[.,]/g, '')).length < 3) return w === t;
    return w.lastIndexOf(t, 0) === 0;
  }

  /** Decodes a word file's postings: [[id, inTitle]…] from delta-coded id*2+title. */
  function decode(list) {
    var out = [];
    var id = 0;
    for (var i = 0; i < list.length; i++) {
      id += list[i] >> 1;
      out.push([id, (list[i] & 1) === 1]);
    }
    return out;
  }

  /**
   * Pages answering every query word, best first: [{id, score}]. shards maps a key to
   * its word file ({word: postings}).
   */
  function search(shards, query) {
    var tokens = words(fold(query)).filter(function (t, i, a) {
      return a.indexOf(t) === i;
    });
    if (!tokens.length) return [];
    var found = null; // id → number of query words in the title
    for (var i = 0; i < tokens.length; i++) {
      var t = tokens[i];
      var shard = shards[key(t)] || {};
      var here = {};
      for (var w in shard) {
        if (!Object.prototype.hasOwnProperty.call(shard, w) || !answers(t, w)) continue;
        var ps = decode(shard[w]);
        for (var j = 0; j < ps.length; j++) here[ps[j][0]] = here[ps[j][0]] || ps[j][1];
      }
      var next = {};
      for (var id in here) {
        if (found && !(id in found)) continue;
        next[id] = (found ? found[id] : 0) + (here[id] ? 1 : 0);
      }
      found = next;
    }
    // A page whose title holds every word of the query comes first; then the site's order
    // (newest articles first). A title holding only some ("lại" for "Gia Lai") counts for
    // nothing: folded, one syllable matches too many words to mean anything alone.
    var out = [];
    for (var k in found) out.push({ id: +k, score: found[k] === tokens.length ? 1 : 0 });
    out.sort(function (a, b) {
      return b.score - a.score || a.id - b.id;
    });
    return out;
  }

  /**
   * Where the query's words begin words of text: [[start, end]…] in text's own indices,
   * in order. Folds text one character at a time, keeping where each folded character
   * came from.
   */
  function matchesIn(text, tokens) {
    var folded = '';
    var from = [];
    var chars = Array.from(text);
    var at = 0;
    for (var i = 0; i < chars.length; i++) {
      var f = foldChar(chars[i]);
      for (var j = 0; j < f.length; j++) from.push(at);
      folded += f;
      at += chars[i].length;
    }
    from.push(at);
    var out = [];
    var re = new RegExp(WORD.source, 'gu');
    var m;
    while ((m = re.exec(folded))) {
      for (var k = 0; k < tokens.length; k++) {
        if (answers(tokens[k], m[0])) {
          var len = NUMBER.test(tokens[k]) ? m[0].length : tokens[k].length;
          out.push([from[m.index], from[m.index + len], k]);
          break;
        }
      }
    }
    return out;
  }

  /** An excerpt of text around its first match: [{text, mark}…], at most EXCERPT long. */
  function excerpt(text, query) {
    var tokens = words(fold(query));
    var ms = matchesIn(text, tokens);
    // Anchor on the match with the most different words of the query close after it, so that
    // "Gia Lai" shows "tỉnh Gia Lai" rather than the first "đánh giá".
    var best = 0;
    var bestN = 0;
    for (var a = 0; a < ms.length; a++) {
      var seen = {};
      var n = 0;
      for (var b = a; b < ms.length && ms[b][0] - ms[a][0] <= 40; b++) {
        if (!seen[ms[b][2]]) { seen[ms[b][2]] = true; n++; }
      }
      if (n > bestN) { best = a; bestN = n; }
    }
    var start = 0;
    if (ms.length) start = Math.max(0, ms[best][0] - 60);
    if (start > 0) {
      var space = text.indexOf(' ', start);
      if (space >= 0 && space < ms[best][0]) start = space + 1;
    }
    var end = Math.min(text.length, start + EXCERPT);
    if (end < text.length) {
      var back = text.lastIndexOf(' ', end);
      if (back > start + EXCERPT / 2) end = back;
    }
    var parts = [];
    if (start > 0) parts.push({ text: '… ', mark: false });
    var pos = start;
    for (var i = 0; i < ms.length; i++) {
      var s = ms[i][0];
      var e = ms[i][1];
      if (s < pos || e > end) continue;
      if (s > pos) parts.push({ text: text.slice(pos, s), mark: false });
      parts.push({ text: text.slice(s, e), mark: true });
      pos = e;
    }
    if (pos < end) parts.push({ text: text.slice(pos, end), mark: false });
    if (end < text.length) parts.push({ text: ' …', mark: false });
    return parts;
  }

  // Exposed for the tests (node:vm runs this file without a document).
  var api = { fold: fold, words: words, key: key, search: search, excerpt: excerpt, decode: decode };
  if (typeof globalThis !== 'undefined') globalThis.chisoSearch = api;
  if (typeof document === 'undefined') return;

  function init() {
    var form = document.getElementById('tim-kiem');
    var input = document.getElementById('q');
    var list = document.getElementById('ket-qua');
    var status = document.getElementById('trang-thai');
    var all = document.getElementById('tat-ca');
    var more = document.getElementById('them');
    if (!form || !input || !list || !status || !window.fetch) return;
    var base = form.getAttribute('data-base') || '/';
    var indexURL = form.getAttribute('data-index');
    var dir = indexURL.slice(0, indexURL.lastIndexOf('/') + 1);
    // The status messages come in the page's language (templates/search.html):
    // {n} is a count, {q} the query.
    function msg(name, n, q) {
      // A function, not a string: a query's "$&" is text, not a replacement pattern.
      return (form.getAttribute('data-msg-' + name) || '')
        .replace('{n}', function () { return String(n); })
        .replace('{q}', function () { return q; });
    }
    var meta = null;
    var cache = {};
    var timer = 0;
    var shown = [];
    var lastQuery = '';
    var runs = 0; // searches started: a run that is no longer the last draws nothing

    function get(url) {
      if (!cache[url]) {
        cache[url] = fetch(url, { credentials: 'same-origin' }).then(function (r) {
          if (!r.ok) throw new Error('HTTP ' + r.status);
          return r.json();
        });
      }
      return cache[url];
    }

    function loadMeta() {
      if (!meta) {
        meta = get(indexURL).then(function (m) {
          if (m.v !== 2) throw new Error('index version ' + m.v);
          m.keySet = {};
          (m.keys || []).forEach(function (k) { m.keySet[k] = true; });
          return m;
        });
      }
      return meta;
    }

    function el(tag, className, text) {
      var e = document.createElement(tag);
      if (className) e.className = className;
      if (text != null) e.textContent = text;
      return e;
    }

    function render(m, found, q, from, mine) {
      var batch = found.slice(from, from + PER_SCREEN);
      return Promise.all(batch.map(function (f) {
        return get(dir + 'p/' + f.id + '.json');
      })).then(function (pages) {
        if (mine !== runs) return;
        pages.forEach(function (p) {
          var li = el('li', 'search-result');
          var head = el('p', 'search-head');
          var a = el('a', null, p.t);
          a.href = base + p.u;
          head.appendChild(a);
          li.appendChild(head);
          li.appendChild(el('p', 'search-kind', m.kinds[p.k] || ''));
          var ex = el('p', 'search-summary');
          excerpt(p.x || '', q).forEach(function (part) {
            ex.appendChild(part.mark ? el('mark', null, part.text) : document.createTextNode(part.text));
          });
          li.appendChild(ex);
          list.appendChild(li);
        });
        shown = found;
        if (more) {
          more.setAttribute('data-next', String(from + PER_SCREEN));
          more.hidden = from + PER_SCREEN >= found.length;
        }
      });
    }

    function show(query) {
      var q = query.trim();
      lastQuery = q;
      // Only the newest run draws: typing then Enter runs the same query twice, and two
      // runs that both cleared the list would each add their results.
      var mine = ++runs;
      if (!q) {
        list.hidden = true;
        list.textContent = '';
        status.textContent = '';
        if (more) more.hidden = true;
        if (all) all.hidden = false;
        return;
      }
      var tokens = words(fold(q));
      loadMeta().then(function (m) {
        return Promise.all(tokens.map(function (t) {
          // Only the word files that exist: a key no page has finds nothing, with no request.
          if (!m.keySet[key(t)]) return {};
          return get(dir + 'w/' + encodeURIComponent(key(t)) + '.json');
        })).then(function (files) {
          if (mine !== runs) return;
          var shards = {};
          tokens.forEach(function (t, i) { shards[key(t)] = files[i]; });
          var found = search(shards, q);
          list.textContent = '';
          list.hidden = found.length === 0;
          if (all) all.hidden = found.length > 0;
          if (more) {
            more.hidden = true;
            more.setAttribute('data-next', '0');
          }
          // The count is read out once the first results are on the page.
          return render(m, found, q, 0, mine).then(function () {
            if (mine !== runs) return;
            status.textContent = found.length
              ? msg('found', found.length, q) + (found.length > PER_SCREEN ? msg('first', PER_SCREEN, q) : '.')
              : msg('none', 0, q);
          });
        });
      }).catch(function () {
        status.textContent = msg('failed', 0, '');
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
      }, 150);
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearTimeout(timer);
      remember(input.value.trim());
      show(input.value);
    });
    input.addEventListener('focus', function () {
      loadMeta().catch(function () { /* reported when a search runs */ });
    }, { once: true });
    if (more) {
      more.addEventListener('click', function () {
        var next = +(more.getAttribute('data-next') || 0);
        loadMeta().then(function (m) {
          return render(m, shown, lastQuery, next, runs);
        });
      });
    }

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
