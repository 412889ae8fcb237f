/* The progress page: ticks and last-practised date per scenario, a filter, export, import and reset.
   Each scenario row links to its guide with data-scenario and data-items on the link. */
(function () {
  "use strict";

  function progressPage(root) {
    var say = Runway.say, store = Runway.progress;
    var status = root.querySelector(".runway-progress-status");
    var filter = root.querySelector(".runway-filter");
    var links = Runway.all("a[data-scenario]", root);
    links.forEach(function (link) {  /* name each row and its cells for styling and for the tests */
      var row = link.closest("tr");
      row.dataset.scenario = link.dataset.scenario;
      row.querySelectorAll("td")[2].classList.add("runway-ticks");
      row.querySelectorAll("td")[3].classList.add("runway-last");
    });

    function fill() {
      var data = store.load();
      var practised = 0;
      links.forEach(function (link) {
        var row = link.closest("tr");
        var cells = row.querySelectorAll("td");
        var entry = store.entry(data, link.dataset.scenario);
        var ticked = store.ticked(data, link.dataset.scenario).length;
        cells[2].textContent = ticked + " / " + link.dataset.items;
        cells[3].textContent = entry && entry.updated ? entry.updated.slice(0, 10) : "–";
        row.classList.toggle("runway-practised-row", ticked > 0);
        row.hidden = ticked === 0 && filter.checked;
        if (ticked) practised += 1;
      });
      root.querySelector(".runway-practised").textContent =
        practised + " of " + links.length + " scenarios practised";
    }

    filter.addEventListener("change", fill);
    root.querySelector(".runway-export").addEventListener("click", function () {
      var blob = new Blob([JSON.stringify(store.load(), null, 2) + "\n"], { type: "application/json" });
      var url = URL.createObjectURL(blob);
      var link = Runway.el("a", { href: url, download: "runway-progress.json" });
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 0);
      say(status, "Progress exported as runway-progress.json.");
    });
    root.querySelector(".runway-import").addEventListener("change", function (event) {
      var input = event.target;
      var file = input.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var data;
        try { data = JSON.parse(text); } catch (e) { data = null; }
        if (!store.isProgress(data)) {
          say(status, "Import failed: " + file.name + " is not a Runway progress file. Nothing was changed.");
        } else if (!store.save(data)) {
          say(status, "Import failed: this browser would not save the progress. Nothing was changed.");
        } else {
          fill();
          var count = Object.keys(data.scenarios).length;
          say(status, "Imported progress for " + count + (count === 1 ? " scenario" : " scenarios") + " from " + file.name + ".");
        }
      }, function () {
        say(status, "Import failed: " + file.name + " could not be read. Nothing was changed.");
      }).then(function () { input.value = ""; });
    });
    root.querySelector(".runway-reset").addEventListener("click", function () {
      if (!window.confirm("Delete all ticks saved in this browser?")) return;
      if (store.clear()) say(status, "Progress reset.");
      fill();
    });
    fill();
  }

  Runway.feature(function () {
    var root = document.querySelector(".runway-progress");
    if (root && !root.dataset.ready) {
      root.dataset.ready = "true";
      progressPage(root);
    }
  });
})();
