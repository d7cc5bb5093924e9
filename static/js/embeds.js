// Embeds load nothing from the provider until the reader asks: a click on the facade (a link to
// the original) swaps it for the provider's player. A module runs once however many embeds a
// page has.
document.addEventListener("click", (event) => {
  const facade = event.target.closest("a.embed-facade[data-embed-src]")
  if (!facade || event.ctrlKey || event.metaKey || event.shiftKey) return
  event.preventDefault()
  const frame = document.createElement("iframe")
  frame.src = facade.dataset.embedSrc
  frame.title = facade.dataset.embedTitle
  frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture"
  frame.referrerPolicy = "strict-origin-when-cross-origin"
  frame.className = "embed-frame"
  facade.replaceWith(frame)
  frame.focus()
})
