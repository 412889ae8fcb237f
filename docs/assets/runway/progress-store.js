/* The reader's progress: one JSON document in localStorage, the same shape as an exported file.
   Scenario and item ids are keys that content chooses ("constructor", "__proto__" are valid ids), so every
   table keyed by them is a null-prototype object, read only through the helpers below. */
(function () {
  "use strict";

  var KEY = "runway.progress";

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* A null-prototype copy of an object's own keys: no key ever reaches Object.prototype. */
  function table(object) {
    var out = Object.create(null);
    Object.keys(object || {}).forEach(function (k) { out[k] = object[k]; });
    return out;
  }

  function empty() {
    return { version: 1, scenarios: table() };
  }

  /* A progress file: {"version": 1, "scenarios": {"<id>": {"ticks": {"<item id>": true}, "updated": "<ISO date>"}}}. */
  function isProgress(data) {
    if (!isObject(data) || data.version !== 1 || !isObject(data.scenarios)) return false;
    return Object.keys(data.scenarios).every(function (id) {
      var s = data.scenarios[id];
      return isObject(s) && isObject(s.ticks) && (s.updated === undefined || typeof s.updated === "string") &&
        Object.keys(s.ticks).every(function (k) { return s.ticks[k] === true; });
    });
  }

  /* Valid progress data with every id-keyed table made null-prototype. */
  function normalise(data) {
    var scenarios = table(data.scenarios);
    Object.keys(scenarios).forEach(function (id) {
      scenarios[id] = { ticks: table(scenarios[id].ticks), updated: scenarios[id].updated };
    });
    return { version: 1, scenarios: scenarios };
  }

  function load() {
    try {
      var data = JSON.parse(Runway.storage.get(KEY) || "null");
      return isProgress(data) ? normalise(data) : empty();
    } catch (e) {
      return empty();
    }
  }

  /* The saved entry of one scenario, or null: never a member inherited from Object. */
  function entry(data, id) {
    return Object.prototype.hasOwnProperty.call(data.scenarios, id) ? data.scenarios[id] : null;
  }

  /* The ids of the items ticked on one scenario. */
  function ticked(data, id) {
    var e = entry(data, id);
    return e ? Object.keys(e.ticks) : [];
  }

  /* Tick or untick one item, stamping the scenario as practised now. */
  function setTick(data, id, item, on) {
    var e = entry(data, id) || { ticks: table() };
    if (on) e.ticks[item] = true; else delete e.ticks[item];
    e.updated = new Date().toISOString();
    data.scenarios[id] = e;
    return data;
  }

  Runway.progress = {
    load: load,
    save: function (data) { return Runway.storage.set(KEY, JSON.stringify(data)); },
    clear: function () { return Runway.storage.remove(KEY); },
    isProgress: isProgress,
    entry: entry,
    ticked: ticked,
    setTick: setTick
  };
})();
