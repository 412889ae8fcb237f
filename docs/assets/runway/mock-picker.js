/* The mock interview page: filters by area, level and "not practised yet", then "Surprise me" opens a random match
   in mock mode (its URL with #mock). The filters are built here from the table's rows: each row's link carries
   the scenario's id, area and levels. */
(function () {
  "use strict";

  function practised(id) {
    var ticked = Runway.progress.ticked(Runway.progress.load(), id).length > 0;
    return ticked || Runway.attempts.load().some(function (a) { return a.scenario === id; });
  }

  function select(label, cls, options) {
    var wrap = Runway.el("label", {}, label + " ");
    var box = Runway.el("select", { "class": cls });
    options.forEach(function (o) { box.appendChild(Runway.el("option", { value: o[0] }, o[1])); });
    wrap.appendChild(box);
    return wrap;
  }

  function picker(root) {
    var links = Runway.all("a[data-scenario]", root);
    var areas = [["", "Any area"]], levels = [["", "Any level"]], seen = Object.create(null);
    links.forEach(function (link) {  /* the filters' choices, in the order the site lists them */
      link.href = link.href.split("#")[0] + "#mock";
      if (!seen["area:" + link.dataset.area]) {
        seen["area:" + link.dataset.area] = true;
        areas.push([link.dataset.area, link.closest("tr").querySelectorAll("td")[2].textContent.trim()]);
      }
      link.dataset.levels.split(" ").forEach(function (key) {
        if (seen["level:" + key]) return;
        seen["level:" + key] = true;
        levels.push([key, key.charAt(0).toUpperCase() + key.slice(1)]);
      });
    });
    var filters = root.querySelector(".runway-mock-filters");
    var form = Runway.el("form", { "aria-label": "Choose a scenario" });
    var areaLabel = select("Area", "runway-mock-area", areas);
    var levelLabel = select("Level", "runway-mock-level", levels);
    var freshLabel = Runway.el("label");
    var fresh = Runway.el("input", { type: "checkbox", "class": "runway-mock-fresh" });
    freshLabel.appendChild(fresh);
    freshLabel.appendChild(document.createTextNode(" Not practised yet"));
    var surprise = Runway.el("button", { type: "button", "class": "md-button md-button--primary" }, "Surprise me");
    [areaLabel, levelLabel, freshLabel, surprise].forEach(function (n) { form.appendChild(n); });
    filters.appendChild(form);
    var area = areaLabel.querySelector("select"), level = levelLabel.querySelector("select");
    var status = root.querySelector(".runway-mock-status");

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
        Runway.say(status, Runway.count(matches().length, "scenario") + " match.");
      });
    });
    surprise.addEventListener("click", function () {
      var found = matches();
      if (!found.length) { Runway.say(status, "No scenario matches these filters: widen them and try again."); return; }
      found[Math.floor(Math.random() * found.length)].click();
    });
  }

  Runway.featureOnce(".runway-mock-picker", picker);
})();
