/* Keyboard reordering of the article form's ordered inlines (bylines, related links, quotes).
 *
 * django-admin-sortable2 gives drag and drop; this adds a "Move up" and a "Move down" button to
 * each saved row (and Alt+ArrowUp / Alt+ArrowDown anywhere in a row), renumbers the hidden
 * position inputs the way sortable2 does (1, 2, 3… in page order) and says where the row went.
 */
(function () {
  "use strict";

  function rows(fieldset) {
    const inTable = fieldset.querySelector("table tbody");
    return Array.from(fieldset.querySelectorAll(inTable ? "tr.has_original" : ".inline-related.has_original"));
  }

  function renumber(fieldset) {
    rows(fieldset).forEach(function (row, index) {
      const input = row.querySelector("input._reorder_");
      if (input) {
        input.value = String(index + 1);
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  }

  function announce(fieldset, text) {
    let live = fieldset.querySelector(".reorder-status");
    if (!live) {
      live = document.createElement("p");
      live.className = "reorder-status visually-hidden";
      live.setAttribute("aria-live", "polite");
      fieldset.appendChild(live);
    }
    live.textContent = text;
  }

  function move(fieldset, row, step) {
    const all = rows(fieldset);
    const index = all.indexOf(row);
    const target = all[index + step];
    if (!target) {
      return false;
    }
    if (step < 0) {
      target.before(row);
    } else {
      target.after(row);
    }
    renumber(fieldset);
    announce(fieldset, "Moved to position " + (index + step + 1) + " of " + all.length + ".");
    return true;
  }

  function button(label, symbol, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "reorder-button";
    b.setAttribute("aria-label", label);
    b.title = label;
    b.textContent = symbol;
    b.addEventListener("click", onClick);
    return b;
  }

  function equip(fieldset) {
    rows(fieldset).forEach(function (row) {
      if (row.querySelector(".reorder-buttons")) {
        return;
      }
      const box = document.createElement("span");
      box.className = "reorder-buttons";
      const up = button("Move up", "↑", function () { move(fieldset, row, -1); up.focus(); });
      const down = button("Move down", "↓", function () { move(fieldset, row, 1); down.focus(); });
      box.append(up, down);
      const place = row.querySelector("td.original") || row.querySelector("h3");
      (place || row).appendChild(box);
      row.addEventListener("keydown", function (event) {
        if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) {
          return;
        }
        const focused = document.activeElement;
        if (move(fieldset, row, event.key === "ArrowUp" ? -1 : 1)) {
          event.preventDefault();
          if (focused) { focused.focus(); }
        }
      });
    });
  }

  window.addEventListener("load", function () {
    document.querySelectorAll("fieldset.sortable").forEach(equip);
  });
})();
