// The article's share buttons: the system share sheet (Web Share API) and "Copy link".
// The plain links work without this script; it only turns on what the browser supports.
(function () {
  "use strict";
  document.querySelectorAll(".share").forEach(function (box) {
    var url = box.dataset.shareUrl;
    var title = box.dataset.shareTitle;
    var native = box.querySelector("[data-share-native]");
    var copy = box.querySelector("[data-share-copy]");
    if (navigator.share && native) {
      native.hidden = false;
      native.querySelector("button").addEventListener("click", function () {
        navigator.share({ title: title, url: url }).catch(function () {});
      });
    }
    if (navigator.clipboard && window.isSecureContext && copy) {
      var status = copy.querySelector(".share-status");
      copy.hidden = false;
      copy.querySelector("button").addEventListener("click", function () {
        navigator.clipboard.writeText(url).then(
          function () { status.textContent = "Link copied."; },
          function () { status.textContent = "Could not copy: the address is " + url; }
        );
      });
    }
  });
})();
