/* A link to an anchor inside a closed details block opens the block, then scrolls to the anchor. */
(function () {
  "use strict";

  function openTarget() {
    var id;
    try { id = decodeURIComponent(window.location.hash.slice(1)); } catch (e) { return; }  /* a malformed hash: ignore it */
    var target = id && document.getElementById(id);
    if (!target) return;
    var closed = false;
    for (var node = target.parentElement; node; node = node.parentElement) {
      if (node.tagName === "DETAILS" && !node.open) { node.open = true; closed = true; }
    }
    if (closed) target.scrollIntoView();
  }

  window.addEventListener("hashchange", openTarget);
  Runway.feature(openTarget);
})();
