/* The review schedule: one FSRS card state per review card id, in localStorage, exported, imported and moved
   with the rest of the progress. Dates are stored as milliseconds since 1970. */
(function () {
  "use strict";

  var KEY = "runway.review";
  var NUMBERS = ["due", "stability", "difficulty", "elapsed_days", "scheduled_days", "learning_steps", "reps", "lapses", "state"];

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isEntry(e) {
    return isObject(e) && NUMBERS.every(function (k) { return typeof e[k] === "number" && isFinite(e[k]) && e[k] >= 0; }) &&
      e.state <= 3 && (e.last_review === undefined || e.last_review === null ||
        (typeof e.last_review === "number" && isFinite(e.last_review)));
  }

  /* {"version": 1, "cards": {"<guide>/<key>": {due, stability, ...}}, "fresh": {"day": "YYYY-MM-DD", "count": n}} */
  function isSchedule(data) {
    return isObject(data) && data.version === 1 && isObject(data.cards) &&
      Object.keys(data.cards).every(function (id) { return isEntry(data.cards[id]); });
  }

  function empty() {
    return { version: 1, cards: {} };
  }

  function load() {
    var data = Runway.storage.getJSON(KEY, null);
    return isSchedule(data) ? data : empty();
  }

  /* A ts-fsrs card from a stored entry, and back. */
  function toCard(entry) {
    var card = {};
    NUMBERS.forEach(function (k) { card[k] = entry[k]; });
    card.due = new Date(entry.due);
    card.last_review = entry.last_review ? new Date(entry.last_review) : undefined;
    return card;
  }

  function fromCard(card) {
    var entry = {};
    NUMBERS.forEach(function (k) { entry[k] = card[k] instanceof Date ? card[k].getTime() : card[k]; });
    entry.last_review = card.last_review ? new Date(card.last_review).getTime() : null;
    return entry;
  }

  /* The local calendar day, "YYYY-MM-DD". */
  function today(now) {
    var d = now || new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  function endOfToday(now) {
    var d = new Date((now || new Date()).getTime());
    d.setHours(23, 59, 59, 999);
    return d.getTime();
  }

  /* Incoming states are added; for a card both sides know, the one reviewed last wins. Returns the count taken. */
  function merge(current, incoming) {
    var taken = 0;
    Object.keys(incoming).forEach(function (id) {
      var mine = current.cards[id], theirs = incoming[id];
      if (!mine || (theirs.last_review || 0) > (mine.last_review || 0)) {
        current.cards[id] = theirs;
        taken += 1;
      }
    });
    return taken;
  }

  Runway.review = {
    load: load,
    save: function (data) { return Runway.storage.setJSON(KEY, data); },
    clear: function () { return Runway.storage.remove(KEY); },
    isSchedule: isSchedule,
    isEntry: isEntry,
    toCard: toCard,
    fromCard: fromCard,
    merge: merge,
    today: today,
    endOfToday: endOfToday,
    /* Cards in the schedule due by the end of today. */
    dueToday: function (data, now) {
      var end = endOfToday(now);
      return Object.keys(data.cards).filter(function (id) { return data.cards[id].due <= end; }).length;
    },
    /* New cards already started today. */
    freshToday: function (data, now) {
      return data.fresh && data.fresh.day === today(now) ? data.fresh.count : 0;
    }
  };
})();
