/* The mock interview page: filter the scenarios by area, level and "not practised yet", then "Surprise me"
   opens a random match in mock mode (its URL with #mock). Each row's link carries the scenario's data. */
(function () {
  "use strict";

  function practised(id) {
    var entry = Runway.progress.load().scenarios[id];
    var ticked = entry && Object.keys(entry.ticks).length > 0;
    return ticked || Runway.attempts.load().some(function (a) { return a.scenario === id; });
  }

  function picker(root) {
    var area = root.querySelector(".runway-mock-area");
    var level = root.querySelector(".runway-mock-level");
    var fresh = root.querySelector(".runway-mock-fresh");
    var status = root.querySelector(".runway-mock-status");
    var links = Runway.all("a[data-scenario]", root);
    var areas = {};
    links.forEach(function (link) {
      link.href = link.href.split("#")[0] + "#mock";
      var name = link.closest("tr").querySelectorAll("td")[2].textContent.trim();
      if (!areas[link.dataset.area]) {
        areas[link.dataset.area] = true;
        area.appendChild(Runway.el("option", { value: link.dataset.area }, name));
      }
    });

    function matches() {
      return links.filter(function (link) {
        var ok = (!area.value || link.dataset.area === area.value) &&
          (!level.value || link.dataset.levels.split(" ").indexOf(level.value) >= 0) &&
          (!fresh.checked || !practised(link.dataset.scenario));
        link.closest("tr").hidden = !ok;
        return ok;
      });
    }
    [area, level, fresh].forEach(function (control) {
      control.addEventListener("change", function () {
        var n = matches().length;
        Runway.say(status, n + (n === 1 ? " scenario matches." : " scenarios match."));
      });
    });
    root.querySelector(".runway-mock-surprise").addEventListener("click", function () {
      var found = matches();
      if (!found.length) { Runway.say(status, "No scenario matches these filters: widen them and try again."); return; }
      found[Math.floor(Math.random() * found.length)].click();
    });
  }

  Runway.feature(function () {
    var root = document.querySelector(".runway-mock-picker");
    if (root && !root.dataset.ready) {
      root.dataset.ready = "true";
      picker(root);
    }
  });
})();
