/* Runway practice mode: timer, reveal all, checklist ticks and progress. Plain JS, no framework.
   Progress lives in localStorage under one key, so it works from file:// and can be exported. */
(function () {
  "use strict";

  var STORE = "runway.progress";
  var REVEAL = "runway.reveal";
  var timer = null;

  function empty() {
    return { version: 1, scenarios: {} };
  }

  function load() {
    try {
      var data = JSON.parse(localStorage.getItem(STORE) || "null");
      return isProgress(data) ? data : empty();
    } catch (e) {
      return empty();
    }
  }

  function save(data) {
    localStorage.setItem(STORE, JSON.stringify(data));
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* A progress file: {"version": 1, "scenarios": {"<id>": {"ticks": {"<item id>": true}}}}. */
  function isProgress(data) {
    if (!isObject(data) || data.version !== 1 || !isObject(data.scenarios)) return false;
    return Object.keys(data.scenarios).every(function (id) {
      var s = data.scenarios[id];
      return isObject(s) && isObject(s.ticks) &&
        Object.keys(s.ticks).every(function (k) { return s.ticks[k] === true; });
    });
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  /* Announce in a live region: clear first so the same message is read again. */
  function say(region, message) {
    region.textContent = "";
    window.setTimeout(function () { region.textContent = message; }, 50);
  }

  function each(selector, fn) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), fn);
  }

  /* Reveal blocks: every collapsible details block of the article. */
  function reveals() {
    return Array.prototype.slice.call(document.querySelectorAll("article details"));
  }

  function setRevealed(open, button) {
    reveals().forEach(function (d) { d.open = open; });
    button.textContent = open ? "Hide all" : "Reveal all";
    button.dataset.open = open ? "true" : "false";
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
    var reset = el("button", { type: "button", "class": "md-button runway-timer-reset" }, "Reset timer");
    var reveal = el("button", { type: "button", "class": "md-button runway-reveal", "data-open": "false" }, "Reveal all");
    var status = el("span", { "class": "runway-status", role: "status", "aria-live": "polite" });
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Practice");
    [clock, start, reset, reveal, status].forEach(function (n) { bar.appendChild(n); });

    function stop() {
      window.clearInterval(timer);
      timer = null;
      start.textContent = left === total ? "Start timer" : "Resume timer";
    }
    start.addEventListener("click", function () {
      if (timer) { stop(); say(status, "Paused"); return; }
      start.textContent = "Pause timer";
      say(status, "Running");
      timer = window.setInterval(function () {
        left -= 1;
        clock.textContent = format(left);
        if (left === 0) {
          bar.classList.add("runway-time-up");
          say(status, "Time is up: wrap up your answer.");
        }
      }, 1000);
    });
    reset.addEventListener("click", function () {
      left = total;
      stop();
      clock.textContent = format(left);
      bar.classList.remove("runway-time-up");
      say(status, "Timer reset");
    });
    reveal.addEventListener("click", function () {
      setRevealed(reveal.dataset.open !== "true", reveal);
    });
    if (localStorage.getItem(REVEAL) === "all") setRevealed(true, reveal);
  }

  /* Each checklist item carries <span class="runway-anchor" id="checklist-<item id>">. */
  function checklist(scenario) {
    var ticks = (load().scenarios[scenario] || { ticks: {} }).ticks;
    each(".task-list-item > .runway-anchor[id^='checklist-']", function (anchor) {
      var item = anchor.id.slice("checklist-".length);
      var li = anchor.parentElement;
      var box = li.querySelector("input[type=checkbox]");
      if (!box) return;
      box.disabled = false;
      box.checked = ticks[item] === true;
      box.setAttribute("aria-label", li.textContent.trim());
      box.addEventListener("change", function () {
        var data = load();
        var entry = data.scenarios[scenario] || { ticks: {} };
        if (box.checked) entry.ticks[item] = true; else delete entry.ticks[item];
        entry.updated = new Date().toISOString();
        data.scenarios[scenario] = entry;
        save(data);
      });
    });
  }

  /* A link to an anchor inside a closed details block opens the block, then scrolls to the anchor. */
  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    var closed = false;
    for (var node = target.parentElement; node; node = node.parentElement) {
      if (node.tagName === "DETAILS" && !node.open) { node.open = true; closed = true; }
    }
    if (closed) target.scrollIntoView();
  }

  function progressPage(root) {
    var status = root.querySelector(".runway-progress-status");
    var filter = root.querySelector(".runway-filter");
    var rows = root.querySelectorAll("tr[data-scenario]");

    function fill() {
      var data = load();
      var practised = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var entry = data.scenarios[row.dataset.scenario];
        var ticked = entry ? Object.keys(entry.ticks).length : 0;
        row.querySelector(".runway-ticks").textContent = ticked + " / " + row.dataset.items;
        row.classList.toggle("runway-practised-row", ticked > 0);
        row.hidden = ticked === 0 && filter.checked;
        if (ticked) practised += 1;
      });
      root.querySelector(".runway-practised").textContent =
        practised + " of " + rows.length + " scenarios practised";
    }

    filter.addEventListener("change", fill);
    root.querySelector(".runway-export").addEventListener("click", function () {
      var blob = new Blob([JSON.stringify(load(), null, 2) + "\n"], { type: "application/json" });
      var link = el("a", { href: URL.createObjectURL(blob), download: "runway-progress.json" });
      document.body.appendChild(link);
      link.click();
      link.remove();
      say(status, "Progress exported as runway-progress.json.");
    });
    root.querySelector(".runway-import").addEventListener("change", function (event) {
      var input = event.target;
      var file = input.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var data;
        try { data = JSON.parse(text); } catch (e) { data = null; }
        if (!isProgress(data)) {
          say(status, "Import failed: " + file.name + " is not a Runway progress file. Nothing was changed.");
        } else {
          save(data);
          fill();
          var count = Object.keys(data.scenarios).length;
          say(status, "Imported progress for " + count + (count === 1 ? " scenario" : " scenarios") + " from " + file.name + ".");
        }
        input.value = "";
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

  /* A printed scenario is a complete card: open every hidden section, close them again afterwards. */
  var printed = [];
  window.addEventListener("beforeprint", function () {
    printed = reveals().filter(function (d) { return !d.open; });
    printed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    printed.forEach(function (d) { d.open = false; });
    printed = [];
  });

  function whenReady(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  /* Material's document$ emits on the first load and after every instant navigation. From file://
     Material skips instant navigation and document$ completes without emitting: start on DOMContentLoaded. */
  var emitted = false;
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe({
      next: function () { emitted = true; init(); },
      complete: function () { if (!emitted) whenReady(init); }
    });
  } else {
    whenReady(init);
  }
})();
