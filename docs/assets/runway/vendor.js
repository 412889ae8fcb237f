/* Site-root URLs and the vendored libraries (assets/vendor/), loaded only by the pages that use them: the
   review page (ts-fsrs) and the progress page (lz-string, qrcode-generator). Works from file:// too. */
(function () {
  "use strict";

  var loading = Object.create(null);

  /* The site root: Material's __md_scope, set once on the first page load, so it stays right after instant
     navigation; else the page's own base from its configuration. */
  function root() {
    if (window.__md_scope) return String(window.__md_scope);
    var config = document.getElementById("__config"), base = ".";
    try { base = JSON.parse(config.textContent).base || "."; } catch (e) { /* keep "." */ }
    return new URL(base.replace(/\/?$/, "/"), window.location.href).href;
  }

  /* The absolute URL of a site-relative path such as a catalog or card URL. */
  Runway.siteUrl = function (path) {
    return new URL(path, root()).href;
  };

  /* Load assets/vendor/<file> once and resolve with the global it defines. */
  Runway.vendor = function (file, global) {
    if (window[global]) return Promise.resolve(window[global]);
    if (!loading[file]) {
      loading[file] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = Runway.siteUrl("assets/vendor/" + file);
        script.onload = function () {
          if (window[global]) resolve(window[global]); else reject(new Error(file + " did not define " + global));
        };
        script.onerror = function () {
          delete loading[file];
          reject(new Error(file + " could not be loaded"));
        };
        document.head.appendChild(script);
      });
    }
    return loading[file];
  };
})();
