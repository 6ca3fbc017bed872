// The page's only script: a text filter and a minimum-severity filter over every element marked
// data-search / data-severity, also set from the URL (?q=…&severity=HIGH) so a link can share a
// view. No network, no libraries. Script errors are recorded on <html data-js-errors> for tests.
(function () {
  'use strict';
  var SEVERITIES = ['INFO', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
  var errors = [];
  window.addEventListener('error', function (e) {
    errors.push(String(e.message));
    document.documentElement.setAttribute('data-js-errors', errors.join(' | '));
  });

  function apply(box, severity, status) {
    var q = box.value.trim().toLowerCase();
    var min = Math.max(0, SEVERITIES.indexOf(severity.value));
    var shown = 0;
    var total = 0;
    document.querySelectorAll('[data-search]').forEach(function (el) {
      var level = el.getAttribute('data-severity');
      var show = (q === '' || el.getAttribute('data-search').toLowerCase().indexOf(q) >= 0)
        && (level === null || SEVERITIES.indexOf(level) >= min);
      el.classList.toggle('hidden', !show);
      if (el.classList.contains('risk')) {
        total += 1;
        shown += show ? 1 : 0;
      }
    });
    status.textContent = shown + ' of ' + total + ' risks shown';
  }

  document.addEventListener('DOMContentLoaded', function () {
    var box = document.getElementById('q');
    var severity = document.getElementById('severity');
    var status = document.getElementById('filter-status');
    var params = new URLSearchParams(window.location.search);
    box.value = params.get('q') || '';
    if (SEVERITIES.indexOf(params.get('severity')) >= 0) {
      severity.value = params.get('severity');
    }
    var update = function () { apply(box, severity, status); };
    box.addEventListener('input', update);
    severity.addEventListener('change', update);
    update();
    document.documentElement.setAttribute('data-ready', 'true');
  });

  // A printed report shows everything, whatever was filtered or folded on screen.
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  });
})();
