// The import job page's progress bar: ask the job's progress view how far it is,
// move the bar, and reload the page (which then shows the report) when the job ends.
// Without JavaScript the page reloads itself instead (a <noscript> refresh).
(function () {
  "use strict";
  const bar = document.getElementById("import-progress");
  if (!bar) return;
  const text = document.getElementById("import-progress-text");
  const state = document.getElementById("import-state");
  const every = Number(bar.dataset.pollMs) || 1000;

  async function poll() {
    try {
      const response = await fetch(bar.dataset.progressUrl, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (response.ok) {
        const progress = await response.json();
        if (progress.ended) {
          window.location.reload();
          return;
        }
        bar.max = progress.total;
        bar.value = progress.done;
        bar.textContent = progress.label;
        text.textContent = progress.label;
        state.textContent = progress.state_label.charAt(0).toUpperCase() + progress.state_label.slice(1);
      }
    } catch (error) {
      // A dropped connection: try again at the next tick.
    }
    window.setTimeout(poll, every);
  }

  window.setTimeout(poll, every);
})();
