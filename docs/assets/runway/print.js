/* A printed scenario is a complete card: open every hidden section, close them again afterwards. */
(function () {
  "use strict";

  var printed = [];
  window.addEventListener("beforeprint", function () {
    printed = Runway.reveals().filter(function (d) { return !d.open; });
    printed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    printed.forEach(function (d) { d.open = false; });
    printed = [];
  });
})();
