// Programme dashboard: draws the chosen indicator per site and month from the table on the page (the table is the
// accessible view of the same figures), with ECharts. No data comes from anywhere else.
(function () {
  'use strict';
  var chartBox = document.getElementById('dashChart');
  var table = document.getElementById('dashTable');
  var choice = document.getElementById('dashIndicator');
  if (!chartBox || !window.echarts) {
    return;
  }
  chartBox.style.height = '320px';
  var chart = window.echarts.init(chartBox);

  function draw() {
    var column = Number(choice.value);
    var months = [];
    var bySite = {};
    if (table) {
      table.querySelectorAll('tbody tr').forEach(function (row) {
        var month = row.dataset.month;
        if (months.indexOf(month) < 0) {
          months.push(month);
        }
        var cell = row.querySelectorAll('td[data-value]')[column];
        var value = cell && cell.dataset.value !== '' ? Number(cell.dataset.value) : null;
        (bySite[row.dataset.site] = bySite[row.dataset.site] || {})[month] = value;
      });
    }
    months.sort();
    var series = Object.keys(bySite).map(function (site) {
      return { name: site, type: 'line', connectNulls: true,
        data: months.map(function (m) { return bySite[site][m] === undefined ? null : bySite[site][m]; }) };
    });
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 60, right: 20, top: 20, bottom: 60 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value' },
      series: series
    }, true);
  }

  choice.addEventListener('change', draw);
  window.addEventListener('resize', function () { chart.resize(); });
  draw();
}());
