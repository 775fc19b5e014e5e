/* comparison.html: the runs of --compare side by side (see ComparisonPage for the data's shape). */
(function () {
  'use strict';
  var runs = Hpo.data().runs;
  var content = document.getElementById('content');
  var PALETTE = ['#2f7ed8', '#d62728', '#2ca02c', '#9467bd', '#f28f43', '#8c564b', '#e377c2', '#17becf'];
  var objectives = runs.map(function (r) { return r.objective; })
    .filter(function (o, i, all) { return all.indexOf(o) === i; });

  var h = document.getElementById('header');
  h.appendChild(Hpo.el('h1', {}, 'spark-hpo: comparison of ' + runs.length + ' runs'));
  h.appendChild(Hpo.el('div', {'class': 'meta'}, 'objective ' + objectives.join(', ')
      + (objectives.length > 1 ? ' (the runs optimize different metrics: compare with care)' : '')));

  content.appendChild(Hpo.el('h2', {}, 'Runs'));
  var t = Hpo.el('table');
  var head = Hpo.el('tr');
  ['run', 'strategy', 'status', 'started', 'trials', 'complete / pruned / failed', 'best objective',
    'search wall time (s)'].forEach(function (c) { head.appendChild(Hpo.el('th', {}, c)); });
  t.appendChild(head);
  runs.forEach(function (r) {
    var tr = Hpo.el('tr');
    var cell = Hpo.el('td');
    cell.appendChild(Hpo.el('a', {'href': r.link}, r.id));
    tr.appendChild(cell);
    [r.strategy, r.status, r.started, r.trials, r.complete + ' / ' + r.pruned + ' / ' + r.failed,
      r.objective + ' ' + Hpo.format(r.best) + (r.higher_is_better ? ' (max)' : ' (min)'), Hpo.format(r.search_seconds)]
      .forEach(function (v) { tr.appendChild(Hpo.el('td', {}, v)); });
    t.appendChild(tr);
  });
  content.appendChild(t);

  function option(title, xName, column) {
    return {title: {text: title, left: 'center', textStyle: {fontSize: 14}},
      tooltip: {trigger: 'axis'}, legend: {bottom: 0}, grid: {top: 50, bottom: 60, left: 70, right: 20},
      xAxis: {type: 'value', name: xName, nameLocation: 'middle', nameGap: 28, scale: true},
      yAxis: {type: 'value', name: objectives.join(', '), scale: true},
      series: runs.map(function (r, i) {
        return {name: r.id, type: 'line', step: 'end', showSymbol: false, color: PALETTE[i % PALETTE.length],
          data: r.history.filter(function (p) { return Hpo.finite(p[column]) && Hpo.finite(p[1]); })
            .map(function (p) { return [p[column], p[1]]; })};
      })};
  }
  var box = Hpo.section(content, 'Best objective so far');
  Hpo.chart(box, 'chart-compare-trials', option('Best so far by trial', 'trial', 0));
  Hpo.chart(box, 'chart-compare-time', option('Best so far by search wall time', 'seconds', 2));
  Hpo.done();
}());
