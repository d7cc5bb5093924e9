"use strict";
// The focal-point picker: a click on the picture moves both sliders; the sliders move the marker.
{
    const percent = (value) => `${Math.round(Number(value) * 100)}%`;

    function setUp(root) {
        const picture = root.querySelector(".focal-point-picture");
        const marker = root.querySelector(".focal-point-marker");
        const [across, down] = root.querySelectorAll('input[type="range"]');
        const outputs = root.querySelectorAll("output");

        function show() {
            marker.style.left = percent(across.value);
            marker.style.top = percent(down.value);
            marker.hidden = picture.hidden;
            outputs[0].textContent = percent(across.value);
            outputs[1].textContent = percent(down.value);
            across.setAttribute("aria-valuetext", `${percent(across.value)} from the left`);
            down.setAttribute("aria-valuetext", `${percent(down.value)} from the top`);
        }

        picture.addEventListener("click", (event) => {
            const box = picture.getBoundingClientRect();
            across.value = Math.min(Math.max((event.clientX - box.left) / box.width, 0), 1).toFixed(2);
            down.value = Math.min(Math.max((event.clientY - box.top) / box.height, 0), 1).toFixed(2);
            show();
        });
        across.addEventListener("input", show);
        down.addEventListener("input", show);

        // On the upload form, show the chosen file at once so its focal point can be set before saving.
        const file = root.closest("form")?.querySelector('input[type="file"][name="file"]');
        file?.addEventListener("change", () => {
            if (!file.files.length) {
                return;
            }
            picture.removeAttribute("width");
            picture.removeAttribute("height");
            picture.src = URL.createObjectURL(file.files[0]);
            picture.hidden = false;
            show();
        });
        show();
    }

    document.addEventListener("DOMContentLoaded", () => {
        document.querySelectorAll("[data-focal-point]").forEach(setUp);
    });
}
