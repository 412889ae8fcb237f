/* Runway practice mode: timer, reveal all, checklist ticks and progress. Plain JS, no framework.
   Progress lives in localStorage under one key, so it works from file:// and can be exported. */
(function () {
  "use strict";

  var STORE = "runway.progress";
  var REVEAL = "runway.reveal";
  var timer = null;

  function load() {
    try {
      var data = JSON.parse(localStorage.getItem(STORE) || "null");
      return isProgress(data) ? data : { version: 1, scenarios: {} };
    } catch (e) {
      return { version: 1, scenarios: {} };
    }
  }

  function save(data) {
    localStorage.setItem(STORE, JSON.stringify(data));
  }

  function isProgress(data) {
    if (!data || data.version !== 1 || typeof data.scenarios !== "object" || Array.isArray(data.scenarios)) return false;
    return Object.keys(data.scenarios).every(function (id) {
      var s = data.scenarios[id];
      return s && typeof s.ticks === "object" && !Array.isArray(s.ticks) &&
        Object.keys(s.ticks).every(function (k) { return s.ticks[k] === true; });
    });
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  function say(region, message) {
    region.textContent = "";
    window.setTimeout(function () { region.textContent = message; }, 50);
  }

  /* Reveal blocks: every collapsible details block of the article. */
  function reveals() {
    return Array.prototype.slice.call(document.querySelectorAll("article details"));
  }

  function setRevealed(open, button) {
    reveals().forEach(function (d) { d.open = open; });
    button.textContent = open ? "Hide all" : "Reveal all";
    button.setAttribute("aria-pressed", open ? "true" : "false");
    localStorage.setItem(REVEAL, open ? "all" : "none");
  }

  function format(seconds) {
    var s = Math.abs(seconds), m = Math.floor(s / 60);
    return (seconds < 0 ? "-" : "") + m + ":" + String(s % 60).padStart(2, "0");
  }

  function practiceBar(bar) {
    var total = parseInt(bar.dataset.minutes, 10) * 60;
    var left = total;
    var clock = el("span", { "class": "runway-clock", role: "timer", "aria-label": "Time left" }, format(left));
    var start = el("button", { type: "button", "class": "md-button runway-start" }, "Start timer");
    var reset = el("button", { type: "button", "class": "md-button runway-reset" }, "Reset");
    var reveal = el("button", { type: "button", "class": "md-button runway-reveal", "aria-pressed": "false" }, "Reveal all");
    var status = el("span", { "class": "runway-status", role: "status", "aria-live": "polite" });
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Practice");
    [clock, start, reset, reveal, status].forEach(function (n) { bar.appendChild(n); });

    function stop() {
      window.clearInterval(timer);
      timer = null;
      start.textContent = left === total ? "Start timer" : "Resume";
    }
    start.addEventListener("click", function () {
      if (timer) { stop(); say(status, "Paused"); return; }
      start.textContent = "Pause";
      timer = window.setInterval(function () {
        left -= 1;
        clock.textContent = format(left);
        if (left === 0) { bar.classList.add("runway-time-up"); say(status, "Time is up: wrap up your answer."); }
      }, 1000);
    });
    reset.addEventListener("click", function () {
      stop();
      left = total;
      clock.textContent = format(left);
      bar.classList.remove("runway-time-up");
      start.textContent = "Start timer";
      say(status, "Timer reset");
    });
    reveal.addEventListener("click", function () {
      setRevealed(reveal.getAttribute("aria-pressed") !== "true", reveal);
    });
    if (localStorage.getItem(REVEAL) === "all") setRevealed(true, reveal);
  }

  function checklist(scenario) {
    var boxes = document.querySelectorAll("#checklist ~ details .task-list-item input[type=checkbox]");
    var data = load();
    var ticks = (data.scenarios[scenario] || { ticks: {} }).ticks;
    Array.prototype.forEach.call(boxes, function (box) {
      var anchor = box.closest("li").querySelector(".runway-anchor");
      if (!anchor) return;
      var item = anchor.id.replace(/^checklist-/, "");
      box.disabled = false;
      box.checked = ticks[item] === true;
      box.setAttribute("aria-label", "Done: " + box.closest("li").textContent.trim());
      box.addEventListener("change", function () {
        var current = load();
        var entry = current.scenarios[scenario] || { ticks: {} };
        if (box.checked) entry.ticks[item] = true; else delete entry.ticks[item];
        entry.updated = new Date().toISOString();
        current.scenarios[scenario] = entry;
        save(current);
      });
    });
  }

  /* A link to an anchor inside a closed details block opens the block first. */
  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    for (var node = target.parentElement; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    target.scrollIntoView();
  }

  function progressPage(root) {
    var status = root.querySelector(".runway-progress-status");
    var rows = root.querySelectorAll("tr[data-scenario]");

    function fill() {
      var data = load();
      var practised = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var entry = data.scenarios[row.dataset.scenario];
        var ticked = entry ? Object.keys(entry.ticks).length : 0;
        row.querySelector(".runway-ticks").textContent = ticked + " / " + row.dataset.items;
        row.hidden = ticked === 0 && root.dataset.filter === "practised";
        if (ticked) practised += 1;
      });
      root.querySelector(".runway-practised").textContent = practised + " of " + rows.length + " scenarios practised";
    }

    root.querySelector(".runway-export").addEventListener("click", function () {
      var blob = new Blob([JSON.stringify(load(), null, 2)], { type: "application/json" });
      var link = el("a", { href: URL.createObjectURL(blob), download: "runway-progress.json" });
      document.body.appendChild(link);
      link.click();
      link.remove();
      say(status, "Progress exported as runway-progress.json.");
    });
    root.querySelector(".runway-import").addEventListener("change", function (event) {
      var file = event.target.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var data;
        try { data = JSON.parse(text); } catch (e) { data = null; }
        if (!isProgress(data)) {
          say(status, "Import failed: " + file.name + " is not a Runway progress file. Nothing was changed.");
        } else {
          save(data);
          fill();
          say(status, "Imported progress for " + Object.keys(data.scenarios).length + " scenarios.");
        }
        event.target.value = "";
      });
    });
    root.querySelector(".runway-reset").addEventListener("click", function () {
      if (!window.confirm("Delete all ticks saved in this browser?")) return;
      localStorage.removeItem(STORE);
      fill();
      say(status, "Progress reset.");
    });
    fill();
  }

  function init() {
    window.clearInterval(timer);
    timer = null;
    var bar = document.querySelector(".runway-practice[data-scenario]");
    if (bar && !bar.childElementCount) {
      practiceBar(bar);
      checklist(bar.dataset.scenario);
    }
    var progress = document.querySelector(".runway-progress");
    if (progress && !progress.dataset.ready) {
      progress.dataset.ready = "true";
      progressPage(progress);
    }
    openTarget();
  }

  window.addEventListener("hashchange", openTarget);
  /* A printed scenario is a complete card: open every hidden section first. */
  window.addEventListener("beforeprint", function () {
    reveals().forEach(function (d) { d.open = true; });
  });
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
