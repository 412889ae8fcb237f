/* Checklist ticks on a scenario page, saved per scenario and item id.
   Each item carries <span class="runway-anchor" id="checklist-<item id>">. */
(function () {
  "use strict";

  function checklist(scenario) {
    var store = Runway.progress;
    var ticks = store.ticked(store.load(), scenario);
    Runway.all(".task-list-item > .runway-anchor[id^='checklist-']").forEach(function (anchor) {
      var item = anchor.id.slice("checklist-".length);
      var li = anchor.parentElement;
      var box = li.querySelector("input[type=checkbox]");
      if (!box) return;
      box.disabled = false;
      box.checked = ticks.indexOf(item) !== -1;
      box.setAttribute("aria-label", li.textContent.trim());
      box.addEventListener("change", function () {
        store.save(store.setTick(store.load(), scenario, item, box.checked));
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
