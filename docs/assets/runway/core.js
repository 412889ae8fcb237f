/* Runway's shared helpers: guarded storage, small DOM helpers and the list of page features.
   Each feature file adds itself with Runway.feature(fn); boot.js runs them on every page load. */
(function () {
  "use strict";

  var features = [];
  var warned = false;

  /* Tell the reader once, in the page, that the browser refused to store something. */
  function storageFailed(error) {
    if (warned) return;
    warned = true;
    var note = document.createElement("p");
    note.className = "runway-storage-warning admonition warning";
    note.setAttribute("role", "alert");
    note.textContent = "This browser did not let Runway save your practice (" + (error && error.name || "storage error") +
      "). Ticks and settings made now will be lost when you leave; export your progress to keep it.";
    var article = document.querySelector("article") || document.body;
    article.insertBefore(note, article.firstChild);
  }

  /* localStorage access that never throws: private modes, disabled storage and full quotas are reported instead. */
  var storage = {
    get: function (key) {
      try { return window.localStorage.getItem(key); } catch (e) { storageFailed(e); return null; }
    },
    set: function (key, value) {
      try { window.localStorage.setItem(key, value); return true; } catch (e) { storageFailed(e); return false; }
    },
    remove: function (key) {
      try { window.localStorage.removeItem(key); return true; } catch (e) { storageFailed(e); return false; }
    },
    /* A stored JSON value, or `fallback` when it is missing or unreadable. */
    getJSON: function (key, fallback) {
      try { var value = JSON.parse(storage.get(key)); return value === null ? fallback : value; } catch (e) { return fallback; }
    },
    setJSON: function (key, value) { return storage.set(key, JSON.stringify(value)); }
  };

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

  /* Offer `text` as a file download, and release the object URL afterwards. */
  function download(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = el("a", { href: url, download: name });
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 0);
  }

  /* "1 tick", "2 ticks". */
  function count(n, noun) {
    return n + " " + noun + (n === 1 ? "" : "s");
  }

  /* A heading's text without its permalink sign. */
  function headingText(heading) {
    var copy = heading.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".headerlink"), function (link) { link.remove(); });
    return copy.textContent.trim();
  }

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  /* The scenario id of this page, from its practice bar, or "" on other pages. */
  function scenarioId() {
    var bar = document.querySelector(".runway-practice[data-scenario]");
    return bar ? bar.dataset.scenario : "";
  }

  window.Runway = {
    storage: storage,
    scenarioId: scenarioId,
    el: el,
    count: count,
    download: download,
    headingText: headingText,
    say: say,
    all: all,
    feature: function (fn) { features.push(fn); },
    /* A feature that sets up the page's `selector` element once, when the page has one. */
    featureOnce: function (selector, fn) {
      window.Runway.feature(function () {
        var root = document.querySelector(selector);
        if (!root || root.dataset.ready) return;
        root.dataset.ready = "true";
        fn(root);
      });
    },
    features: features
  };
})();
