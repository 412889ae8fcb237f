/* Checklist ticks on a scenario page, saved per scenario and item id.
   Each item carries <span class="runway-anchor" id="checklist-<item id>">. */
(function () {
  "use strict";

  function checklist(scenario) {
    var ticks = (Runway.progress.load().scenarios[scenario] || { ticks: {} }).ticks;
    Runway.all(".task-list-item > .runway-anchor[id^='checklist-']").forEach(function (anchor) {
      var item = anchor.id.slice("checklist-".length);
      var li = anchor.parentElement;
      var box = li.querySelector("input[type=checkbox]");
      if (!box) return;
      box.disabled = false;
      box.checked = ticks[item] === true;
      box.setAttribute("aria-label", li.textContent.trim());
      box.addEventListener("change", function () {
        var data = Runway.progress.load();
        var entry = data.scenarios[scenario] || { ticks: {} };
        if (box.checked) entry.ticks[item] = true; else delete entry.ticks[item];
        entry.updated = new Date().toISOString();
        data.scenarios[scenario] = entry;
        Runway.progress.save(data);
      });
    });
  }

  Runway.feature(function () {
    var bar = document.querySelector(".runway-practice[data-scenario]");
    if (bar && !bar.dataset.checklistReady) {
      bar.dataset.checklistReady = "true";
      checklist(bar.dataset.scenario);
    }
  });
})();
