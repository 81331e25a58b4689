(function () {
  'use strict';
  // Filters, search and sort over rows the page already holds; reads data attributes, never builds markup.
  var table = document.getElementById('findings-table');
  if (!table) { return; }
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var q = document.getElementById('q');
  var sev = document.getElementById('f-severity');
  var kind = document.getElementById('f-kind');
  var target = document.getElementById('f-target');
  var supp = document.getElementById('f-suppressed');
  var count = document.getElementById('count');
  var empty = document.getElementById('empty');

  function readHash() {
    var p = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    q.value = p.get('q') || '';
    setSelect(sev, p.get('severity'));
    setSelect(kind, p.get('kind'));
    setSelect(target, p.get('target'));
    supp.checked = p.get('suppressed') === '1';
  }
  function setSelect(el, v) {
    el.value = '';
    if (v === null) { return; }
    for (var i = 0; i < el.options.length; i++) {
      if (el.options[i].value === v) { el.value = v; }
    }
  }
  function writeHash() {
    var p = new URLSearchParams();
    if (q.value) { p.set('q', q.value); }
    if (sev.value) { p.set('severity', sev.value); }
    if (kind.value) { p.set('kind', kind.value); }
    if (target.value) { p.set('target', target.value); }
    if (supp.checked) { p.set('suppressed', '1'); }
    var s = p.toString();
    try {
      history.replaceState(null, '', s ? '#' + s : window.location.pathname + window.location.search);
    } catch (e) { /* file: URLs in some browsers */ }
  }
  function apply() {
    var text = q.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (r) {
      var d = r.dataset;
      var ok = (!sev.value || d.severity === sev.value) && (!kind.value || d.kind === kind.value)
        && (!target.value || d.target === target.value) && (supp.checked || d.suppressed !== 'true')
        && (!text || d.search.indexOf(text) >= 0);
      r.hidden = !ok;
      if (ok) { shown++; }
    });
    count.textContent = shown + ' of ' + rows.length + ' findings shown';
    empty.hidden = shown > 0;
  }
  function onChange() { apply(); writeHash(); }

  var sortKey = 'rank';
  var ascending = true;
  function sortBy(key) {
    ascending = key === sortKey ? !ascending : true;
    sortKey = key;
    var numeric = key === 'rank';
    rows.sort(function (a, b) {
      var x = a.dataset[key] || '';
      var y = b.dataset[key] || '';
      var c = numeric ? Number(x) - Number(y) : x.localeCompare(y, undefined, { numeric: true, sensitivity: 'base' });
      if (c === 0) { c = Number(a.dataset.order) - Number(b.dataset.order); }
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { tbody.appendChild(r); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      if (th.dataset.sort === key) {
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      } else {
        th.removeAttribute('aria-sort');
      }
    });
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    if (th.dataset.sort) {
      th.addEventListener('click', function () { sortBy(th.dataset.sort); });
    }
  });
  q.addEventListener('input', onChange);
  [sev, kind, target, supp].forEach(function (el) { el.addEventListener('change', onChange); });
  window.addEventListener('hashchange', function () { readHash(); apply(); });
  readHash();
  apply();
  document.documentElement.setAttribute('data-ready', 'true');
}());
