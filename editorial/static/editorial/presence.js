/* The article form's safeguards against lost work.
 *
 * Presence: every few seconds the open form tells the server it is open and shows who else has
 * the article open (a notice, no lock); when the page goes away it says so.
 * Unsaved changes: leaving the page with changes not saved asks first.
 * Local draft: unsaved changes of the text fields are kept in this browser (localStorage) as they
 * are typed, and offered for restoring when the form is opened again after a crash or a closed tab.
 */
"use strict";
(function () {
  const form = document.getElementById("article_form");
  if (!form) return;
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]");

  // Presence ------------------------------------------------------------------------------
  const box = document.getElementById("editorial-presence");
  if (box) {
    const url = box.dataset.presenceUrl;
    const beat = parseInt(box.dataset.beatMs, 10) || 15000;
    const text = document.getElementById("presence-text");
    function show(others) {
      if (!others.length) {
        box.hidden = true;
        text.textContent = "";
        return;
      }
      text.replaceChildren("Also editing now: ");
      others.forEach(function (other, i) {
        const strong = document.createElement("strong");
        strong.textContent = other.name;
        text.append(strong, " (since " + other.since + ")" + (i < others.length - 1 ? ", " : ". "));
      });
      text.append("Your changes and theirs are both kept: whoever saves second is shown what changed.");
      box.hidden = false;
    }
    function post(extra) {
      const body = new URLSearchParams({ csrfmiddlewaretoken: csrf ? csrf.value : "", ...extra });
      return fetch(url, { method: "POST", body: body, credentials: "same-origin",
                          headers: { Accept: "application/json" } });
    }
    function tell() {
      if (document.visibilityState === "hidden") return;
      post({}).then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) { if (data) show(data.others || []); })
        .catch(function () {});
    }
    setInterval(tell, beat);
    document.addEventListener("visibilitychange", tell);
    window.addEventListener("pagehide", function () {
      const body = new URLSearchParams({ csrfmiddlewaretoken: csrf ? csrf.value : "", gone: "1" });
      navigator.sendBeacon(url, body);
    });
  }

  // Unsaved changes and the local draft ---------------------------------------------------
  const FIELDS = ["headline", "slug", "standfirst", "body", "publication", "image_alt", "image_credit"];
  const token = form.querySelector("input[name=edit_token]");
  const key = "newsroom:draft:" + location.pathname;
  let dirty = false;
  let submitting = false;
  let timer = null;
  function values() {
    const out = {};
    FIELDS.forEach(function (name) {
      const el = form.elements[name];
      if (el && "value" in el && el.type !== "hidden") out[name] = el.value;
    });
    return out;
  }
  const opened = values();
  function keep() {
    const now = values();
    const changed = Object.keys(now).some(function (k) { return now[k] !== opened[k]; });
    try {
      if (changed) {
        localStorage.setItem(key, JSON.stringify({ at: new Date().toISOString(), token: token ? token.value : "", values: now }));
      } else {
        localStorage.removeItem(key);
      }
    } catch (e) { /* storage full or refused: the warning still guards */ }
  }
  form.addEventListener("input", function () {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(keep, 500);
  });
  form.addEventListener("change", function () { dirty = true; });
  form.addEventListener("submit", function () {
    submitting = true;
    try { localStorage.removeItem(key); } catch (e) {}
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty && !submitting) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  const offer = document.getElementById("editorial-local-draft");
  let saved = null;
  try { saved = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { saved = null; }
  if (offer && saved && saved.values) {
    const differs = Object.keys(saved.values).some(function (k) { return k in opened && saved.values[k] !== opened[k]; });
    if (differs) {
      document.getElementById("local-draft-time").textContent = new Date(saved.at).toLocaleString();
      offer.hidden = false;
      document.getElementById("local-draft-restore").addEventListener("click", function () {
        Object.keys(saved.values).forEach(function (name) {
          const el = form.elements[name];
          if (el && "value" in el) el.value = saved.values[name];
        });
        dirty = true;
        offer.hidden = true;
      });
      document.getElementById("local-draft-discard").addEventListener("click", function () {
        try { localStorage.removeItem(key); } catch (e) {}
        offer.hidden = true;
      });
    }
  }
})();
