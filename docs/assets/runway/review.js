/* The review page: the cards due now (then up to a day's new cards), front first, the back on request, and a
   grade that FSRS (the vendored ts-fsrs) turns into the card's next date. The area and guide filters narrow
   the queue; the schedule lives in Runway.review. Home page: how many cards are due today. */
(function () {
  "use strict";

  var GRADES = [["Again", 1], ["Hard", 2], ["Good", 3], ["Easy", 4]];
  var KINDS = { "checklist": "Checklist item", "red-flag": "Red flag", "follow-up": "Follow-up question", "signal": "Level signal" };

  function when(date, now) {
    var minutes = Math.round((date.getTime() - now.getTime()) / 60000);
    if (minutes < 60) return "in " + Runway.count(Math.max(minutes, 1), "minute");
    if (minutes < 24 * 60) return "in " + Runway.count(Math.round(minutes / 60), "hour");
    return "in " + Runway.count(Math.round(minutes / 1440), "day");
  }

  function reviewPage(root, FSRS) {
    var cards = JSON.parse(document.getElementById("runway-cards").dataset.json);
    var perDay = Number(root.dataset.newPerDay) || 20;
    var scheduler = FSRS.fsrs(FSRS.generatorParameters({ enable_fuzz: true }));
    var area = root.querySelector(".runway-review-area"), guide = root.querySelector(".runway-review-guide");
    var counts = root.querySelector(".runway-review-counts"), done = root.querySelector(".runway-review-done");
    var box = root.querySelector(".runway-review-card"), back = root.querySelector(".runway-review-back");
    var show = root.querySelector(".runway-review-show"), grades = root.querySelector(".runway-review-grades");
    var current = null;

    function chosen() {
      return cards.filter(function (c) {
        return (!area.value || c.area === area.value) && (!guide.value || c.guide === guide.value);
      });
    }

    /* Due cards first (earliest first), then new cards while today's allowance lasts. */
    function queue(data, now) {
      var due = [], fresh = [];
      chosen().forEach(function (c) {
        var entry = data.cards[c.id];
        if (entry && entry.due <= now.getTime()) due.push(c);
        else if (!entry) fresh.push(c);
      });
      due.sort(function (x, y) { return data.cards[x.id].due - data.cards[y.id].due; });
      var allowance = Math.max(perDay - Runway.review.freshToday(data, now), 0);
      return { due: due, fresh: fresh.slice(0, allowance), unseen: fresh.length };
    }

    function next() {
      var data = Runway.review.load(), now = new Date(), q = queue(data, now);
      counts.textContent = Runway.count(q.due.length, "card") + " due now, " + q.fresh.length + " new for today (" +
        q.unseen + " not yet seen in this choice).";
      current = q.due[0] || q.fresh[0] || null;
      box.hidden = !current;
      done.hidden = !!current;
      if (!current) {
        var later = chosen().map(function (c) { return data.cards[c.id]; }).filter(Boolean)
          .map(function (e) { return e.due; }).sort(function (x, y) { return x - y; })[0];
        done.textContent = "Nothing left to review here for now." +
          (later ? " The next card is due " + when(new Date(later), now) + "." : "");
        return;
      }
      box.dataset.card = current.id;
      box.querySelector(".runway-review-kind").textContent = KINDS[current.kind] || current.kind;
      box.querySelector(".runway-review-front").textContent = current.front;
      box.querySelector(".runway-review-answer").textContent = current.back;
      box.querySelector(".runway-review-link").href = Runway.siteUrl(current.url);
      back.hidden = true;
      show.hidden = false;
      grades.textContent = "";
    }

    function reveal() {
      var data = Runway.review.load(), now = new Date();
      var entry = data.cards[current.id];
      var card = entry ? Runway.review.toCard(entry) : FSRS.createEmptyCard(now);
      var preview = scheduler.repeat(card, now);
      GRADES.forEach(function (g) {
        var button = Runway.el("button", { type: "button", "class": "md-button runway-review-grade", "data-grade": String(g[1]) },
          g[0] + " · " + when(preview[g[1]].card.due, now));
        button.addEventListener("click", function () { grade(g[1]); });
        grades.appendChild(button);
      });
      show.hidden = true;
      back.hidden = false;
      grades.querySelector("[data-grade='3']").focus();
    }

    function grade(rating) {
      var data = Runway.review.load(), now = new Date();
      var entry = data.cards[current.id];
      if (!entry) {
        var day = Runway.review.today(now);
        data.fresh = { day: day, count: Runway.review.freshToday(data, now) + 1 };
      }
      var card = entry ? Runway.review.toCard(entry) : FSRS.createEmptyCard(now);
      data.cards[current.id] = Runway.review.fromCard(scheduler.next(card, now, rating).card);
      if (!Runway.review.save(data)) counts.textContent = "This browser did not save the schedule.";
      next();
    }

    /* Choosing an area keeps only its guides in the guide list. */
    area.addEventListener("change", function () {
      Array.prototype.forEach.call(guide.options, function (o) { o.hidden = !!(o.value && area.value && o.dataset.area !== area.value); });
      if (guide.selectedOptions[0] && guide.selectedOptions[0].hidden) guide.value = "";
      next();
    });
    guide.addEventListener("change", next);
    show.addEventListener("click", reveal);
    next();
  }

  function duePanel(root) {
    var data = Runway.review.load(), now = new Date();
    var total = Number(root.dataset.cards), perDay = Number(root.dataset.newPerDay);
    var unseen = Math.max(total - Object.keys(data.cards).length, 0);
    var fresh = Math.min(Math.max(perDay - Runway.review.freshToday(data, now), 0), unseen);
    var due = Runway.review.dueToday(data, now);
    root.querySelector(".runway-due-text").textContent = Object.keys(data.cards).length
      ? Runway.count(due, "card") + " due today, and " + fresh + " new. "
      : total + " cards from the guides, " + perDay + " new ones a day. ";
    root.dataset.due = String(due);
  }

  Runway.feature(function () {
    var home = document.querySelector(".runway-due");
    if (home) duePanel(home);
  });
  Runway.featureOnce(".runway-review", function (root) {
    Runway.vendor("ts-fsrs.umd.js", "FSRS").then(function (FSRS) { reviewPage(root, FSRS); }, function (error) {
      root.querySelector(".runway-review-counts").textContent = "The scheduler could not be loaded: " + error.message;
    });
  });
})();
