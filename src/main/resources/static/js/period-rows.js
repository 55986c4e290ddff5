// Period set-up: a row's remove button takes the row out of the form (rows are added through htmx).
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-remove-row]') : null;
    if (button) {
      var row = button.closest('tr');
      var table = row ? row.closest('fieldset') : null;
      if (row) {
        row.remove();
      }
      if (table) {
        var add = table.querySelector('button[hx-get]');
        if (add) {
          add.focus();
        }
      }
    }
  });
})();
