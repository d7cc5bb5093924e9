/* The article form's topics as tokens (chips), with existing topics suggested as you type.
 *
 * The real input (name="topics", comma-separated, names with commas in double quotes) stays the
 * one the form posts; it is hidden and kept in step with the chips. Type in the box: existing
 * topics are offered (ARIA 1.2 combobox with a listbox), most used first; Enter, comma or a click
 * accepts one. A name no topic has is offered as "Create new topic" only where the widget says
 * the user may create topics; choosing it also names the topic in the form's "New topics to
 * create" field, which the server requires for a new topic. Backspace in the empty box removes
 * the last chip; each chip has its own remove button. The listbox is combobox.js. */
"use strict";
(function () {
  const Combobox = window.NewsroomCombobox;
  function parse(value) {
    const names = [];
    let buffer = "";
    let quoted = false;
    function flush() {
      const name = buffer.replace(/\s+/g, " ").trim();
      if (name && !names.some(function (n) { return n.toLowerCase() === name.toLowerCase(); })) names.push(name);
      buffer = "";
    }
    for (const c of value) {
      if (c === '"') quoted = !quoted;
      else if ((c === "," || c === "\n") && !quoted) flush();
      else buffer += c;
    }
    flush();
    return names;
  }
  function serialise(names) {
    return names.map(function (n) { return n.includes(",") ? '"' + n.replace(/"/g, "") + '"' : n; }).join(", ");
  }

  function setUp(box) {
    const real = box.querySelector("input[data-topic-suggestions]");
    const list = box.querySelector(".topic-suggestions");
    const status = box.querySelector(".topic-status");
    const mayCreate = box.dataset.mayCreate === "true";
    const newField = document.getElementById("id_new_topics");
    let names = parse(real.value);
    const created = new Set(newField ? parse(newField.value).map(function (n) { return n.toLowerCase(); }) : []);

    const chips = document.createElement("ul");
    chips.className = "topic-chips";
    chips.setAttribute("aria-label", "Topics of this article");
    const typing = document.createElement("input");
    typing.type = "text";
    typing.className = "topic-typing";
    typing.id = real.id + "_typing";
    typing.autocomplete = "off";
    typing.setAttribute("role", "combobox");
    typing.setAttribute("aria-autocomplete", "list");
    typing.setAttribute("aria-expanded", "false");
    typing.setAttribute("aria-controls", list.id);
    typing.setAttribute("aria-label", "Add a topic");
    typing.placeholder = "Add a topic…";
    real.type = "hidden";
    real.removeAttribute("role");
    box.insertBefore(chips, list);
    box.insertBefore(typing, list);
    const label = document.querySelector('label[for="' + real.id + '"]');
    if (label) label.htmlFor = typing.id;
    if (newField) {
      const row = newField.closest(".form-row");
      if (row) row.hidden = true;
    }

    function say(text) { if (status) status.textContent = text; }
    function sync() {
      real.value = serialise(names);
      if (newField) {
        newField.value = serialise(names.filter(function (n) { return created.has(n.toLowerCase()); }));
      }
      real.dispatchEvent(new Event("change", { bubbles: true }));
    }
    function render() {
      chips.replaceChildren();
      names.forEach(function (name, i) {
        const li = document.createElement("li");
        li.className = "topic-chip" + (created.has(name.toLowerCase()) ? " topic-chip-new" : "");
        const text = document.createElement("span");
        text.textContent = name + (created.has(name.toLowerCase()) ? " (new)" : "");
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "topic-chip-remove";
        remove.textContent = "×";
        remove.setAttribute("aria-label", "Remove topic " + name);
        remove.addEventListener("click", function () {
          names.splice(i, 1);
          created.delete(name.toLowerCase());
          sync();
          render();
          say(name + " removed.");
          typing.focus();
        });
        li.append(text, remove);
        chips.appendChild(li);
      });
    }
    function add(name, isNew) {
      if (!names.some(function (n) { return n.toLowerCase() === name.toLowerCase(); })) names.push(name);
      if (isNew) created.add(name.toLowerCase());
      sync();
      render();
      typing.value = "";
      suggestions.close();
      say(name + (isNew ? " will be created as a new topic." : " added."));
      typing.focus();
    }
    const suggestions = Combobox(typing, list, {
      idPrefix: real.id,
      option: function (item, li) {
        if (item.isNew) {
          li.className = "topic-create";
          li.textContent = "Create new topic “" + item.name + "”";
        } else {
          Combobox.topicOption(item.name, item.count, li);
        }
      },
      accept: function (item) { add(item.name, item.isNew); },
    });
    function show(term, results) {
      const items = results.filter(function (r) {
        return !names.some(function (n) { return n.toLowerCase() === r.name.toLowerCase(); });
      }).map(function (r) { return { name: r.name, count: r.count, isNew: false }; });
      const exact = results.some(function (r) { return r.name.toLowerCase() === term.toLowerCase(); });
      if (mayCreate && !exact) items.push({ name: term, isNew: true });
      if (suggestions.show(items)) say(items.length + " suggestions.");
      else if (!exact) say("No topic is called “" + term + "”. Only editors and taggers create topics.");
    }
    function lookUp() {
      const term = typing.value.replace(/,/g, "").replace(/\s+/g, " ").trim();
      if (!term) { suggestions.close(); return; }
      suggestions.lookUp(real.dataset.topicSuggestions, term, function (results) { show(term, results); });
    }
    function acceptTyped() {
      const term = typing.value.replace(/,/g, "").replace(/\s+/g, " ").trim();
      if (!term) return;
      const existing = suggestions.items.find(function (i) { return !i.isNew && i.name.toLowerCase() === term.toLowerCase(); });
      if (existing) add(existing.name, false);
      else if (mayCreate) say("“" + term + "” is not a topic yet: choose “Create new topic” to create it.");
      else say("No topic is called “" + term + "”: choose one of the suggestions.");
    }
    typing.addEventListener("input", function () {
      if (typing.value.includes(",")) { acceptTyped(); return; }
      suggestions.later(lookUp);
    });
    typing.addEventListener("keydown", function (event) {
      if (event.key === "Backspace" && !typing.value && names.length) {
        const name = names.pop();
        created.delete(name.toLowerCase());
        sync();
        render();
        say(name + " removed.");
        return;
      }
      if (event.key === "Enter") {
        event.preventDefault();  // never submit the form from the topic box
        const item = suggestions.items[suggestions.active];
        if (item) add(item.name, item.isNew);
        else acceptTyped();
        return;
      }
      suggestions.keydown(event);
    });
    render();
  }
  Combobox.ready(function () { document.querySelectorAll(".topic-tokens").forEach(setUp); });
})();
