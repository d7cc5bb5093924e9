/* One-click acceptance of the countries and people detected in the text.
 * A country moves into the chosen box of the country picker; a person joins the
 * people field. Nothing is saved until the form is. */
"use strict";
(function () {
  function announce(text) {
    const status = document.getElementById("suggestion-status");
    if (status) status.textContent = text;
  }
  function addCountry(id) {
    const from = document.getElementById("id_countries_from");
    if (from && window.SelectBox) {
      Array.from(from.options).forEach(function (option) {
        option.selected = option.value === id;
      });
      window.SelectBox.move("id_countries_from", "id_countries_to");
      window.SelectBox.sort("id_countries_to");
      window.SelectBox.redisplay("id_countries_to");
      return true;
    }
    const select = document.getElementById("id_countries");
    const option = select && select.querySelector('option[value="' + id + '"]');
    if (option) option.selected = true;
    return Boolean(option);
  }
  function addPerson(id, label) {
    const select = document.getElementById("id_people");
    if (!select) return false;
    let option = select.querySelector('option[value="' + id + '"]');
    if (!option) {
      option = new Option(label, id, true, true);
      select.appendChild(option);
    }
    option.selected = true;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    if (window.django && window.django.jQuery) window.django.jQuery(select).trigger("change");
    return true;
  }
  document.addEventListener("click", function (event) {
    const button = event.target.closest("button.suggestion");
    if (!button) return;
    const label = button.dataset.label;
    const done = button.dataset.suggestCountry
      ? addCountry(button.dataset.suggestCountry)
      : addPerson(button.dataset.suggestPerson, label);
    if (done) {
      button.disabled = true;
      button.textContent = "Added " + label;
      announce(label + " added. Save to keep it.");
    }
  });
})();
