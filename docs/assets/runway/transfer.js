/* Progress that moves between devices with no server: everything saved here (ticks, mock attempts, the review
   schedule) packed into the fragment of a link to the progress page, compressed with the vendored lz-string and
   shown as a QR code (the vendored qrcode-generator). Opening such a link, or pasting it, previews what it would
   add and asks before merging, with the same checks and merge as the file import (progress-merge.js). */
(function () {
  "use strict";

  var PREFIX = "#transfer=";
  var LZ = ["lz-string.min.js", "LZString"], QR = ["qrcode-generator.js", "qrcode"];

  function round(x, places) {
    var f = Math.pow(10, places);
    return Math.round(x * f) / f;
  }

  function minutes(ms) {
    return ms ? Math.round(ms / 60000) : 0;
  }

  /* The export document, made compact: ticks as item lists, review states as number arrays grouped by guide. */
  function pack(doc, LZString) {
    var compact = { v: 1, t: {}, u: {}, a: doc.attempts || [], r: {} };
    Object.keys(doc.scenarios).forEach(function (sid) {
      compact.t[sid] = Object.keys(doc.scenarios[sid].ticks).join(" ");
      if (doc.scenarios[sid].updated) compact.u[sid] = doc.scenarios[sid].updated;
    });
    var cards = doc.review ? doc.review.cards : {};
    Object.keys(cards).forEach(function (id) {
      var e = cards[id], cut = id.indexOf("/"), sid = id.slice(0, cut);
      compact.r[sid] = compact.r[sid] || {};
      compact.r[sid][id.slice(cut + 1)] = [minutes(e.due), round(e.stability, 4), round(e.difficulty, 4), e.elapsed_days,
        e.scheduled_days, e.learning_steps, e.reps, e.lapses, e.state, minutes(e.last_review)];
    });
    return LZString.compressToEncodedURIComponent(JSON.stringify(compact));
  }

  /* The export document a link carries; throws an Error saying what is wrong with it. */
  function unpack(text, LZString) {
    var json = null, compact;
    try { json = LZString.decompressFromEncodedURIComponent(text); compact = JSON.parse(json); } catch (e) { compact = undefined; }
    if (!json || compact === undefined) throw new Error("the link is damaged or cut short (copy all of it, or scan the QR code again)");
    var isObject = function (x) { return x !== null && typeof x === "object" && !Array.isArray(x); };
    if (!isObject(compact) || compact.v !== 1 || !isObject(compact.t) || !isObject(compact.r) || !Array.isArray(compact.a)) {
      throw new Error("it does not hold Runway progress");
    }
    var doc = { version: 1, scenarios: {}, attempts: compact.a, review: { version: 1, cards: {} } };
    Object.keys(compact.t).forEach(function (sid) {
      var ticks = {};
      String(compact.t[sid]).split(" ").filter(Boolean).forEach(function (item) { ticks[item] = true; });
      doc.scenarios[sid] = { ticks: ticks };
      if (isObject(compact.u) && typeof compact.u[sid] === "string") doc.scenarios[sid].updated = compact.u[sid];
    });
    Object.keys(compact.r).forEach(function (sid) {
      var keys = isObject(compact.r[sid]) ? compact.r[sid] : {};
      Object.keys(keys).forEach(function (key) {
        var a = keys[key];
        if (!Array.isArray(a) || a.length !== 10) throw new Error("its review schedule is damaged");
        doc.review.cards[sid + "/" + key] = { due: a[0] * 60000, stability: a[1], difficulty: a[2], elapsed_days: a[3],
          scheduled_days: a[4], learning_steps: a[5], reps: a[6], lapses: a[7], state: a[8], last_review: a[9] ? a[9] * 60000 : null };
      });
    });
    if (!Runway.progress.isProgress(doc) || !Runway.review.isSchedule(doc.review)) throw new Error("its contents are not valid Runway progress");
    return doc;
  }

  function pageUrl() {
    return window.location.href.split("#")[0];
  }

  /* A QR code of the link, or null when the link is longer than a QR code holds. */
  function qrImage(qrcode, link) {
    try {
      var qr = qrcode(0, "L");
      qr.addData(link);
      qr.make();
      return Runway.el("img", { src: qr.createDataURL(4, 16), alt: "QR code of the transfer link", "class": "runway-transfer-code" });
    } catch (e) {
      return null;
    }
  }

  function transfer(root) {
    var merging = Runway.progressMerge;
    var status = root.querySelector(".runway-transfer-status");
    var out = root.querySelector(".runway-transfer-out"), field = root.querySelector(".runway-transfer-link");
    var preview = root.querySelector(".runway-transfer-preview"), summary = root.querySelector(".runway-transfer-summary");
    var pending = null;

    function report(message, failed) {
      status.classList.toggle("runway-status-error", !!failed);
      Runway.say(status, message);
    }

    function forgetFragment() {
      if (window.location.hash.indexOf(PREFIX) === 0) window.history.replaceState(window.history.state, "", pageUrl());
    }

    function make() {
      Promise.all([Runway.vendor(LZ[0], LZ[1]), Runway.vendor(QR[0], QR[1])]).then(function (libs) {
        var doc = merging.collect();
        var link = pageUrl() + PREFIX + pack(doc, libs[0]);
        field.value = link;
        out.hidden = false;
        var box = root.querySelector(".runway-transfer-qr"), note = root.querySelector(".runway-transfer-note");
        box.textContent = "";
        var image = qrImage(libs[1], link), lighter = null;
        if (!image && Object.keys(doc.review.cards).length) {
          lighter = pageUrl() + PREFIX + pack({ scenarios: doc.scenarios, attempts: doc.attempts }, libs[0]);
          image = qrImage(libs[1], lighter);
        }
        if (image) box.appendChild(image);
        note.textContent = !image ? "This link is too long for a QR code (" + link.length + " characters): copy it, or use the file export."
          : lighter ? "Your review schedule makes the link too long for a QR code, so the code carries your ticks and mock " +
            "interviews only; the link above carries everything."
            : "Scan the code with the other device's camera, or send yourself the link.";
        report("Transfer link made: " + merging.summary(merging.plan(doc, merging.known(document))) + ".");
      }, function (error) { report("The transfer link could not be made: " + error.message, true); });
    }

    function open(fragment) {
      Runway.vendor(LZ[0], LZ[1]).then(function (LZString) {
        var doc = unpack(fragment, LZString);
        pending = merging.plan(doc, merging.known(document));
        summary.textContent = merging.describe(pending, "this transfer link");
        preview.hidden = false;
        preview.scrollIntoView({ block: "center" });
        root.querySelector(".runway-transfer-import").focus();
      }).catch(function (error) {
        pending = null;
        preview.hidden = true;
        forgetFragment();
        report("This transfer link could not be read: " + error.message + ". Nothing was changed.", true);
      });
    }

    function fromHash() {
      if (window.location.hash.indexOf(PREFIX) === 0) open(window.location.hash.slice(PREFIX.length));
    }

    root.querySelector(".runway-transfer-make").addEventListener("click", make);
    root.querySelector(".runway-transfer-copy").addEventListener("click", function () {
      field.select();
      var copied = navigator.clipboard ? navigator.clipboard.writeText(field.value) : Promise.reject(new Error("no clipboard"));
      copied.then(function () { report("Link copied."); }, function () { report("Select the link and copy it."); });
    });
    root.querySelector(".runway-transfer-open").addEventListener("click", function () {
      var text = root.querySelector(".runway-transfer-paste").value.trim();
      var at = text.indexOf(PREFIX);
      open(at >= 0 ? text.slice(at + PREFIX.length) : text);
    });
    root.querySelector(".runway-transfer-import").addEventListener("click", function () {
      if (!pending) return;
      var p = pending;
      pending = null;
      preview.hidden = true;
      forgetFragment();
      if (!merging.apply(p)) {
        report("Import failed: this browser would not save it (storage full or blocked). Nothing was changed.", true);
        return;
      }
      report("Imported from the transfer link: " + merging.summary(p) + ". Nothing you had saved was removed.");
      root.closest(".runway-progress").dispatchEvent(new CustomEvent("runway:progress"));
    });
    root.querySelector(".runway-transfer-cancel").addEventListener("click", function () {
      pending = null;
      preview.hidden = true;
      forgetFragment();
      report("Import cancelled. Nothing was changed.");
    });
    window.addEventListener("hashchange", function () { if (document.body.contains(root)) fromHash(); });
    fromHash();
  }

  Runway.featureOnce(".runway-transfer", transfer);
})();
