/* Charts: draws the figures built by internal/chart with ECharts (the common build).
 * Loaded with `defer`. It loads the library itself, from the address in its own
 * data-echarts attribute (assets/vendor/echarts-HASH.min.js), when the first chart comes
 * near the viewport; a page that loads the library before it (embeds) is drawn with that.
 *
 * Markup contract (internal/chart.FigureTemplate writes exactly this):
 *
 *   <figure class="chart" id="{ID}">
 *     <figcaption id="{ID}-title">{Title}</figcaption>
 *     <p class="chart-desc" id="{ID}-desc">{Description}</p>
 *     <div class="chart-canvas" data-option="{ID}-option" role="img"
 *          aria-labelledby="{ID}-title" aria-describedby="{ID}-desc"></div>
 *     <script type="application/json" id="{ID}-option">{envelope JSON}</script>
 *     <table class="chart-table">…the same figures as text…</table>
 *   </figure>
 *
 * Envelope: {"axisSuffix": "%", "labels": [[string per category] per series],
 *            "roles": [palette index, or -1 for a target, per series], "height": px or absent,
 *            "option": {"baseOption": {ECharts option}, "media": [ECharts media rules]}},
 * all plain JSON. The option leaves out the styling every chart shares (DEFAULTS below),
 * which withDefaults puts back first, and aria.label.description, which is the text of
 * the figure's {ID}-desc paragraph.
 * Colours and text sizes follow the page: the --chart-* custom properties of site.css (so
 * high contrast redraws the chart light on black) and the root font size (A- A A+); a
 * change of either redraws every chart.
 * labels[s][c] is the value as Go formatted it ("63,4%"), "" for a gap: tooltips and data
 * labels show these strings, never numbers formatted here, so chart and table agree.
 * This script only adds the formatter functions, which JSON cannot carry.
 *
 * Works under Content-Security-Policy default-src 'self': no eval, no inline script, and
 * tooltips are built as DOM nodes with textContent (no HTML strings, no style attributes;
 * element.style is CSSOM, which CSP allows). Charts are drawn when near the viewport, and
 * get data-drawn="1" once their option is set, and data-finished="1" on ECharts' `finished`
 * event (animation over, everything painted); while a resize is pending (150 ms after the
 * column changes width) a chart has data-resizing="1". The browser tests wait on these. Without ECharts nothing happens and the tables show every
 * figure. If a chart fails (a bug: bad JSON, missing element), its box is hidden, the table
 * stays, the element gets data-drawn="error" and data-chart-error, and one console.error
 * line says which chart.
 */
