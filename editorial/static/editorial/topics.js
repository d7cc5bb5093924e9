/* Topic autocomplete for a comma-separated topic input (ARIA 1.2 combobox with a listbox).
 *
 * Type in the last topic of the list; existing topics containing the text are offered,
 * most used first. Arrow keys move, Enter or a click accepts, Escape closes. An input
 * with data-single holds one topic. Without JavaScript the input is plain text. */
"use strict";
(function () {
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
    let items = [];
    let active = -1;
    let timer = null;
    let request = 0;

    function close() {
      list.hidden = true;
      list.replaceChildren();
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      items = [];
      active = -1;
    }
    function highlight(index) {
      active = index;
      Array.from(list.children).forEach(function (li, i) {
        li.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", list.children[index].id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }
    function accept(index) {
      const name = items[index].name;
      if (single) {
        input.value = name;
      } else {
        const head = splitLast(input.value)[0];
        input.value = (head ? head + " " : "") + quote(name) + ", ";
      }
      close();
      if (status) status.textContent = name + " added.";
      input.focus();
    }
    function show(results) {
      list.replaceChildren();
      items = results;
      results.forEach(function (result, i) {
        const li = document.createElement("li");
        li.id = input.id + "_option_" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = result.name;
        const count = document.createElement("span");
        count.className = "count";
        count.textContent = " " + result.count;
        count.setAttribute("aria-label", result.count + " articles");
        li.appendChild(count);
        li.addEventListener("mousedown", function (event) {
          event.preventDefault();
          accept(i);
        });
        list.appendChild(li);
      });
      const open = results.length > 0;
      list.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      if (status) status.textContent = open ? results.length + " topics suggested." : "";
      active = -1;
    }
    function lookUp() {
      const term = (single ? input.value : splitLast(input.value)[1]).trim().replace(/^"/, "");
      if (!term) {
        close();
        return;
      }
      const mine = ++request;
      fetch(input.dataset.topicSuggestions + "?q=" + encodeURIComponent(term), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (mine === request) show(data.results || []);
        })
        .catch(close);
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(lookUp, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight((active + 1) % items.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        accept(active);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", function () {
      setTimeout(close, 100);
    });
  }
  function start() {
    document.querySelectorAll("input[data-topic-suggestions]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
