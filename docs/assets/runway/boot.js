/* Runs every feature on each page load. Material's document$ emits on the first load and after every instant
   navigation. From file:// Material skips instant navigation and document$ completes without emitting:
   start on DOMContentLoaded then. Loaded last. */
(function () {
  "use strict";

  var started = false;

  function run(feature) {
    try { feature(); } catch (e) { if (window.console) window.console.error("Runway:", e); }
  }

  function init() {
    started = true;
    Runway.features.forEach(run);
  }

  /* A script one page lists in its front matter sits in the page content; after instant navigation it can
     load after init (Material waits only for the content's last script), so a feature added then runs at once. */
  var add = Runway.feature;
  Runway.feature = function (feature) {
    add(feature);
    if (started) run(feature);
  };

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
