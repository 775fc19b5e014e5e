/* report.html: draws the embedded run data (see ReportModel for its shape). */
(function () {
  'use strict';
  var data = Hpo.data();
  var run = data.run;
  var trials = data.trials;
  var STATES = ['COMPLETE', 'PRUNED', 'FAILED'];
  var COLORS = {COMPLETE: '#2f7ed8', PRUNED: '#f28f43', FAILED: '#d62728'};
  var content = document.getElementById('content');
  var objectiveName = run.objective + (run.higher_is_better ? ' (higher is better)' : ' (lower is better)');

  function byState(state) { return trials.filter(function (t) { return t.state === state; }); }
  function tooltip(t) {
    var lines = ['trial ' + t.id + ' (' + t.state + ', ' + t.phase + ')', run.objective + ' ' + Hpo.format(t.objective)];
    Object.keys(t.params).forEach(function (k) { lines.push(k + ' = ' + t.params[k]); });
    if (t.error) { lines.push('error: ' + t.error); }
    return lines.join('<br>');
  }
  function finiteObjectives() {
    return trials.map(function (t) { return t.objective; }).filter(Hpo.finite);
  }
  /* Where a trial without an objective (FAILED) is drawn: just below the lowest measured value. */
  function floorValue() {
    var values = finiteObjectives();
    if (values.length === 0) { return 0; }
    var low = Math.min.apply(null, values), high = Math.max.apply(null, values);
    return low - Math.max((high - low) * 0.05, Math.abs(low) * 0.01, 1e-6);
  }

  function header() {
    var h = document.getElementById('header');
    h.appendChild(Hpo.el('h1', {}, 'spark-hpo run ' + run.id));
    var counts = STATES.map(function (s) { return byState(s).length + ' ' + s.toLowerCase(); }).join(', ');
    var best = trials.length ? trials[trials.length - 1].best_so_far : null;
    var meta = Hpo.el('div', {'class': 'meta'}, 'strategy ' + run.strategy + ' · ' + run.status + ' · ' + trials.length
        + ' trials (' + counts + ') · objective ' + objectiveName + ' · best ' + Hpo.format(best));
    h.appendChild(meta);
    if (run.previous_run) {
      var p = Hpo.el('div', {'class': 'meta'}, 'previous run: ');
      p.appendChild(Hpo.el('a', {'href': '../' + encodeURIComponent(run.previous_run) + '/report.html',
        'id': 'previous-run'}, run.previous_run));
      h.appendChild(p);
    }
  }

  function historyOption(title, xName, xOf) {
    var floor = floorValue();
    var series = STATES.map(function (state) {
      return {name: state, type: 'scatter', itemStyle: {color: COLORS[state]}, progressive: 0,
        symbol: state === 'FAILED' ? 'triangle' : 'circle',
        data: byState(state).filter(function (t) { return Hpo.finite(xOf(t)); }).map(function (t) {
          return {value: [xOf(t), Hpo.finite(t.objective) ? t.objective : floor], trial: t};
        })};
    });
    series.push({name: 'best so far', type: 'line', step: 'end', showSymbol: false, color: '#333',
      data: trials.filter(function (t) { return Hpo.finite(xOf(t)) && Hpo.finite(t.best_so_far); })
        .map(function (t) { return [xOf(t), t.best_so_far]; })});
    return {title: {text: title, subtext: 'every trial a point, colored by state; failed trials without a value'
        + ' drawn as triangles at the bottom', left: 'center', textStyle: {fontSize: 14}},
      tooltip: {trigger: 'item', formatter: function (p) { return p.data.trial ? tooltip(p.data.trial) : p.seriesName; }},
      legend: {bottom: 0}, grid: {top: 60, bottom: 60, left: 70, right: 20},
      xAxis: {type: 'value', name: xName, nameLocation: 'middle', nameGap: 28, scale: true},
      yAxis: {type: 'value', name: run.objective, scale: true}, series: series};
  }

  function history() {
    var box = Hpo.section(content, 'Optimization history');
    Hpo.chart(box, 'chart-history-trials', historyOption('Best ' + run.objective + ' so far by trial',
        'trial (in the order recorded)', function (t) { return t.index; }));
    var timed = trials.some(function (t) { return Hpo.finite(t.seconds); });
    var option = historyOption('Best ' + run.objective + ' so far by wall time', 'seconds since the search started',
        function (t) { return t.seconds; });
    if (!timed) { option.title.subtext = 'this journal holds no finish times'; }
    Hpo.chart(box, 'chart-history-time', option);
  }

  function axisOf(param) {
    if (param.kind === 'category') { return {type: 'category', data: param.categories}; }
    return {type: param.kind === 'log' ? 'log' : 'value', scale: true};
  }
  function usableValue(param, value) {
    if (param.kind === 'category') { return value !== undefined && value !== null; }
    return Hpo.finite(value) && (param.kind !== 'log' || value > 0);
  }
  function paramValue(param, value) { return param.kind === 'category' ? String(value) : value; }

  function parallel() {
    var box = Hpo.section(content, 'Parameters');
    var axes = data.params.map(function (p, i) {
      var a = axisOf(p); a.dim = i; a.name = p.name + (p.kind === 'log' ? ' (log)' : ''); return a;
    });
    axes.push({dim: data.params.length, name: run.objective, type: 'value', scale: true});
    var rows = trials.filter(function (t) {
      return Hpo.finite(t.objective) && data.params.every(function (p) { return usableValue(p, t.params[p.name]); });
    }).map(function (t) {
      return data.params.map(function (p) { return paramValue(p, t.params[p.name]); }).concat([t.objective]);
    });
    var values = rows.map(function (r) { return r[r.length - 1]; });
    var low = values.length ? Math.min.apply(null, values) : 0;
    var high = values.length ? Math.max.apply(null, values) : 1;
    Hpo.chart(box, 'chart-parallel', {
      title: {text: 'Parallel coordinates (' + rows.length + ' trials with a value)', left: 'center',
        textStyle: {fontSize: 14}},
      parallel: {left: 60, right: 90, top: 60, bottom: 40}, parallelAxis: axes,
      visualMap: {type: 'continuous', dimension: data.params.length, min: low, max: high > low ? high : low + 1,
        inRange: {color: run.higher_is_better ? ['#d7e3f4', '#08306b'] : ['#08306b', '#d7e3f4']},
        right: 0, top: 'middle', calculable: false, text: ['high', 'low']},
      series: [{type: 'parallel', lineStyle: {width: 1.5, opacity: 0.6}, progressive: 0, data: rows}]}, {height: 420});
    slices(box);
  }

  function slices(box) {
    data.params.forEach(function (p, i) {
      var floor = floorValue();
      var series = STATES.map(function (state) {
        return {name: state, type: 'scatter', itemStyle: {color: COLORS[state]}, progressive: 0,
          symbol: state === 'FAILED' ? 'triangle' : 'circle',
          data: byState(state).filter(function (t) { return usableValue(p, t.params[p.name]); }).map(function (t) {
            return {value: [paramValue(p, t.params[p.name]), Hpo.finite(t.objective) ? t.objective : floor], trial: t};
          })};
      });
      var x = axisOf(p); x.name = p.name; x.nameLocation = 'middle'; x.nameGap = 28;
      Hpo.chart(box, 'chart-slice-' + i, {
        title: {text: 'Slice: ' + p.name + (p.kind === 'log' ? ' (log axis)' : ''), left: 'center',
          textStyle: {fontSize: 13}},
        tooltip: {trigger: 'item', formatter: function (q) { return tooltip(q.data.trial); }},
        legend: {bottom: 0}, grid: {top: 40, bottom: 60, left: 70, right: 20},
        xAxis: x, yAxis: {type: 'value', name: run.objective, scale: true}, series: series}, {small: true, height: 300});
    });
  }

  function importance() {
    var box = Hpo.section(content, 'Parameter importance');
    var imp = data.importance;
    var values = imp.values.slice().reverse();
    Hpo.chart(box, 'chart-importance', {
      title: {text: 'Parameter importance (share of the error growth)', subtext: 'method: ' + imp.method + ', on '
          + imp.trials + ' completed trials' + (imp.enough ? '' : ' (at least 3 are needed: all shown as 0)'),
        left: 'center', textStyle: {fontSize: 14}},
      tooltip: {trigger: 'axis'}, grid: {top: 80, bottom: 30, left: 120, right: 30},
      xAxis: {type: 'value', min: 0, max: 1}, yAxis: {type: 'category', data: values.map(function (v) { return v.name; })},
      series: [{type: 'bar', data: values.map(function (v) { return v.share; }), itemStyle: {color: '#2f7ed8'}}]},
      {height: Math.max(220, 110 + 28 * values.length)});
  }

  /* One line series for many polylines: each ends with an empty value ('-'), which breaks the line. */
  function joined(lines) {
    var points = [];
    lines.forEach(function (l) {
      l.coords.forEach(function (c) { points.push(c); });
      points.push([l.coords[l.coords.length - 1][0], '-']);
    });
    return points;
  }

  function curves() {
    var box = Hpo.section(content, 'Learning curves');
    var series = [];
    STATES.forEach(function (state) {
      var lines = byState(state).map(function (t) {
        var coords = [];
        t.curve.forEach(function (v, e) { if (Hpo.finite(v)) { coords.push([e + 1, v]); } });
        return {coords: coords, trial: t};
      }).filter(function (l) { return l.coords.length > 0; });
      series.push({name: state, type: 'line', showSymbol: false, connectNulls: false, progressive: 0,
        color: COLORS[state], lineStyle: {width: 1.2, opacity: 0.55}, data: joined(lines)});
      if (state !== 'COMPLETE') {
        series.push({name: state + ' stopped here', type: 'scatter', symbol: state === 'FAILED' ? 'triangle' : 'diamond',
          symbolSize: 8, itemStyle: {color: COLORS[state]}, progressive: 0,
          data: lines.map(function (l) { return {value: l.coords[l.coords.length - 1], trial: l.trial}; })});
      }
    });
    var longest = trials.reduce(function (m, t) { return Math.max(m, t.curve.length); }, 1);
    var measured = [];
    trials.forEach(function (t) { t.curve.forEach(function (v) { if (Hpo.finite(v)) { measured.push(v); } }); });
    Hpo.chart(box, 'chart-curves', {
      title: {text: 'Validation ' + run.objective + ' per epoch, every trial', subtext: measured.length
          ? 'pruned and failed trials end with a marker where they stopped' : 'no per-epoch values in this journal',
        left: 'center', textStyle: {fontSize: 14}},
      tooltip: {trigger: 'item', formatter: function (p) { return p.data.trial ? tooltip(p.data.trial) : p.seriesName; }},
      legend: {bottom: 0}, grid: {top: 60, bottom: 60, left: 70, right: 20},
      xAxis: {type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 28, min: 1, max: Math.max(longest, 2)},
      yAxis: {type: 'value', name: run.objective, scale: true}, series: series}, {height: 420});
  }

  function rungs() {
    if (!run.bandit) { return; }
    var box = Hpo.section(content, 'Rungs (successive halving / Hyperband)');
    var byId = {};
    trials.forEach(function (t) { byId[t.id] = t; });
    var rungTrials = trials.filter(function (t) { return Hpo.finite(t.budget) && Hpo.finite(t.objective); });
    var links = rungTrials.filter(function (t) {
      var from = byId[t.resumed_from];
      return from && Hpo.finite(from.budget) && Hpo.finite(from.objective);
    }).map(function (t) {
      var from = byId[t.resumed_from];
      return {coords: [[from.budget, from.objective], [t.budget, t.objective]]};
    });
    var series = [{name: 'promotion', type: 'line', showSymbol: false, connectNulls: false, progressive: 0,
      color: '#999', lineStyle: {width: 1, opacity: 0.6}, data: joined(links)}];
    [['COMPLETE', 'promoted / last rung'], ['PRUNED', 'pruned'], ['FAILED', 'failed']].forEach(function (s) {
      series.push({name: s[1], type: 'scatter', itemStyle: {color: COLORS[s[0]]}, progressive: 0,
        data: rungTrials.filter(function (t) { return t.state === s[0]; })
          .map(function (t) { return {value: [t.budget, t.objective], trial: t}; })});
    });
    Hpo.chart(box, 'chart-rungs', {
      title: {text: 'Rungs: ' + run.objective + ' by epoch budget', subtext: 'a grey line joins a promoted'
          + ' trial to the rung-below trial whose checkpoint it continued', left: 'center', textStyle: {fontSize: 14}},
      tooltip: {trigger: 'item', formatter: function (p) { return p.data.trial ? tooltip(p.data.trial) : p.seriesName; }},
      legend: {bottom: 0}, grid: {top: 60, bottom: 60, left: 70, right: 20},
      xAxis: {type: 'log', name: 'epoch budget (log)', nameLocation: 'middle', nameGap: 28},
      yAxis: {type: 'value', name: run.objective, scale: true}, series: series});
  }

  function pareto() {
    if (!data.pareto || data.pareto.objectives.length < 2) { return; }
    var box = Hpo.section(content, 'Pareto front');
    var a = data.pareto.objectives[0], b = data.pareto.objectives[1];
    var front = {};
    data.pareto.front.forEach(function (id) { front[id] = true; });
    var points = trials.filter(function (t) {
      return t.state === 'COMPLETE' && t.objectives && Hpo.finite(t.objectives[a.key]) && Hpo.finite(t.objectives[b.key]);
    });
    var frontLine = points.filter(function (t) { return front[t.id]; })
      .map(function (t) { return [t.objectives[a.key], t.objectives[b.key]]; })
      .sort(function (p, q) { return p[0] - q[0]; });
    Hpo.chart(box, 'chart-pareto', {
      title: {text: 'Pareto front: ' + a.key + ' and ' + b.key, left: 'center', textStyle: {fontSize: 14}},
      legend: {bottom: 0}, grid: {top: 50, bottom: 60, left: 70, right: 20},
      xAxis: {type: 'value', name: a.key + (a.higher_is_better ? ' (max)' : ' (min)'), scale: true,
        nameLocation: 'middle', nameGap: 28},
      yAxis: {type: 'value', name: b.key + (b.higher_is_better ? ' (max)' : ' (min)'), scale: true},
      series: [{name: 'dominated', type: 'scatter', itemStyle: {color: '#aaa'}, progressive: 0,
        data: points.filter(function (t) { return !front[t.id]; })
          .map(function (t) { return [t.objectives[a.key], t.objectives[b.key]]; })},
      {name: 'Pareto front', type: 'line', symbolSize: 8, itemStyle: {color: '#d62728'}, data: frontLine}]});
  }

  function tables() {
    content.appendChild(Hpo.el('h2', {}, 'Failed trials (' + data.failed.length + ')'));
    if (data.failed.length === 0) {
      content.appendChild(Hpo.el('p', {'class': 'note'}, 'no trial failed'));
    } else {
      Hpo.table(content, ['trial', 'phase', 'error'], data.failed.map(function (f) { return [f.id, f.phase, f.error]; }), 2);
    }
    content.appendChild(Hpo.el('h2', {}, 'Run settings'));
    Hpo.table(content, ['key', 'value'], data.settings);
  }

  header();
  [history, parallel, importance, curves, rungs, pareto, tables].forEach(function (draw) {
    try { draw(); } catch (e) { Hpo.recordError(draw.name + ': ' + (e && e.message ? e.message : e)); }
  });
  Hpo.done();
}());
