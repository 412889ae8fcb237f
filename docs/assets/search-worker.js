/* Runway: stands in for Material's search worker and loads it (named in this URL's ?worker=) on the first real
   query, not on every page load; macros/search_index.py explains. Messages: SETUP 0, READY 1, QUERY 2, RESULT 3. */
(function () {
  "use strict";
  var setup = null, waiting = [], loaded = false, started = false, replaying = false;
  var post = self.postMessage.bind(self);
  var base = new URL("./", self.location.href);
  var material = new URL("javascripts/workers/" + new URL(self.location.href).searchParams.get("worker"), base);

  function pass(data) {  /* to Material's listener; dispatchEvent is synchronous */
    replaying = true;
    try { self.dispatchEvent(new MessageEvent("message", { data: data })); } finally { replaying = false; }
  }

  self.postMessage = function (message) {  /* Material's READY: its index is built, replay what waited */
    if (message && message.type === 1) { started = true; waiting.splice(0).forEach(pass); } else post(message);
  };

  self.addEventListener("message", function (ev) {
    if (started || replaying) return;
    ev.stopImmediatePropagation();
    var data = ev.data || {};
    if (data.type === 0) { setup = data; post({ type: 1 }); return; }
    if (data.type === 2 && !String(data.data).trim()) { post({ type: 3, data: { items: [] } }); return; }
    waiting.push(data);
    if (!loaded) { loaded = true; importScripts(material.href); pass(setup); }
  });
})();
