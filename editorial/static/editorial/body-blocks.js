// The body's blocks on the article form (editorial/admin/blocks.py): each block shows the
// fields of its kind; blocks are added by kind, and reordered by dragging a block's heading or
// with its "Move up" / "Move down" buttons (the keyboard's way), which keep the hidden
// position fields in the order on the screen. Changes of order are announced to screen readers.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const group = document.getElementById("blocks-group")
  const fieldsData = document.getElementById("body-block-fields")
  if (group && fieldsData) {
    const fieldsByKind = JSON.parse(fieldsData.textContent)
    const allFields = [...new Set(Object.values(fieldsByKind).flat())]
    const status = document.getElementById("body-blocks-status")
    const adders = document.querySelector(".body-block-adders")
    const blocks = () => [...group.querySelectorAll(".inline-related:not(.empty-form)")]
    const kindOf = (block) => block.querySelector("select[name$='-kind']")
    const kindLabel = (block) => {
      const select = kindOf(block)
      return select ? select.options[select.selectedIndex].text : "Block"
    }

    const showFields = (block) => {
      const select = kindOf(block)
      if (!select) return
      const shown = new Set(fieldsByKind[select.value] || [])
      for (const name of allFields) {
        for (const row of block.querySelectorAll(`.form-row.field-${name}`)) {
          row.hidden = !shown.has(name)
        }
      }
    }

    // The rich-text editor is a contenteditable the prose editor makes: give it the field's name.
    const nameEditors = (block, index) => {
      for (const editor of block.querySelectorAll(".field-html [contenteditable]")) {
        editor.setAttribute("aria-label", `Text of block ${index + 1} (${kindLabel(block)})`)
      }
    }

    const renumber = () => {
      const all = blocks()
      all.forEach((block, index) => {
        const position = block.querySelector("input[name$='-position']")
        if (position) position.value = index
        const label = block.querySelector(".block-label")
        if (label) label.textContent = `${index + 1}. ${kindLabel(block)}`
        nameEditors(block, index)
        const up = block.querySelector("[data-move='up']")
        const down = block.querySelector("[data-move='down']")
        if (up) {
          up.disabled = index === 0
          up.setAttribute("aria-label", `Move up: block ${index + 1} (${kindLabel(block)})`)
        }
        if (down) {
          down.disabled = index === all.length - 1
          down.setAttribute("aria-label", `Move down: block ${index + 1} (${kindLabel(block)})`)
        }
      })
    }

    const announce = (block) => {
      const all = blocks()
      status.textContent = `${kindLabel(block)} block moved to position ${all.indexOf(block) + 1} of ${all.length}.`
    }

    const move = (block, direction) => {
      const all = blocks()
      const index = all.indexOf(block)
      const other = all[index + direction]
      if (!other) return
      if (direction < 0) other.before(block)
      else other.after(block)
      renumber()
      announce(block)
      const button = block.querySelector(`[data-move='${direction < 0 ? "up" : "down"}']`)
      ;(button && !button.disabled ? button : block.querySelector("[data-move]:not([disabled])"))?.focus()
    }

    let dragged = null
    const setUp = (block) => {
      if (block.dataset.blockReady) return
      block.dataset.blockReady = "1"
      block.classList.add("body-block")
      const heading = block.querySelector(":scope > h3")
      const label = document.createElement("span")
      label.className = "block-label"
      heading.querySelector("b")?.after(label)
      const tools = document.createElement("span")
      tools.className = "block-tools"
      const handle = document.createElement("span")
      handle.className = "block-handle"
      handle.title = "Drag to reorder"
      handle.setAttribute("aria-hidden", "true")
      handle.textContent = "⠿"
      tools.append(handle)
      for (const [direction, text] of [["up", "Move up"], ["down", "Move down"]]) {
        const button = document.createElement("button")
        button.type = "button"
        button.className = "button block-move"
        button.dataset.move = direction
        button.textContent = text
        button.addEventListener("click", () => move(block, direction === "up" ? -1 : 1))
        tools.append(button)
      }
      heading.prepend(tools)
      heading.draggable = true
      heading.addEventListener("dragstart", (event) => {
        dragged = block
        block.classList.add("dragging")
        event.dataTransfer.effectAllowed = "move"
        event.dataTransfer.setData("text/plain", block.id)
      })
      heading.addEventListener("dragend", () => {
        block.classList.remove("dragging")
        dragged = null
      })
      // The block goes where it is dropped: above the block under the pointer when dropped on
      // its upper half, below it when on its lower half.
      const above = (event) => {
        const box = block.getBoundingClientRect()
        return event.clientY < box.top + box.height / 2
      }
      block.addEventListener("dragover", (event) => {
        if (!dragged || dragged === block) return
        event.preventDefault()
        block.classList.toggle("drop-above", above(event))
        block.classList.toggle("drop-below", !above(event))
      })
      block.addEventListener("dragleave", () => block.classList.remove("drop-above", "drop-below"))
      block.addEventListener("drop", (event) => {
        block.classList.remove("drop-above", "drop-below")
        if (!dragged || dragged === block) return
        event.preventDefault()
        if (above(event)) block.before(dragged)
        else block.after(dragged)
        renumber()
        announce(dragged)
      })
      kindOf(block)?.addEventListener("change", () => {
        showFields(block)
        renumber()
      })
      showFields(block)
    }

    // A form sent back with errors lists the blocks in the order they were added: show them in
    // the order the editor gave them (their positions) before numbering them again.
    const position = (block) => Number(block.querySelector("input[name$='-position']")?.value || 0)
    const ordered = blocks()
      .map((block, index) => [position(block), index, block])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    const first = blocks()[0]
    if (first) {
      const marker = document.createComment("blocks")
      first.before(marker)
      marker.after(...ordered.map(([, , block]) => block))
      marker.remove()
    }
    blocks().forEach(setUp)
    renumber()
    // The editors appear once their module has run, which may be after this script.
    new MutationObserver((changes) => {
      if (changes.some((change) => [...change.addedNodes].some((node) => node.nodeType === 1 && (node.matches("[contenteditable]") || node.querySelector("[contenteditable]"))))) {
        blocks().forEach((block, index) => nameEditors(block, index))
      }
    }).observe(group, { childList: true, subtree: true })

    // The admin's inlines script adds the row; the new block goes last, of the kind asked for.
    let wantedKind = null
    document.addEventListener("formset:added", (event) => {
      if (event.detail?.formsetName !== "blocks") return
      const block = event.target
      const select = kindOf(block)
      if (select && wantedKind) select.value = wantedKind
      wantedKind = null
      setUp(block)
      renumber()
      const first = [...block.querySelectorAll(".form-row:not([hidden]) :is(input, select, textarea, [contenteditable])")]
        .find((element) => element.type !== "hidden")
      first?.focus()
      status.textContent = `${kindLabel(block)} block added at position ${blocks().indexOf(block) + 1}.`
    })
    document.addEventListener("formset:removed", (event) => {
      if (event.detail?.formsetName === "blocks") renumber()
    })

    if (adders) {
      const addLink = () => group.querySelector(".add-row a")
      adders.hidden = false
      for (const button of adders.querySelectorAll("[data-add-block]")) {
        button.addEventListener("click", () => {
          wantedKind = button.dataset.addBlock
          addLink()?.click()
        })
      }
      group.after(adders)
    }
    group.closest("form")?.addEventListener("submit", renumber)
  }
})
