/* Mock interview attempts: a list in localStorage, newest last, exported and imported with the progress. */
(function () {
  "use strict";

  var KEY = "runway.attempts";
  var KEEP = 500;  /* the newest attempts kept; older ones are dropped */

  function isAttempt(a) {
    return a !== null && typeof a === "object" && typeof a.scenario === "string" && typeof a.at === "string" &&
      typeof a.seconds === "number" && typeof a.score === "number" && a.score >= 0 && a.score <= 1;
  }

  function load() {
    var list = Runway.storage.getJSON(KEY, []);
    return Array.isArray(list) ? list.filter(isAttempt) : [];
  }

  Runway.attempts = {
    load: load,
    isAttempt: isAttempt,
    save: function (list) { return Runway.storage.setJSON(KEY, list.slice(-KEEP)); },
    add: function (attempt) { return Runway.attempts.save(load().concat([attempt])); },
    clear: function () { return Runway.storage.remove(KEY); }
  };
})();
