/* The practice bar under a scenario's question: a countdown timer and the reveal-all switch. */
(function () {
  "use strict";

  var REVEAL = "runway.reveal";
  var timer = null;

  /* Reveal blocks: every collapsible details block of the article. */
  function reveals() {
    return Runway.all("article details");
  }

  function setRevealed(open, button) {
    reveals().forEach(function (d) { d.open = open; });
    button.textContent = open ? "Hide all" : "Reveal all";
    button.dataset.open = open ? "true" : "false";
    Runway.storage.set(REVEAL, open ? "all" : "none");
  }

  function format(seconds) {
    var s = Math.abs(seconds), m = Math.floor(s / 60);
    return (seconds < 0 ? "-" : "") + m + ":" + String(s % 60).padStart(2, "0");
  }

  function practiceBar(bar) {
    var el = Runway.el, say = Runway.say;
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
    if (Runway.storage.get(REVEAL) === "all") setRevealed(true, reveal);
  }

  Runway.feature(function () {
    window.clearInterval(timer);
    timer = null;
    var bar = document.querySelector(".runway-practice[data-scenario]");
    if (bar && !bar.childElementCount) practiceBar(bar);
  });
  Runway.reveals = reveals;
})();
