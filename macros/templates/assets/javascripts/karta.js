/*
 * Karta: select a node to highlight what it links to; filter by plan, strategy group, persona.
 * Works with mouse, keyboard (the nodes are buttons) and touch; no external script.
 */
(function () {
  "use strict";

  function setUp(map) {
    var nodes = Array.prototype.slice.call(map.querySelectorAll(".kb-nod"));
    var byId = {};
    nodes.forEach(function (node) { byId[node.dataset.id] = node; });
    var status = map.querySelector(".kb-karta__status");
    var selects = Array.prototype.slice.call(map.querySelectorAll("[data-kb-filter]"));

    function clearSelection() {
      map.classList.remove("kb-karta--vald");
      nodes.forEach(function (node) {
        node.classList.remove("kb-nod--vald", "kb-nod--kopplad");
        node.querySelector("button").setAttribute("aria-pressed", "false");
      });
    }

    function select(node) {
      var wasSelected = node.classList.contains("kb-nod--vald");
      clearSelection();
      if (wasSelected) {
        status.textContent = "Ingen markering.";
        return;
      }
      var linked = (node.dataset.links || "").split(" ").filter(function (id) {
        return byId[id] && !byId[id].hidden;
      });
      map.classList.add("kb-karta--vald");
      node.classList.add("kb-nod--vald");
      node.querySelector("button").setAttribute("aria-pressed", "true");
      linked.forEach(function (id) { byId[id].classList.add("kb-nod--kopplad"); });
      var name = node.querySelector("button").textContent;
      status.textContent = name + ": " + (linked.length === 0 ? "inga kopplingar." :
        linked.length + (linked.length === 1 ? " koppling: " : " kopplingar: ") +
        linked.map(function (id) { return byId[id].querySelector("button").textContent; }).join(", ") + ".");
    }

    function applyFilters() {
      var shown = 0;
      nodes.forEach(function (node) {
        var visible = selects.every(function (select) {
          var wanted = select.value;
          return !wanted || (node.dataset[select.dataset.kbFilter] || "").split(" ").indexOf(wanted) >= 0;
        });
        node.hidden = !visible;
        if (visible) shown++;
      });
      clearSelection();
      status.textContent = "Visar " + shown + " av " + nodes.length + ".";
    }

    nodes.forEach(function (node) {
      node.querySelector("button").addEventListener("click", function () { select(node); });
    });
    selects.forEach(function (select) { select.addEventListener("change", applyFilters); });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-karta]"), setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
