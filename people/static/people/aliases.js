/* Aliases as a list: a "Remove" button beside each box and "Add an alias" below them. */
"use strict";
(function () {
  function setUp(list) {
    const name = list.querySelector("input").name;
    function equip(item) {
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "button alias-remove";
      remove.textContent = "Remove";
      remove.setAttribute("aria-label", "Remove alias " + (item.querySelector("input").value || "(empty)"));
      remove.addEventListener("click", function () {
        const next = item.nextElementSibling || item.previousElementSibling;
        item.remove();
        const focus = next && next.querySelector("input");
        if (focus) focus.focus(); else add.focus();
      });
      item.appendChild(remove);
    }
    list.querySelectorAll(".alias-item").forEach(equip);
    const add = document.createElement("button");
    add.type = "button";
    add.className = "button alias-add";
    add.textContent = "Add an alias";
    add.addEventListener("click", function () {
      const item = document.createElement("div");
      item.className = "alias-item";
      const input = document.createElement("input");
      input.type = "text";
      input.name = name;
      input.className = "vTextField";
      input.maxLength = 200;
      input.setAttribute("aria-label", "Alias " + (list.querySelectorAll(".alias-item").length + 1));
      item.appendChild(input);
      equip(item);
      list.appendChild(item);
      input.focus();
    });
    list.after(add);
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".alias-list").forEach(setUp);
  });
})();
