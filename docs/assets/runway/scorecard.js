/* A coach's scorecard page: each signal and red flag gets a 1 to 4 score and a notes box; the filled card
   prints as it is or exports as Markdown. Nothing is stored: a scorecard belongs to one mock interview. */
(function () {
  "use strict";

  var SCALE = [1, 2, 3, 4];

  function line(li, n) {
    var text = li.textContent.trim();
    var scale = Runway.el("span", { "class": "runway-scale", role: "radiogroup", "aria-label": "Score for: " + text });
    SCALE.forEach(function (value) {
      var label = Runway.el("label");
      label.appendChild(Runway.el("input", { type: "radio", name: "score-" + n, value: String(value) }));
      label.appendChild(document.createTextNode(" " + value));
      scale.appendChild(label);
    });
    var notes = Runway.el("textarea", { "aria-label": "Notes for: " + text, rows: "1" });
    li.appendChild(scale);
    li.appendChild(notes);
    return { text: text, li: li, scale: scale, notes: notes };
  }

  function markdown(root, lines) {
    var out = "# " + Runway.headingText(document.querySelector("article h1")) + "\n\n";
    var question = document.querySelector("article blockquote");
    if (question) out += "> " + question.textContent.trim() + "\n\n";
    Runway.all("ul", root).forEach(function (ul) {
      out += "## " + (ul.previousElementSibling ? ul.previousElementSibling.textContent.trim() : "") + "\n\n";
      lines.filter(function (l) { return l.li.parentElement === ul; }).forEach(function (l) {
        var picked = l.scale.querySelector("input:checked");
        out += "- [" + (picked ? picked.value : " ") + "/4] " + l.text + (l.notes.value.trim() ? " — " + l.notes.value.trim() : "") + "\n";
      });
      out += "\n";
    });
    return out;
  }

  function scorecard(root) {
    var lines = Runway.all("li", root).map(line);
    var actions = Runway.el("p", { "class": "runway-progress-actions" });
    var exportButton = Runway.el("button", { type: "button", "class": "md-button runway-export" }, "Export as Markdown");
    var printButton = Runway.el("button", { type: "button", "class": "md-button runway-export" }, "Print");
    actions.appendChild(exportButton);
    actions.appendChild(printButton);
    root.insertAdjacentElement("beforebegin", actions);
    exportButton.addEventListener("click", function () {
      Runway.download("scorecard-" + root.dataset.scenario + ".md", markdown(root, lines), "text/markdown");
    });
    printButton.addEventListener("click", function () { window.print(); });
  }

  Runway.featureOnce(".runway-scorecard", scorecard);
})();
