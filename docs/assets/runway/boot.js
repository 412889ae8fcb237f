/* Runs every feature on each page load. Material's document$ emits on the first load and after every instant
   navigation. From file:// Material skips instant navigation and document$ completes without emitting:
   start on DOMContentLoaded then. Loaded last. */
(function () {
  "use strict";

  function init() {
    Runway.features.forEach(function (feature) {
      try { feature(); } catch (e) { if (window.console) window.console.error("Runway:", e); }
    });
  }

  function whenReady(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  var emitted = false;
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe({
      next: function () { emitted = true; init(); },
      complete: function () { if (!emitted) whenReady(init); }
    });
  } else {
    whenReady(init);
  }
})();
