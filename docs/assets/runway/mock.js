/* Mock interview mode on a scenario page: only the question shows, the timer runs, follow-ups arrive one at a
   time (at set points or on request, optionally read aloud), then the reader scores the attempt against the
   guide's own checklist, level signals and red flags, and the attempt is saved. Started by the practice bar's
   button or by opening the page at #mock (the mock interview page links there). */
(function () {
  "use strict";

  var el, say;

  function texts(selector) {
    return Runway.all(selector).map(function (node) { return node.textContent.trim(); });
  }

  /* What the page itself says: follow-up questions, checklist items, signals per level, red flags. */
  function guide() {
    var signals = Runway.all("#signals + details strong").map(function (strong) {
      var list = strong.closest("p").nextElementSibling;
      var lines = list ? Array.prototype.map.call(list.querySelectorAll("li"), function (li) { return li.textContent.trim(); }) : [];
      return { level: strong.textContent.trim(), lines: lines };
    });
    return {
      followUps: Runway.all("#follow-ups + ol > li").map(function (li) {
        var p = li.querySelector("p");
        return (p || li).textContent.trim();
      }),
      checklist: Runway.all("#checklist + details .runway-anchor[id^='checklist-']").map(function (anchor) {
        return { id: anchor.id.slice("checklist-".length), text: anchor.parentElement.textContent.trim() };
      }),
      signals: signals,
      flags: texts("#red-flags + details li")
    };
  }

  function radios(name, choices) {
    var group = el("span", { "class": "runway-choice", role: "radiogroup" });
    choices.forEach(function (choice, i) {
      var label = el("label");
      var input = el("input", { type: "radio", name: name, value: String(choice[0]) });
      if (i === choices.length - 1) input.checked = true;
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + choice[1]));
      group.appendChild(label);
    });
    return group;
  }

  function checkbox(name, text) {
    var label = el("label", { "class": "runway-check" });
    var input = el("input", { type: "checkbox", name: name });
    label.appendChild(input);
    label.appendChild(document.createTextNode(" " + text));
    return label;
  }

  function scoreForm(g, onSave) {
    var form = el("form", { "class": "runway-score", "aria-label": "Score your answer" });
    form.appendChild(el("h3", {}, "Score your answer against the guide"));
    form.appendChild(el("p", {}, "For each checklist item: did your answer cover it?"));
    var list = el("ol");
    g.checklist.forEach(function (item) {
      var li = el("li", {}, item.text + " ");
      li.appendChild(radios("ck-" + item.id, [[2, "covered"], [1, "partly"], [0, "missed"]]));
      list.appendChild(li);
    });
    form.appendChild(list);
    g.signals.forEach(function (level, n) {
      form.appendChild(el("p", {}, level.level + ": which of these did your answer show?"));
      var ul = el("ul");
      level.lines.forEach(function (line, i) {
        var li = el("li");
        li.appendChild(checkbox("sig-" + n + "-" + i, line));
        ul.appendChild(li);
      });
      form.appendChild(ul);
    });
    form.appendChild(el("p", {}, "Red flags: tick any your answer showed."));
    var flags = el("ul");
    g.flags.forEach(function (flag, i) {
      var li = el("li");
      li.appendChild(checkbox("flag-" + i, flag));
      flags.appendChild(li);
    });
    form.appendChild(flags);
    var save = el("button", { type: "submit", "class": "md-button md-button--primary" }, "Save this attempt");
    form.appendChild(save);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var covered = {}, points = 0;
      g.checklist.forEach(function (item) {
        var value = parseInt(form.querySelector("input[name='ck-" + item.id + "']:checked").value, 10);
        covered[item.id] = value;
        points += value;
      });
      var shown = g.signals.map(function (level, n) {
        return { level: level.level, shown: level.lines.filter(function (_, i) {
          return form.querySelector("input[name='sig-" + n + "-" + i + "']").checked;
        }).length, of: level.lines.length };
      });
      var flagged = g.flags.filter(function (_, i) { return form.querySelector("input[name='flag-" + i + "']").checked; });
      onSave({ covered: covered, score: g.checklist.length ? points / (2 * g.checklist.length) : 0, signals: shown, flags: flagged.length });
    });
    return form;
  }

  function start() {
    var bar = document.querySelector(".runway-practice[data-scenario]");
    if (!bar || !Runway.practice || document.body.classList.contains("runway-mock-on")) return;
    el = Runway.el; say = Runway.say;
    var g = guide(), asked = 0, began = Date.now();
    var speech = "speechSynthesis" in window;
    var panel = el("section", { "class": "runway-mock", "aria-label": "Mock interview" });
    var heading = el("h2", { "class": "runway-mock-title", tabindex: "-1" }, "Mock interview");
    var intro = el("p", {}, "Answer out loud. The interviewer's follow-ups arrive below as the clock runs down.");
    var questions = el("ol", { "class": "runway-mock-questions", "aria-live": "polite" });
    var next = el("button", { type: "button", "class": "md-button" }, "Ask the next follow-up");
    var aloud = checkbox("aloud", "Read follow-ups aloud");
    aloud.querySelector("input").disabled = !speech;
    var finish = el("button", { type: "button", "class": "md-button md-button--primary" }, "Finish and score");
    var cancel = el("button", { type: "button", "class": "md-button" }, "Leave mock mode");
    var status = el("p", { "class": "runway-mock-status", role: "status", "aria-live": "polite" });
    [heading, intro, questions, next, aloud, finish, cancel, status].forEach(function (n) { panel.appendChild(n); });
    bar.insertAdjacentElement("afterend", panel);
    document.body.classList.add("runway-mock-on");
    Runway.practice.hideAll();

    function ask() {
      if (asked >= g.followUps.length) { say(status, "No more follow-ups: finish when you are ready."); return; }
      var text = g.followUps[asked];
      asked += 1;
      questions.appendChild(el("li", {}, text));
      next.textContent = asked < g.followUps.length ? "Ask the next follow-up" : "No more follow-ups";
      if (speech && aloud.querySelector("input").checked) {
        window.speechSynthesis.cancel();
        window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
      }
    }
    /* Follow-ups arrive at evenly spaced points between 40% and 90% of the drill. */
    function onTick(event) {
      var due = g.followUps.length ? Math.floor((event.detail.elapsed / event.detail.total - 0.4) / (0.5 / g.followUps.length)) + 1 : 0;
      while (asked < Math.min(due, g.followUps.length)) ask();
    }
    function leave() {
      document.removeEventListener("runway:tick", onTick);
      document.body.classList.remove("runway-mock-on");
      if (speech) window.speechSynthesis.cancel();
      Runway.practice.stop();
    }
    document.addEventListener("runway:tick", onTick);
    next.addEventListener("click", ask);
    cancel.addEventListener("click", function () { leave(); panel.remove(); });
    finish.addEventListener("click", function () {
      leave();
      [intro, questions, next, aloud, finish, cancel].forEach(function (n) { n.remove(); });
      var seconds = Math.max(Runway.practice.elapsed(), Math.round((Date.now() - began) / 1000));
      panel.insertBefore(scoreForm(g, function (result) {
        var area = document.querySelector(".admonition.info a[href*='areas/']");
        var attempt = {
          scenario: bar.dataset.scenario, title: Runway.headingText(document.querySelector("article h1")),
          area: area ? area.textContent.trim() : "", at: new Date().toISOString(), seconds: seconds,
          followUps: asked, score: result.score, covered: result.covered, signals: result.signals, flags: result.flags
        };
        var saved = Runway.attempts.add(attempt);
        panel.querySelector(".runway-score").remove();
        var summary = "Checklist " + Math.round(result.score * 100) + "% covered in " + Math.round(seconds / 60) +
          " min, " + result.flags + " red flag" + (result.flags === 1 ? "" : "s") + ". ";
        say(status, saved ? "Attempt saved: " + summary + "The full guide is open below; your attempts are on Your progress."
          : "Not saved (this browser refused storage): " + summary);
        Runway.reveals().forEach(function (d) { d.open = true; });
      }), status);
      heading.focus();
    });
    heading.focus();
    Runway.practice.run();
  }

  Runway.mock = { start: start };
  Runway.feature(function () {
    if (window.location.hash === "#mock") start();
  });
})();
