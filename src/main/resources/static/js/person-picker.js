// The person picker (registry/person-picker.jte): picking a person from the results fills the hidden field of the
// surrounding form; "change" clears it and goes back to the search. Enter in the search box searches instead of
// submitting the surrounding form.
(function () {
  'use strict';
  if (window.peduliPersonPicker) {
    return;
  }
  window.peduliPersonPicker = true;

  function pickerOf(el) {
    return el.closest ? el.closest('[data-person-picker]') : null;
  }

  document.addEventListener('click', function (event) {
    var pick = event.target.closest && event.target.closest('[data-pick-id]');
    var picker = pick ? pickerOf(pick) : null;
    if (pick && picker) {
      picker.querySelector('[data-picker-value]').value = pick.getAttribute('data-pick-id');
      var text = picker.querySelector('[data-picker-chosen-text]');
      text.textContent = '';
      var name = document.createElement('span');
      name.className = 'fw-semibold';
      name.textContent = pick.getAttribute('data-pick-name');
      var detail = document.createElement('span');
      detail.className = 'small text-body-secondary';
      detail.textContent = ' · ' + pick.getAttribute('data-pick-detail');
      text.appendChild(name);
      text.appendChild(detail);
      var chosen = picker.querySelector('[data-picker-chosen]');
      chosen.hidden = false;
      picker.querySelector('[data-picker-search]').hidden = true;
      chosen.focus();
      return;
    }
    var clear = event.target.closest && event.target.closest('[data-picker-clear]');
    picker = clear ? pickerOf(clear) : null;
    if (clear && picker) {
      picker.querySelector('[data-picker-value]').value = '';
      picker.querySelector('[data-picker-chosen]').hidden = true;
      picker.querySelector('[data-picker-search]').hidden = false;
      picker.querySelector('[data-picker-query]').focus();
    }
  });

  document.addEventListener('keydown', function (event) {
    var query = event.target;
    if (event.key === 'Enter' && query.matches && query.matches('[data-picker-query]')) {
      event.preventDefault();
      if (window.htmx) {
        window.htmx.trigger(query, 'picker-search');
      }
    }
  });
})();
