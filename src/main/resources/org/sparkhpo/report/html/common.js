/* Shared by report.html and the comparison page: chart boxes that record whether they drew. */
var Hpo = (function () {
  'use strict';
  var expected = 0;
  var rendered = 0;
  var charts = [];

  function recordError(text) {
    var root = document.documentElement;
    var old = root.getAttribute('data-script-errors');
    root.setAttribute('data-script-errors', old ? old + ' | ' + text : text);
  }

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  /* Draws one chart into a new box of `parent`; marks the box data-rendered="true" once ECharts drew it. */
  function chart(parent, id, option, options) {
    options = options || {};
    expected++;
    var box = el('section', {'class': options.small ? 'chart small' : 'chart'});
    var div = el('div', {'id': id, 'data-chart': id});
    div.style.height = (options.height || 360) + 'px';
    box.appendChild(div);
    parent.appendChild(box);
    try {
      var instance = echarts.init(div, null, {renderer: 'canvas'});
      option.animation = false;
      instance.setOption(option);
      charts.push(instance);
      div.setAttribute('data-rendered', 'true');
      rendered++;
    } catch (e) {
      recordError(id + ': ' + (e && e.message ? e.message : e));
    }
    return div;
  }

  function section(parent, title) {
    parent.appendChild(el('h2', {}, title));
    var charts = el('div', {'class': 'charts'});
    parent.appendChild(charts);
    return charts;
  }

  function table(parent, header, rows, errorColumn) {
    var t = el('table');
    var head = el('tr');
    header.forEach(function (h) { head.appendChild(el('th', {}, h)); });
    t.appendChild(head);
    rows.forEach(function (row) {
      var tr = el('tr');
      row.forEach(function (cell, i) { tr.appendChild(el('td', i === errorColumn ? {'class': 'error'} : {}, cell)); });
      t.appendChild(tr);
    });
    parent.appendChild(t);
  }

  function finite(v) { return typeof v === 'number' && isFinite(v); }

  function format(v) {
    if (!finite(v)) { return '-'; }
    var a = Math.abs(v);
    return (a !== 0 && (a < 1e-3 || a >= 1e5)) ? v.toExponential(3) : String(Math.round(v * 1e6) / 1e6);
  }

  /* Sets the page-wide flags the browser test reads: data-charts-expected/-rendered, data-rendered. */
  function done() {
    var root = document.documentElement;
    root.setAttribute('data-charts-expected', String(expected));
    root.setAttribute('data-charts-rendered', String(rendered));
    /* Milliseconds from the start of navigation until every chart drew: the page-load figure of BENCHMARKS.md. */
    root.setAttribute('data-render-ms', String(Math.round(performance.now())));
    if (rendered === expected && !root.hasAttribute('data-script-errors')) {
      root.setAttribute('data-rendered', 'true');
    }
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  }

  return {chart: chart, section: section, table: table, el: el, finite: finite, format: format, done: done,
          recordError: recordError,
          data: function () { return JSON.parse(document.getElementById('hpo-data').textContent); }};
}());
