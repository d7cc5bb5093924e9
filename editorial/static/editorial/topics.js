/* Topic autocomplete for a comma-separated topic input (ARIA 1.2 combobox with a listbox).
 *
 * Type in the last topic of the list; existing topics containing the text are offered,
 * most used first. Arrow keys move, Enter or a click accepts, Escape closes. An input
 * with data-single holds one topic. Without JavaScript the input is plain text.
 * The listbox is combobox.js. */
"use strict";
(function () {
  const Combobox = window.NewsroomCombobox;
  function splitLast(value) {
    const at = value.lastIndexOf(",");
    return at < 0 ? ["", value] : [value.slice(0, at + 1), value.slice(at + 1)];
  }
  function quote(name) {
    return name.includes(",") ? '"' + name.replace(/"/g, "") + '"' : name;
  }
  function setUp(input) {
    const list = document.getElementById(input.id + "_suggestions");
    const status = document.getElementById(input.id + "_status");
    const single = input.dataset.single === "true";
    const suggestions = Combobox(input, list, {
      option: function (item, li) { Combobox.topicOption(item.name, item.count, li); },
      accept: function (item) {
        if (single) {
          input.value = item.name;
        } else {
          const head = splitLast(input.value)[0];
          input.value = (head ? head + " " : "") + quote(item.name) + ", ";
        }
        suggestions.close();
        if (status) status.textContent = item.name + " added.";
        input.focus();
      },
    });
    function lookUp() {
      const term = (single ? input.value : splitLast(input.value)[1]).trim().replace(/^"/, "");
      if (!term) {
        suggestions.close();
        return;
      }
      suggestions.lookUp(input.dataset.topicSuggestions, term, function (results) {
        const open = suggestions.show(results);
        if (status) status.textContent = open ? results.length + " topics suggested." : "";
      });
    }
    input.addEventListener("input", function () { suggestions.later(lookUp); });
    input.addEventListener("keydown", suggestions.keydown);
  }
  Combobox.ready(function () {
    document.querySelectorAll("input[data-topic-suggestions]").forEach(setUp);
  });
})();