(function () {
  'use strict';

  // The library: already on the page (a page that loads it itself), or loaded by this script
  // from the address in its data-echarts attribute when the first chart comes near the
  // viewport, so that a phone parses its 700 KB only for a reader who scrolls to a chart.
  var echarts = window.echarts;
  var me = document.currentScript;
  var libURL = me ? me.getAttribute('data-echarts') : null;
  if (!document.querySelectorAll || !window.JSON) return;
  if (!(echarts && typeof echarts.init === 'function') && !libURL) return;

  var DEFAULT_HEIGHT = '320px';
  var drawn = [];
  var drawnBoxes = []; // drawn[i]'s element

  function isArray(v) {
    return Object.prototype.toString.call(v) === '[object Array]';
  }

  function asArray(v) {
    if (v == null) return [];
    return isArray(v) ? v : [v];
  }

  // BEGIN DEFAULTS
  // The styling every chart shares, which internal/chart leaves out of each chart's JSON
  // (issue 9): DefaultsJSON of internal/chart/defaults.go, word for word (a Go test compares
  // them; change both). withDefaults puts it back, as Go's chart.Expand does.
  var DEFAULTS = {
    "option": {
      "animation": true,
      "animationDuration": 300,
      "animationDurationUpdate": 200,
      "aria": {"enabled": true, "label": {"enabled": true}, "decal": {"show": true}},
      "color": ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#A66F00", "#7A6F00"],
      "legend": {"type": "plain", "show": true, "left": "center", "top": "top"},
      "tooltip": {"show": true, "trigger": "axis", "confine": true}
    },
    "grid": {"left": "8", "right": "24", "bottom": "8", "containLabel": true},
    "narrowLegend": {"orient": "vertical", "left": 8, "top": 0, "itemGap": 6, "textStyle": {"width": 220, "overflow": "truncate"}},
    "axis": {
      "value": {"inverse": false, "splitLine": {"show": true, "lineStyle": {"color": "#E0E0E0", "type": "dashed"}}}
    },
    "series": {
      "bar": {"barMaxWidth": "48", "label": {"color": "#333333", "fontSize": 11}, "labelLayout": {"hideOverlap": true}},
      "line": {"animation": true, "connectNulls": false, "showSymbol": true, "symbolSize": 7, "lineStyle": {"width": 2}},
      "target": {"connectNulls": false, "itemStyle": {"color": "#1F1F1F"}, "lineStyle": {"color": "#1F1F1F"}}
    }
  }; // END DEFAULTS

  function isObject(v) {
    return v !== null && typeof v === 'object' && !isArray(v);
  }

  // Adds every key of d that o lacks, going into objects both have (never into arrays).
  function fill(o, d) {
    for (var k in d) {
      if (!Object.prototype.hasOwnProperty.call(d, k)) continue;
      if (!Object.prototype.hasOwnProperty.call(o, k)) o[k] = JSON.parse(JSON.stringify(d[k]));
      else if (isObject(o[k]) && isObject(d[k])) fill(o[k], d[k]);
    }
  }

  // A series' defaults: a target's (role -1), or its type's with its palette colour.
  function seriesDefaults(s, role) {
    if (role < 0) return DEFAULTS.series.target;
    var t = DEFAULTS.series[s.type] || {};
    var d = {};
    for (var k in t) if (Object.prototype.hasOwnProperty.call(t, k)) d[k] = t[k];
    var palette = DEFAULTS.option.color;
    if (!palette || !palette.length) return d;
    var col = palette[role % palette.length];
    d.itemStyle = { color: col };
    if (s.type === 'line') {
      var ls = { color: col };
      var l = t.lineStyle || {};
      for (var j in l) if (Object.prototype.hasOwnProperty.call(l, j)) ls[j] = l[j];
      d.lineStyle = ls;
    }
    return d;
  }

  // Puts the defaults into env's option (its base, and the legend of a media rule that has
  // one), before anything else reads it.
  function withDefaults(env) {
    var option = env && env.option;
    if (!isObject(option)) return env;
    var base = isObject(option.baseOption) ? option.baseOption : option;
    var roles = isArray(env.roles) ? env.roles : [];
    fill(base, DEFAULTS.option);
    var grids = asArray(base.grid);
    for (var g = 0; g < grids.length; g++) if (isObject(grids[g])) fill(grids[g], DEFAULTS.grid);
    var axes = asArray(base.xAxis).concat(asArray(base.yAxis));
    for (var a = 0; a < axes.length; a++) {
      var d = isObject(axes[a]) && DEFAULTS.axis[axes[a].type];
      if (d) fill(axes[a], d);
    }
    var series = asArray(base.series);
    for (var i = 0; i < series.length; i++) {
      if (isObject(series[i])) fill(series[i], seriesDefaults(series[i], typeof roles[i] === 'number' ? roles[i] : 0));
    }
    var media = asArray(option.media);
    for (var m = 0; m < media.length; m++) {
      var o = isObject(media[m]) && media[m].option;
      if (isObject(o) && isObject(o.legend)) fill(o.legend, DEFAULTS.narrowLegend);
    }
    return env;
  }
  // END MERGE

  // Value-axis ticks: decimal comma and thousands dot (80; 2,5; 1.200).
  var tickFormat = (function () {
    try {
      var nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
      if (nf.format(1234.5) === '1.234,5') return function (v) { return nf.format(v); };
    } catch (e) { /* no Intl: fall back below */ }
    return function (v) {
      var s = String(Math.round(v * 100) / 100).split('.');
      s[0] = s[0].replace(/\B(?=(\d{3})+(?!\d))/g, '.');
      return s.join(',');
    };
  })();

  function label(env, seriesIndex, dataIndex) {
    var row = env.labels && env.labels[seriesIndex];
    var s = row && row[dataIndex];
    return typeof s === 'string' ? s : '';
  }

  function seriesColor(option, i) {
    var s = asArray(option.series)[i];
    var c = s && s.itemStyle && s.itemStyle.color;
    if (typeof c === 'string') return c;
    var palette = asArray(option.color);
    return palette.length ? palette[i % palette.length] : '#333';
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = text;
    return e;
  }

  // Axis tooltip as DOM nodes: the category, then "name: value" per series that has a value.
  function tooltipFormatter(env, option, canvas) {
    return function (params) {
      params = asArray(params);
      var box = el('div', 'chart-tip');
      // Wrap long names inside the chart rather than run off a phone's screen.
      box.style.whiteSpace = 'normal';
      box.style.maxWidth = Math.max(160, canvas.clientWidth - 48) + 'px';
      if (!params.length) return box;
      var head = el('div', 'chart-tip-head', params[0].axisValueLabel || params[0].name || '');
      head.style.fontWeight = 'bold';
      head.style.marginBottom = '2px';
      box.appendChild(head);
      for (var i = 0; i < params.length; i++) {
        var p = params[i];
        var text = label(env, p.seriesIndex, p.dataIndex);
        if (!text) continue;
        var row = el('div', 'chart-tip-row');
        var mark = el('span', 'chart-tip-mark');
        mark.style.display = 'inline-block';
        mark.style.width = '10px';
        mark.style.height = '10px';
        mark.style.marginRight = '6px';
        mark.style.borderRadius = '2px';
        mark.style.backgroundColor = seriesColor(option, p.seriesIndex);
        row.appendChild(mark);
        row.appendChild(document.createTextNode(p.seriesName + ': '));
        row.appendChild(el('strong', null, text));
        box.appendChild(row);
      }
      return box;
    };
  }

  function dataLabelFormatter(env) {
    return function (p) {
      return label(env, p.seriesIndex, p.dataIndex);
    };
  }

  function tickFormatter(suffix) {
    return function (v) {
      return tickFormat(v) + suffix;
    };
  }

  function reducedMotion() {
    try {
      return !!(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);
    } catch (e) {
      return false;
    }
  }

  // The page's chart colours (site.css --chart-*), read afresh for every drawing, and the
  // reader's text size as a factor of the default 16px.
  function theme() {
    var cs = window.getComputedStyle ? window.getComputedStyle(document.documentElement) : null;
    function v(name) {
      return cs ? cs.getPropertyValue(name).trim() : '';
    }
    var palette = [];
    for (var i = 1; v('--chart-' + i); i++) palette.push(v('--chart-' + i));
    var size = cs ? parseFloat(cs.fontSize) : 16;
    return {
      text: v('--chart-text'), bg: v('--chart-bg'), grid: v('--chart-grid'), target: v('--chart-target'), palette: palette,
      scale: size > 0 ? size / 16 : 1
    };
  }

  // Scales every fontSize in o (labels set by the option, media rules included).
  function scaleFonts(o, k) {
    if (!o || typeof o !== 'object') return;
    for (var key in o) {
      if (!Object.prototype.hasOwnProperty.call(o, key)) continue;
      if ((key === 'fontSize' || key === 'lineHeight' || key === 'itemGap') && typeof o[key] === 'number') o[key] = Math.round(o[key] * k);
      else if (key === 'top' && (typeof o[key] === 'number' || /^\d+$/.test(o[key]))) o[key] = Math.round(+o[key] * k);
      else if (typeof o[key] === 'object') scaleFonts(o[key], k);
    }
  }

  function withText(o, t) {
    o = o || {};
    if (t.text) o.color = t.text;
    o.fontSize = Math.round(12 * t.scale);
    return o;
  }

  function applyTheme(env, base, t) {
    var series = asArray(base.series);
    var roles = isArray(env.roles) ? env.roles : [];
    for (var i = 0; i < series.length; i++) {
      var s = series[i];
      var role = roles[i];
      var col = typeof role !== 'number' ? '' : role < 0 ? t.target : t.palette.length ? t.palette[role % t.palette.length] : '';
      if (col) {
        s.itemStyle = s.itemStyle || {};
        s.itemStyle.color = col;
        if (s.lineStyle && s.lineStyle.opacity !== 0) s.lineStyle.color = col;
      }
      if (s.label && t.text) s.label.color = t.text;
      // A highlighted bar (Go's Chart.Highlight) keeps its fill; its outline follows the
      // text colour, so that it shows on a dark background too.
      var data = asArray(s.data);
      for (var k = 0; k < data.length; k++) {
        var d = data[k];
        if (d && d.itemStyle && d.itemStyle.borderColor && t.text) d.itemStyle.borderColor = t.text;
      }
      // A value label on the page's background, so that a target mark under it never
      // crosses its figures.
      if (s.label && s.label.show && t.bg) {
        s.label.backgroundColor = t.bg;
        s.label.padding = [1, 2];
      }
      if (s.markLine) {
        if (s.markLine.label && t.text) s.markLine.label.color = t.text;
        if (s.markLine.lineStyle && t.text) s.markLine.lineStyle.color = t.text;
      }
    }
    base.legend = withText(base.legend, t);
    base.legend.textStyle = withText(base.legend.textStyle, t);
    var axes = asArray(base.xAxis).concat(asArray(base.yAxis));
    for (var j = 0; j < axes.length; j++) {
      var a = axes[j];
      if (!a) continue;
      a.axisLabel = withText(a.axisLabel, t);
      a.nameTextStyle = withText(a.nameTextStyle, t);
      if (t.text) a.axisLine = { lineStyle: { color: t.text } };
      if (t.grid && a.splitLine && a.splitLine.lineStyle) a.splitLine.lineStyle.color = t.grid;
    }
  }

  // Adds the functions JSON cannot carry. The option may be {baseOption, media} (ECharts'
  // responsive form): functions go into the base, which the media rules only adjust.
  function prepare(env, canvas) {
    withDefaults(env);
    var option = env.option;
    if (!option || typeof option !== 'object') throw new Error('no option');
    var base = option.baseOption || option;
    // The written description is the figure's own paragraph (aria-describedby), not
    // repeated in the JSON; ECharts would make up one of its own without it.
    var label = base.aria && base.aria.label;
    if (label && typeof label.description !== 'string') {
      var desc = document.getElementById(canvas.getAttribute('aria-describedby') || '');
      label.description = desc ? desc.textContent : '';
    }
    var suffix = typeof env.axisSuffix === 'string' ? env.axisSuffix : '';

    base.tooltip = base.tooltip || {};
    base.tooltip.formatter = tooltipFormatter(env, base, canvas);

    var series = asArray(base.series);
    for (var i = 0; i < series.length; i++) {
      if (series[i].label && series[i].label.show) {
        series[i].label.formatter = dataLabelFormatter(env);
      }
    }

    var axes = asArray(base.xAxis).concat(asArray(base.yAxis));
    for (var j = 0; j < axes.length; j++) {
      if (axes[j] && axes[j].type === 'value') {
        axes[j].axisLabel = axes[j].axisLabel || {};
        axes[j].axisLabel.formatter = tickFormatter(suffix);
      }
    }

    var t = theme();
    scaleFonts(option, t.scale);
    applyTheme(env, base, t);
    var font = window.getComputedStyle ? window.getComputedStyle(canvas).fontFamily : '';
    base.textStyle = { fontSize: Math.round(12 * t.scale) };
    if (font) base.textStyle.fontFamily = font;
    if (t.text) base.textStyle.color = t.text;
    base.backgroundColor = 'transparent';
    if (typeof env.height === 'number' && env.height > 0) canvas.style.height = Math.round(env.height * t.scale) + 'px';
    if (reducedMotion()) base.animation = false;
    return option;
  }

  // A value label right of a horizontal bar is moved past a target mark that would cross
  // it (a bar ending just short of its target: "95%" beside a 100% mark). Measured after
  // layout, in pixels, so it holds at every width and text size; the label keeps its text.
  var measure = null;
  function textWidth(text, size, family) {
    if (!measure) measure = document.createElement('canvas').getContext('2d');
    if (!measure) return text.length * size * 0.6;
    measure.font = size + 'px ' + (family || 'sans-serif');
    return measure.measureText(text).width;
  }
  function clearTargetMarks(chart, env) {
    var o = chart.getOption();
    var x = o.xAxis && o.xAxis[0], y = o.yAxis && o.yAxis[0];
    if (!x || !y || x.type !== 'value' || y.type !== 'category') return;
    var roles = isArray(env.roles) ? env.roles : [];
    var series = o.series || [];
    var targets = [];
    for (var i = 0; i < series.length; i++) if (roles[i] < 0) targets.push(asArray(series[i].data));
    if (!targets.length) return;
    var size = (o.textStyle && o.textStyle[0] ? o.textStyle[0].fontSize : o.textStyle && o.textStyle.fontSize) || 12;
    var family = o.textStyle && (o.textStyle[0] ? o.textStyle[0].fontFamily : o.textStyle.fontFamily);
    var update = [], key = '';
    for (var b = 0; b < series.length; b++) {
      var s = series[b];
      if (s.type !== 'bar' || !s.label || !s.label.show) { update.push({}); continue; }
      var data = asArray(s.data), items = [];
      for (var k = 0; k < data.length; k++) {
        var v = data[k] && typeof data[k] === 'object' ? data[k].value : data[k];
        var item = data[k] && typeof data[k] === 'object' ? data[k] : { value: v };
        var dx = 0;
        if (typeof v === 'number') {
          var end = chart.convertToPixel({ seriesIndex: b }, [v, k])[0];
          var w = textWidth(label(env, b, k), size, family) + 12; // padding and distance
          for (var t = 0; t < targets.length; t++) {
            var tv = targets[t][k];
            if (tv && typeof tv === 'object') tv = tv.value;
            if (typeof tv !== 'number') continue;
            var at = chart.convertToPixel({ seriesIndex: b }, [tv, k])[0];
            if (at >= end - 2 && at <= end + w) dx = Math.max(dx, Math.ceil(at - end) + 4);
          }
        }
        var copy = {};
        for (var f in item) if (Object.prototype.hasOwnProperty.call(item, f)) copy[f] = item[f];
        copy.label = { offset: [dx, 0] };
        items.push(copy);
        key += dx + ',';
      }
      update.push({ data: items });
    }
    if (chart.__chisoMarks === key) return;
    chart.__chisoMarks = key;
    chart.setOption({ series: update });
  }

  // A horizontal bar chart's category names wrap to the axis' width, which does not grow with
  // the text: at A+ on a phone a long name ("Tỉnh Bình Định (trang này)") takes more lines
  // than its band has room for and runs into its neighbours' names. The box grows until each
  // band holds the longest name's lines (measured after layout, like the target marks; it
  // never shrinks here: prepare sets the height afresh on every redraw).
  function wrappedLines(text, width, size, family) {
    var words = String(text).split(/\s+/), lines = 1, line = 0;
    var space = textWidth(' ', size, family);
    for (var i = 0; i < words.length; i++) {
      var w = textWidth(words[i], size, family);
      if (line > 0 && line + space + w > width) {
        lines++;
        line = 0;
      }
      if (w > width) { // a word longer than the line is broken inside it
        lines += Math.ceil(w / width) - 1;
        w = w % width;
      }
      line += (line > 0 ? space : 0) + w;
    }
    return lines;
  }
  function fitCategoryLabels(chart, canvas) {
    var o = chart.getOption();
    var y = o.yAxis && o.yAxis[0];
    if (!y || y.type !== 'category' || !y.axisLabel || y.axisLabel.overflow !== 'break') return;
    var names = asArray(y.data);
    var width = y.axisLabel.width;
    if (names.length < 2 || typeof width !== 'number' || width <= 0) return;
    var ts = o.textStyle && (o.textStyle[0] || o.textStyle);
    var size = y.axisLabel.fontSize || (ts && ts.fontSize) || 12;
    var family = ts && ts.fontFamily;
    var lh = y.axisLabel.lineHeight || Math.round(size * 1.2);
    var most = 1;
    for (var i = 0; i < names.length; i++) {
      var n = names[i] && typeof names[i] === 'object' ? names[i].value : names[i];
      most = Math.max(most, wrappedLines(n == null ? '' : n, width, size, family));
    }
    var band = Math.abs(chart.convertToPixel({ yAxisIndex: 0 }, 1) - chart.convertToPixel({ yAxisIndex: 0 }, 0));
    var need = most * lh + 4;
    if (!(band > 0) || band >= need) return;
    canvas.style.height = Math.ceil(canvas.clientHeight + (need - band) * names.length) + 'px';
    chart.resize();
  }

  function draw(canvas) {
    if (canvas.getAttribute('data-drawn')) return;
    var chart = null;
    try {
      var source = document.getElementById(canvas.getAttribute('data-option'));
      if (!source) throw new Error('no element #' + canvas.getAttribute('data-option'));
      var env = JSON.parse(source.textContent);
      var option = prepare(env, canvas);
      if (canvas.clientHeight < 40) canvas.style.height = DEFAULT_HEIGHT; // CSS gave none
      // SVG: sharp when zoomed or printed, and lighter than canvas on phones.
      chart = echarts.init(canvas, null, { renderer: 'svg' });
      chart.on('finished', function () {
        canvas.setAttribute('data-finished', '1');
      });
      chart.setOption(option);
      chart.__chisoEnv = env;
      fitCategoryLabels(chart, canvas);
      clearTargetMarks(chart, env);
      chart.__chisoSource = source;
      chart.__chisoCanvas = canvas;
      drawn.push(chart);
      drawnBoxes.push(canvas);
      watchSize(canvas);
      canvas.setAttribute('data-drawn', '1');
    } catch (e) {
      // A bug in the page or its JSON: hide the empty box, leave the table to show the
      // figures, and say it once, so that the browser tests catch it.
      try {
        if (chart) chart.dispose();
      } catch (e2) { /* already gone */ }
      var why = String((e && e.message) || e);
      canvas.setAttribute('data-drawn', 'error');
      canvas.setAttribute('data-chart-error', why);
      canvas.hidden = true;
      canvas.style.display = 'none';
      if (window.console && console.error) {
        console.error('charts.js: ' + (canvas.getAttribute('data-option') || '?') + ' not drawn: ' + why);
      }
    }
  }

  // Resizing, debounced: one pass 150 ms after the last change of size. ECharts applies the
  // option's media rules (the narrow layout) again on each resize.
  var resizeTimer = 0;
  function resizeAll() {
    if (resizeTimer) window.clearTimeout(resizeTimer);
    for (var j = 0; j < drawnBoxes.length; j++) drawnBoxes[j].setAttribute('data-resizing', '1');
    resizeTimer = window.setTimeout(function () {
      resizeTimer = 0;
      for (var i = 0; i < drawn.length; i++) {
        try {
          if (!drawn[i].isDisposed()) {
            drawn[i].resize();
            fitCategoryLabels(drawn[i], drawnBoxes[i]);
            clearTargetMarks(drawn[i], drawn[i].__chisoEnv);
          }
        } catch (e) { /* a chart that cannot resize keeps its size */ }
        drawnBoxes[i].removeAttribute('data-resizing');
      }
    }, 150);
  }

  // A ResizeObserver also sees the column change width when the reader picks a larger font
  // (A+); without one, window resizes will do.
  var sizeObserver = window.ResizeObserver ? new window.ResizeObserver(resizeAll) : null;
  function watchSize(canvas) {
    if (sizeObserver) sizeObserver.observe(canvas);
  }
  if (!sizeObserver) window.addEventListener('resize', resizeAll);

  // A+ / A- or high contrast (site.js sets data-font / data-contrast on <html>): draw every
  // chart again from its JSON with the new sizes and colours.
  function redrawAll() {
    for (var i = 0; i < drawn.length; i++) {
      var c = drawn[i];
      try {
        if (c.isDisposed()) continue;
        var env = JSON.parse(c.__chisoSource.textContent);
        var option = prepare(env, c.__chisoCanvas);
        c.resize();
        c.setOption(option, true);
        c.__chisoEnv = env;
        c.__chisoMarks = '';
        fitCategoryLabels(c, c.__chisoCanvas);
        clearTargetMarks(c, env);
      } catch (e) {
        if (window.console && console.error) console.error('charts.js: not redrawn: ' + String((e && e.message) || e));
      }
    }
  }
  if (window.MutationObserver) {
    new window.MutationObserver(redrawAll).observe(document.documentElement, {
      attributes: true, attributeFilter: ['data-font', 'data-contrast']
    });
  }

  var canvases = document.querySelectorAll('.chart-canvas[data-option]');

  function libraryReady() {
    if (!(echarts && typeof echarts.init === 'function')) echarts = window.echarts;
    return !!(echarts && typeof echarts.init === 'function');
  }

  // Runs fn once the library is there, loading it the first time. If it cannot be loaded
  // (offline, blocked), the empty chart boxes are hidden and the tables give the figures.
  var waiting = [];
  var loading = false;
  function withLibrary(fn) {
    if (libraryReady()) {
      fn();
      return;
    }
    waiting.push(fn);
    if (loading || !libURL) return;
    loading = true;
    var script = document.createElement('script');
    script.src = libURL;
    script.async = true;
    script.onload = function () {
      var queue = waiting;
      waiting = [];
      if (!libraryReady()) {
        script.onerror();
        return;
      }
      for (var i = 0; i < queue.length; i++) queue[i]();
    };
    script.onerror = function () {
      waiting = [];
      for (var i = 0; i < canvases.length; i++) {
        if (!canvases[i].getAttribute('data-drawn')) {
          canvases[i].setAttribute('data-drawn', 'error');
          canvases[i].setAttribute('data-chart-error', 'ECharts not loaded');
          canvases[i].hidden = true;
          canvases[i].style.display = 'none';
        }
      }
      if (window.console && console.error) console.error('charts.js: ECharts not loaded from ' + libURL);
    };
    document.head.appendChild(script);
  }

  function drawAll() {
    withLibrary(function () {
      for (var i = 0; i < canvases.length; i++) draw(canvases[i]);
    });
  }
  window.addEventListener('beforeprint', drawAll);

  function drawLater(canvas) {
    withLibrary(function () {
      draw(canvas);
    });
  }

  if (window.IntersectionObserver) {
    var seen = new window.IntersectionObserver(function (entries) {
      for (var i = 0; i < entries.length; i++) {
        if (entries[i].isIntersecting) {
          seen.unobserve(entries[i].target);
          drawLater(entries[i].target);
        }
      }
    }, { rootMargin: '200px 0px' });
    for (var i = 0; i < canvases.length; i++) seen.observe(canvases[i]);
  } else {
    drawAll();
  }
})();
