// Punchcard staff console: the dashboard's charts (Chart.js), drawn from the JSON the page carries.
(function () {
  'use strict';
  var colours = ['#2457d6', '#17794a', '#c26a00', '#8e44ad'];
  function datasets(chart, kind) {
    return chart.series.map(function (series, i) {
      var set = { label: series.name, data: series.values, backgroundColor: colours[i % colours.length],
        borderColor: colours[i % colours.length] };
      if (kind === 'sales' && i === 1) {
        set.type = 'line';
        set.yAxisID = 'count';
      }
      return set;
    });
  }
  function options(kind) {
    var base = { responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { position: 'bottom' } } };
    if (kind === 'horizontal') {
      base.indexAxis = 'y';
      base.plugins.legend.display = false;
    }
    if (kind === 'sales') {
      base.scales = { y: { beginAtZero: true, position: 'left' },
        count: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } } };
    } else {
      base.scales = { y: { beginAtZero: true }, x: { beginAtZero: true } };
    }
    return base;
  }
  document.addEventListener('DOMContentLoaded', function () {
    var holder = document.getElementById('dashboard-charts');
    if (!holder || typeof Chart === 'undefined') {
      return;
    }
    var charts = JSON.parse(holder.getAttribute('data-charts'));
    ['members', 'sales', 'points', 'products'].forEach(function (name) {
      var canvas = document.getElementById('chart-' + name);
      var kind = canvas.getAttribute('data-kind');
      new Chart(canvas, { type: 'bar', data: { labels: charts[name].labels, datasets: datasets(charts[name], kind) },
        options: options(kind) });
    });
  });
})();
