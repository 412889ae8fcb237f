/* The practice bar under a scenario's question: practice mode, reveal controls and a drill timer.
   In practice mode every answer starts collapsed; reading mode opens them all. Reveal-all is remembered
   per guide, never carried to the next one. The bar stays in view under the header (CSS: sticky). */
(function () {
  "use strict";

  var MODE = "runway.practice";     /* "off" = reading mode; anything else = practice mode */
  var REVEALED = "runway.revealed"; /* {"<scenario id>": true} for guides the reader revealed in full */
  var DRILLS = [2, 5, 10];          /* drill lengths in minutes, besides the guide's own time */
  var timer = null;

  function reveals() {
    return Runway.all("article details");
  }

  /* Every hidden block's label says what clicking does: "Reveal: X" when closed, "Hide: X" when open. */
  function label(details) {
    var summary = details.querySelector("summary");
    if (!summary) return;
    summary.textContent = summary.textContent.replace(/^(Reveal|Hide): /, details.open ? "Hide: " : "Reveal: ");
  }

  function revealedGuides() {
    var stored = Runway.storage.getJSON(REVEALED, {});
    return stored && typeof stored === "object" && !Array.isArray(stored) ? stored : {};
  }

  function setRevealed(open, scenario, remember) {
    reveals().forEach(function (d) { d.open = open; label(d); });
    if (!remember) return;
    var guides = revealedGuides();
    if (open) guides[scenario] = true; else delete guides[scenario];
    Runway.storage.setJSON(REVEALED, guides);
  }

  function format(seconds) {
    var s = Math.abs(seconds), m = Math.floor(s / 60);
    return (seconds < 0 ? "-" : "") + m + ":" + String(s % 60).padStart(2, "0");
  }

  function button(cls, text) {
    return Runway.el("button", { type: "button", "class": "md-button " + cls }, text);
  }

  function practiceBar(bar) {
    var el = Runway.el, say = Runway.say, scenario = bar.dataset.scenario;
    var full = parseInt(bar.dataset.minutes, 10);
    var total = full * 60, left = total;
    var clock = el("span", { "class": "runway-clock", role: "timer", "aria-label": "Time left" }, format(left));
    var drill = el("select", { "class": "runway-drill", "aria-label": "Drill length" });
    DRILLS.filter(function (m) { return m < full; }).concat([full]).forEach(function (m) {
      var option = el("option", { value: String(m) }, m === full ? m + " min (full)" : m + " min drill");
      option.selected = m === full;
      drill.appendChild(option);
    });
    var start = button("runway-start", "Start timer");
    var reset = button("runway-timer-reset", "Reset timer");
    var reveal = button("runway-reveal", "Reveal all");
    var mode = el("label", { "class": "runway-mode" });
    var modeBox = el("input", { type: "checkbox", "class": "runway-mode-box" });
    mode.appendChild(modeBox);
    mode.appendChild(document.createTextNode(" Practice mode"));
    var mock = button("runway-mock-start", "Mock interview");
    var status = el("span", { "class": "runway-status", role: "status", "aria-live": "polite" });
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Practice");
    [clock, drill, start, reset, reveal, mode, mock, status].forEach(function (n) { bar.appendChild(n); });

    function tick() {
      document.dispatchEvent(new CustomEvent("runway:tick", { detail: { elapsed: total - left, total: total } }));
    }
    function stop() {
      window.clearInterval(timer);
      timer = null;
      start.textContent = left === total ? "Start timer" : "Resume timer";
    }
    function run() {
      if (timer) return;
      start.textContent = "Pause timer";
      say(status, "Running");
      timer = window.setInterval(function () {
        left -= 1;
        clock.textContent = format(left);
        tick();
        if (left === 0) {
          bar.classList.add("runway-time-up");
          say(status, "Time is up: wrap up your answer.");
        }
      }, 1000);
    }
    function resetTo(minutes) {
      total = minutes * 60;
      left = total;
      stop();
      clock.textContent = format(left);
      bar.classList.remove("runway-time-up");
    }
    start.addEventListener("click", function () {
      if (timer) { stop(); say(status, "Paused"); } else run();
    });
    reset.addEventListener("click", function () { resetTo(parseInt(drill.value, 10)); say(status, "Timer reset"); });
    drill.addEventListener("change", function () {
      resetTo(parseInt(drill.value, 10));
      say(status, "Timer set to " + drill.value + " minutes");
    });
    reveal.addEventListener("click", function () {
      var open = reveal.dataset.open !== "true";
      setRevealed(open, scenario, true);
      reveal.dataset.open = open ? "true" : "false";
      reveal.textContent = open ? "Hide all" : "Reveal all";
    });
    modeBox.addEventListener("change", function () {
      Runway.storage.set(MODE, modeBox.checked ? "on" : "off");
      setRevealed(!modeBox.checked, scenario, false);
      say(status, modeBox.checked ? "Practice mode: answers start hidden" : "Reading mode: every section is open");
    });
    mock.addEventListener("click", function () { if (Runway.mock) Runway.mock.start(); });

    Runway.practice = {
      run: run,
      stop: stop,
      minutes: function () { return parseInt(drill.value, 10); },
      elapsed: function () { return total - left; },
      hideAll: function () { setRevealed(false, scenario, false); }
    };
    modeBox.checked = Runway.storage.get(MODE) !== "off";
    var open = !modeBox.checked || revealedGuides()[scenario] === true;
    if (open) setRevealed(true, scenario, false);
    reveal.dataset.open = open ? "true" : "false";
    reveal.textContent = open ? "Hide all" : "Reveal all";
  }

  document.addEventListener("toggle", function (event) {
    if (event.target.tagName === "DETAILS") label(event.target);
  }, true);

  Runway.feature(function () {
    window.clearInterval(timer);
    timer = null;
    Runway.practice = null;
    var bar = document.querySelector(".runway-practice[data-scenario]");
    if (bar && !bar.childElementCount) practiceBar(bar);
  });
  Runway.reveals = reveals;
})();
