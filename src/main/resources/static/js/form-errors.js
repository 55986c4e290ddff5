// Forms refused on the server: the first field to fix is brought into view and focused (or the list of errors when
// it names no field), and each link of the list focuses its field.
(function () {
  'use strict';
  if (window.peduliFormErrors) {
    return;
  }
  window.peduliFormErrors = true;

  function target(link) {
    var id = decodeURIComponent(link.getAttribute('href').substring(1));
    var el = document.getElementById(id);
    if (el && el.hidden === false && el.matches('input[type=hidden]')) {
      return null;
    }
    return el;
  }

  function focusField(el) {
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }

  function start() {
    var summary = document.querySelector('[data-error-summary]');
    if (!summary) {
      return;
    }
    var first = summary.querySelector('[data-error-link]');
    var field = first ? target(first) : null;
    if (field && summary.getAttribute('data-warnings-only') !== 'true') {
      focusField(field);
    } else {
      summary.setAttribute('tabindex', '-1');
      focusField(summary);
    }
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('[data-error-link]');
    if (!link) {
      return;
    }
    var field = target(link);
    if (field) {
      event.preventDefault();
      focusField(field);
    }
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
