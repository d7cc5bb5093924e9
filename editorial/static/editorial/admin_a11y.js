/* Accessible names for Django admin widgets that ship without them (axe-core rules
 * "label", "label-title-only", "aria-input-field-name", "aria-prohibited-attr"):
 *
 * - the inputs of tabular inlines have no <label>: they are labelled by their column header;
 * - select2 (autocomplete) comboboxes and their search boxes are labelled by the field's label;
 * - the date and time halves of a split date-time field have no label of their own;
 * - the search icons of the two-box select filter carry aria-label without a role.
 *
 * It only adds ARIA attributes, on load and whenever the admin adds widgets (new inline
 * rows, select2 set-up), and changes nothing else. */
"use strict";
(function () {
  let counter = 0;
  function idFor(element) {
    if (!element.id) element.id = "a11y-label-" + ++counter;
    return element.id;
  }
  function hasName(element) {
    return (
      element.hasAttribute("aria-label") ||
      (element.hasAttribute("aria-labelledby") && element.getAttribute("aria-labelledby").trim() !== "") ||
      (element.id && document.querySelector('label[for="' + CSS.escape(element.id) + '"]'))
    );
  }
  function columnHeader(element) {
    const cell = element.closest("td");
    const table = cell && cell.closest("table");
    if (!table) return null;
    const index = Array.prototype.indexOf.call(cell.parentElement.children, cell);
    const header = table.querySelectorAll("thead tr th")[index];
    return header && header.textContent.trim() ? header : null;
  }
  function labelFor(select) {
    if (select.id) {
      const label = document.querySelector('label[for="' + CSS.escape(select.id) + '"]');
      if (label) return label;
    }
    return columnHeader(select);
  }
  function fix(root) {
    root.querySelectorAll(".tabular td input, .tabular td select, .tabular td textarea").forEach(function (field) {
      if (field.type === "hidden" || field.classList.contains("select2-search__field") || hasName(field)) return;
      const header = columnHeader(field);
      if (header) field.setAttribute("aria-labelledby", idFor(header));
    });
    root.querySelectorAll(".select2-container").forEach(function (container) {
      const select = container.previousElementSibling;
      if (!select || select.tagName !== "SELECT") return;
      const label = labelFor(select);
      if (!label) return;
      const combobox = container.querySelector(".select2-selection[role='combobox']");
      if (combobox) {
        const rendered = combobox.querySelector(".select2-selection__rendered");
        const ids = [idFor(label)];
        if (rendered && rendered.id) {
          ids.push(rendered.id);
          // select2 gives the chosen value's span the role "textbox": it needs the field's name too.
          rendered.setAttribute("aria-labelledby", idFor(label) + " " + rendered.id);
        }
        combobox.setAttribute("aria-labelledby", ids.join(" "));
      }
      container.querySelectorAll(".select2-search__field").forEach(function (search) {
        search.setAttribute("aria-labelledby", idFor(label));
      });
    });
    root.querySelectorAll(".select2-dropdown .select2-search__field").forEach(function (search) {
      if (!hasName(search)) search.setAttribute("aria-label", "Search");
    });
    // The date and time halves of a split date-time field: "Publication time, date".
    root.querySelectorAll("p.datetime input").forEach(function (field) {
      if (hasName(field)) return;
      const row = field.closest(".form-row, .fieldBox, td");
      const label = row && row.querySelector("label");
      const name = label ? label.textContent.replace(/:\s*$/, "").trim() : "";
      const part = /_1$/.test(field.name) ? "time" : "date";
      field.setAttribute("aria-label", name ? name + ", " + part : part);
    });
    root.querySelectorAll(".search-label-icon[aria-label]:not([role])").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
  }
  let pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      fix(document);
    });
  }
  function start() {
    fix(document);
    new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
