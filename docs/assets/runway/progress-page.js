/* The progress page: ticks and last-practised date per scenario, mock interview attempts and the weakest
   areas, a filter with an empty state, export, import (previewed, confirmed, merged by progress-merge.js)
   and reset. Each scenario row links to its guide with data-scenario and data-items (the checklist item ids). */
(function () {
  "use strict";

  function attemptsTable(root) {
    var list = Runway.attempts.load().slice().reverse();
    var box = root.querySelector(".runway-attempts");
    var weak = root.querySelector(".runway-weakest");
    box.textContent = "";
    weak.textContent = "";
    if (!list.length) {
      box.appendChild(Runway.el("p", {}, "No mock interviews yet. Try one from the Mock interview page."));
      return;
    }
    var table = Runway.el("table", { "class": "runway-attempts-table" });
    var head = Runway.el("tr");
    ["Date", "Scenario", "Time taken", "Checklist covered", "Red flags"].forEach(function (h) {
      head.appendChild(Runway.el("th", { scope: "col" }, h));
    });
    table.appendChild(Runway.el("thead")).appendChild(head);
    var body = table.appendChild(Runway.el("tbody"));
    var byArea = Object.create(null);
    list.forEach(function (a) {
      var row = Runway.el("tr");
      [a.at.slice(0, 10), a.title || a.scenario, Math.round(a.seconds / 60) + " min",
        Math.round(a.score * 100) + "%", String(a.flags || 0)].forEach(function (text) { row.appendChild(Runway.el("td", {}, text)); });
      body.appendChild(row);
      var area = a.area || "Other";
      byArea[area] = byArea[area] || { sum: 0, n: 0 };
      byArea[area].sum += a.score;
      byArea[area].n += 1;
    });
    box.appendChild(table);
    var ranked = Object.keys(byArea).sort(function (x, y) { return byArea[x].sum / byArea[x].n - byArea[y].sum / byArea[y].n; });
    var ol = Runway.el("ol");
    ranked.slice(0, 3).forEach(function (area) {
      var avg = Math.round(100 * byArea[area].sum / byArea[area].n);
      ol.appendChild(Runway.el("li", {}, area + ": " + avg + "% of the checklist on average over " + Runway.count(byArea[area].n, "attempt")));
    });
    weak.appendChild(Runway.el("p", {}, "Weakest areas, from your mock interviews:"));
    weak.appendChild(ol);
  }

  function progressPage(root) {
    var say = Runway.say, store = Runway.progress;
    var status = root.querySelector(".runway-progress-status");
    var filter = root.querySelector(".runway-filter");
    var empty = root.querySelector(".runway-empty");
    var links = Runway.all("a[data-scenario]", root);
    var merging = Runway.progressMerge, site = merging.known(root), items = site.items;
    links.forEach(function (link) {  /* name each row and its cells for styling and for the tests */
      var row = link.closest("tr");
      row.dataset.scenario = link.dataset.scenario;
      row.querySelectorAll("td")[2].classList.add("runway-ticks");
      row.querySelectorAll("td")[3].classList.add("runway-last");
    });

    function report(message, failed) {
      status.classList.toggle("runway-status-error", !!failed);
      say(status, message);
    }

    function fill() {
      var data = store.load();
      var practised = 0;
      links.forEach(function (link) {
        var row = link.closest("tr");
        var entry = store.entry(data, link.dataset.scenario);
        var known = items[link.dataset.scenario];
        var ticked = store.ticked(data, link.dataset.scenario).filter(function (i) { return known.indexOf(i) >= 0; }).length;
        row.querySelector(".runway-ticks").textContent = ticked + " / " + known.length;
        row.querySelector(".runway-last").textContent = entry && entry.updated ? entry.updated.slice(0, 10) : "–";
        row.hidden = ticked === 0 && filter.checked;
        if (ticked) practised += 1;
      });
      root.querySelector(".runway-practised").textContent = practised + " of " + links.length + " scenarios practised";
      empty.hidden = !(filter.checked && practised === 0);
      attemptsTable(root);
    }

    filter.addEventListener("change", fill);
    root.addEventListener("runway:progress", fill);  /* a transfer link was imported */
    root.querySelector(".runway-export").addEventListener("click", function () {
      Runway.download("runway-progress.json", JSON.stringify(merging.collect(), null, 2) + "\n", "application/json");
      report("Progress exported as runway-progress.json.");
    });
    root.querySelector(".runway-import").addEventListener("change", function (event) {
      var input = event.target;
      var file = input.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var data;
        try { data = JSON.parse(text); } catch (e) { data = null; }
        if (!store.isProgress(data)) {
          report("Import failed: " + file.name + " is not a Runway progress file. Nothing was changed.", true);
          return;
        }
        var p = merging.plan(data, site);
        if (!window.confirm(merging.describe(p, file.name))) { report("Import cancelled. Nothing was changed."); return; }
        if (!merging.apply(p)) {
          report("Import failed: this browser would not save it (storage full or blocked). Nothing was changed.", true);
          return;
        }
        fill();
        var note = p.unknownIds.length ? " Ignored unknown scenarios: " + p.unknownIds.join(", ") + "." : "";
        report("Imported " + Runway.count(p.ticks, "tick") + " for " + Runway.count(Object.keys(p.scenarios).length, "scenario") +
          " from " + file.name + "." + note);
      }, function () {
        report("Import failed: " + file.name + " could not be read. Nothing was changed.", true);
      }).then(function () { input.value = ""; });
    });
    root.querySelector(".runway-reset").addEventListener("click", function () {
      if (!window.confirm("Delete all ticks, mock interview attempts and the review schedule saved in this browser?")) return;
      if (store.clear() && Runway.attempts.clear() && Runway.review.clear()) report("Progress reset.");
      fill();
    });
    fill();
  }

  Runway.featureOnce(".runway-progress", progressPage);
})();
