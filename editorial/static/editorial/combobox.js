/* The listbox of suggestions under a text box (ARIA 1.2 combobox), shared by the topic inputs.
 *
 * NewsroomCombobox(box, list, options) drives the listbox of one text box: options.option(item, li)
 * fills an option's element, options.accept(item) takes one; show(items) lists them, lookUp(url, term,
 * then) asks the server (the last answer wins), keydown(event) moves with the arrow keys and accepts
 * with Enter, Escape closes. The options' ids are box.id + "_option_" + i, or options.idPrefix's. */
"use strict";
window.NewsroomCombobox = function (box, list, options) {
  const prefix = options.idPrefix || box.id;
  const self = { items: [], active: -1 };
  let timer = null;
  let request = 0;

  self.close = function () {
    list.hidden = true;
    list.replaceChildren();
    box.setAttribute("aria-expanded", "false");
    box.removeAttribute("aria-activedescendant");
    self.items = [];
    self.active = -1;
  };
  self.highlight = function (index) {
    self.active = index;
    Array.from(list.children).forEach(function (li, i) {
      li.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    if (index >= 0) box.setAttribute("aria-activedescendant", list.children[index].id);
    else box.removeAttribute("aria-activedescendant");
  };
  self.show = function (items) {
    list.replaceChildren();
    self.items = items;
    items.forEach(function (item, i) {
      const li = document.createElement("li");
      li.id = prefix + "_option_" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      options.option(item, li);
      li.addEventListener("mousedown", function (event) {
        event.preventDefault();
        options.accept(item);
      });
      list.appendChild(li);
    });
    const open = items.length > 0;
    list.hidden = !open;
    box.setAttribute("aria-expanded", open ? "true" : "false");
    self.active = -1;
    return open;
  };
  self.lookUp = function (url, term, then) {
    const mine = ++request;
    fetch(url + "?q=" + encodeURIComponent(term), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { if (mine === request) then(data.results || []); })
      .catch(self.close);
  };
  self.later = function (fn) {
    clearTimeout(timer);
    timer = setTimeout(fn, 150);
  };
  /* True when the key was the list's: the caller leaves it alone then. */
  self.keydown = function (event) {
    if (list.hidden) return false;
    if (event.key === "ArrowDown") {
      self.highlight((self.active + 1) % self.items.length);
    } else if (event.key === "ArrowUp") {
      self.highlight(self.active <= 0 ? self.items.length - 1 : self.active - 1);
    } else if (event.key === "Enter" && self.active >= 0) {
      options.accept(self.items[self.active]);
    } else if (event.key === "Escape") {
      self.close();
      return true;
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  };
  box.addEventListener("blur", function () { setTimeout(self.close, 100); });
  return self;
};
/* A topic's name and, apart, how many articles have it. */
window.NewsroomCombobox.topicOption = function (name, count, li) {
  li.textContent = name;
  const span = document.createElement("span");
  span.className = "count";
  span.textContent = " " + count;
  span.setAttribute("aria-label", count + " articles");
  li.appendChild(span);
};
window.NewsroomCombobox.ready = function (start) {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
};
