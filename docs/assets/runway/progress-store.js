/* The reader's progress: one JSON document in localStorage, the same shape as an exported file. */
(function () {
  "use strict";

  var KEY = "runway.progress";

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function empty() {
    return { version: 1, scenarios: {} };
  }

  /* A progress file: {"version": 1, "scenarios": {"<id>": {"ticks": {"<item id>": true}, "updated": "<ISO date>"}}}. */
  function isProgress(data) {
    if (!isObject(data) || data.version !== 1 || !isObject(data.scenarios)) return false;
    return Object.keys(data.scenarios).every(function (id) {
      var s = data.scenarios[id];
      return isObject(s) && isObject(s.ticks) &&
        Object.keys(s.ticks).every(function (k) { return s.ticks[k] === true; });
    });
  }

  function load() {
    try {
      var data = JSON.parse(Runway.storage.get(KEY) || "null");
      return isProgress(data) ? data : empty();
    } catch (e) {
      return empty();
    }
  }

  Runway.progress = {
    load: load,
    save: function (data) { return Runway.storage.set(KEY, JSON.stringify(data)); },
    clear: function () { return Runway.storage.remove(KEY); },
    isProgress: isProgress
  };
})();
