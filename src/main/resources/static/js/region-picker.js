// Region picker (src/main/jte/region/picker.jte): cascading selects province > regency/city > district > village.
// Choosing a region loads the next level's options with htmx, empties the deeper levels and puts the deepest chosen
// code into the picker's hidden input.
(function () {
  'use strict';
  if (window.peduliRegionPicker) {
    return;
  }
  window.peduliRegionPicker = true;

  var SELECT = '[data-region-picker] select[data-region-level]';

  function level(select) {
    return Number(select.getAttribute('data-region-level'));
  }

  function selectsOf(picker) {
    return Array.prototype.slice.call(picker.querySelectorAll('select[data-region-level]'));
  }

  function clear(select) {
    while (select.options.length > 1) {
      select.remove(1);
    }
    select.value = '';
    select.disabled = true;
  }

  // A select asks for the options of the next level below the region chosen in it; nothing when none is chosen.
  document.addEventListener('htmx:configRequest', function (event) {
    var select = event.detail.elt;
    if (!select.matches || !select.matches(SELECT)) {
      return;
    }
    if (!select.value) {
      event.preventDefault();
      return;
    }
    event.detail.parameters.parent = select.value;
    event.detail.parameters.level = String(level(select) + 1);
  });

  document.addEventListener('change', function (event) {
    var select = event.target;
    if (!select.matches || !select.matches(SELECT)) {
      return;
    }
    var picker = select.closest('[data-region-picker]');
    var chosen = '';
    selectsOf(picker).forEach(function (other) {
      if (level(other) > level(select)) {
        clear(other);
      } else if (other.value) {
        chosen = other.value;
      }
    });
    var hidden = picker.querySelector('input[data-region-value]');
    hidden.value = chosen;
    hidden.dispatchEvent(new Event('change', { bubbles: true }));
  });

  // Loaded options make a level usable; a region without regions below it leaves the next level disabled.
  document.addEventListener('htmx:afterSwap', function (event) {
    var select = event.detail.target;
    if (select.matches && select.matches(SELECT)) {
      select.disabled = select.options.length <= 1;
    }
  });
})();
