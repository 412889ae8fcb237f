/* Bringing progress in from elsewhere, shared by the file import and the transfer link: what a progress document
   would change (only this site's scenarios, checklist items and review cards are kept; the rest is counted and
   reported), how that reads to the reader, and the merge that applies it. Nothing saved is ever removed. */
(function () {
  "use strict";

  /* This site's checklist item ids and review card keys per scenario, from the page's scenario links and card ids. */
  function known(root) {
    var items = Object.create(null), cards = Object.create(null);
    Runway.all("a[data-scenario][data-items]", root).forEach(function (link) { items[link.dataset.scenario] = link.dataset.items.split(" "); });
    var ids = document.getElementById("runway-card-ids");
    var keys = ids ? JSON.parse(ids.dataset.json) : {};
    Object.keys(keys).forEach(function (sid) { cards[sid] = keys[sid]; });
    return { items: items, cards: cards };
  }

  /* What a document would add: {scenarios, ticks, attempts, review, unknownIds, unknownItems, unknownCards}. */
  function plan(data, site) {
    var keep = Object.create(null), unknownIds = [], unknownItems = 0, ticks = 0;
    Object.keys(data.scenarios).forEach(function (id) {
      if (!site.items[id]) { unknownIds.push(id); return; }
      var entry = { ticks: Object.create(null) };
      Object.keys(data.scenarios[id].ticks).forEach(function (item) {
        if (site.items[id].indexOf(item) >= 0) { entry.ticks[item] = true; ticks += 1; } else unknownItems += 1;
      });
      if (typeof data.scenarios[id].updated === "string") entry.updated = data.scenarios[id].updated;
      keep[id] = entry;
    });
    var attempts = (Array.isArray(data.attempts) ? data.attempts : []).filter(function (a) {
      return Runway.attempts.isAttempt(a) && site.items[a.scenario];
    });
    var review = Object.create(null), unknownCards = 0;
    var incoming = data.review && Runway.review.isSchedule(data.review) ? data.review.cards : {};
    Object.keys(incoming).forEach(function (id) {
      var cut = id.indexOf("/"), sid = id.slice(0, cut), key = id.slice(cut + 1);
      if (site.cards[sid] && site.cards[sid].indexOf(key) >= 0) review[id] = incoming[id]; else unknownCards += 1;
    });
    return {
      scenarios: keep, ticks: ticks, attempts: attempts, review: review, cards: Object.keys(review).length,
      unknownIds: unknownIds, unknownItems: unknownItems, unknownCards: unknownCards
    };
  }

  /* Imported ticks are added to the ticks already saved; nothing saved is removed. */
  function mergeTicks(current, incoming) {
    Object.keys(incoming.scenarios).forEach(function (id) {
      var mine = Runway.progress.entry(current, id) || { ticks: Object.create(null) };
      Object.keys(incoming.scenarios[id].ticks).forEach(function (item) { mine.ticks[item] = true; });
      var theirs = incoming.scenarios[id].updated;
      if (theirs && (!mine.updated || theirs > mine.updated)) mine.updated = theirs;
      current.scenarios[id] = mine;
    });
    return current;
  }

  function summary(p) {
    return [Runway.count(Object.keys(p.scenarios).length, "scenario"), Runway.count(p.ticks, "tick"),
      Runway.count(p.attempts.length, "mock interview attempt"), Runway.count(p.cards, "review card")].join(", ");
  }

  function describe(p, name) {
    var lines = ["Import from " + name + ":", summary(p) + "."];
    if (p.unknownIds.length) lines.push("Ignored, not in this site: " + p.unknownIds.join(", ") + ".");
    if (p.unknownItems) lines.push("Ignored: " + Runway.count(p.unknownItems, "tick") + " for checklist items this site does not have.");
    if (p.unknownCards) lines.push("Ignored: " + Runway.count(p.unknownCards, "review card") + " this site does not have.");
    lines.push("They are added to your progress; nothing you have saved is removed. Import?");
    return lines.join("\n");
  }

  /* Save the plan; all or nothing: if the browser refuses one part, the parts already written are put back. */
  function apply(p) {
    var progress = Runway.progress.load(), attempts = Runway.attempts.load(), review = Runway.review.load();
    var seen = Object.create(null);
    attempts.forEach(function (a) { seen[a.scenario + a.at] = true; });
    var more = attempts.concat(p.attempts.filter(function (a) { return !seen[a.scenario + a.at]; }));
    var merged = Runway.review.load();
    Runway.review.merge(merged, p.review);
    var ok = Runway.attempts.save(more) && Runway.progress.save(mergeTicks(Runway.progress.load(), p)) && Runway.review.save(merged);
    if (!ok) {
      Runway.attempts.save(attempts);
      Runway.progress.save(progress);
      Runway.review.save(review);
    }
    return ok;
  }

  /* Everything saved in this browser, as one document: the export file's content. */
  function collect() {
    var data = Runway.progress.load();
    data.attempts = Runway.attempts.load();
    data.review = Runway.review.load();
    return data;
  }

  Runway.progressMerge = { known: known, plan: plan, describe: describe, summary: summary, apply: apply, collect: collect };
})();
