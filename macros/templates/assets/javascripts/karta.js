/*
 * Karta: select a node to highlight its lines and list its connections; filter by plan,
 * strategy group and persona. The map and its lines are built at build time (strategy_map.py);
 * this script only changes classes, moves the detail panel and writes text. No external script.
 *
 * Wide screens: the panel stands beside the map (sticky). Narrow screens (the map is hidden,
 * the columns are lists): the panel moves to right under the tapped item, so the connections
 * appear where the reader is looking and come next in the Tab order.
 */
(function () {
  "use strict";

  var WIDE = "(min-width: 60em)";  // the same breakpoint as karta.css
  var WORDS = {
    story: ["berättelse", "berättelser", "Berättelser"],
    strategy: ["strategi", "strategier", "Strategier"],
    indicator: ["indikator", "indikatorer", "Indikatorer"]
  };
  var ORDER = ["story", "strategy", "indicator"];

  function count(n, type) { return n + " " + WORDS[type][n === 1 ? 0 : 1]; }
  function toArray(list) { return Array.prototype.slice.call(list); }
  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function setUp(map) {
    var nodes = toArray(map.querySelectorAll(".kb-nod"));
    var byId = {};
    nodes.forEach(function (node) { byId[node.dataset.id] = node; });
    var paths = toArray(map.querySelectorAll(".kb-linje"));
    var lineGroup = map.querySelector(".kb-karta__linjer g");
    var status = map.querySelector(".kb-karta__status");
    var panel = map.querySelector("[data-kb-detalj]");
    var home = panel.parentNode;
    var hint = panel.firstElementChild.cloneNode(true);
    var selects = toArray(map.querySelectorAll("[data-kb-filter]"));
    var counters = toArray(map.querySelectorAll(".kb-karta__antal"));
    var wide = window.matchMedia(WIDE);
    var selected = null;
    map.classList.add("kb-karta--aktiv");  // filters, status and panel only show when they work

    function nameOf(node) { return node.querySelector(":scope > button").textContent; }
    function typeOf(node) { return node.dataset.typ; }
    function neighbours(node) {
      return (node.dataset.links || "").split(" ").filter(function (id) {
        return byId[id] && !byId[id].hidden;
      }).map(function (id) { return byId[id]; });
    }
    function hiddenNeighbours(node) {
      return (node.dataset.links || "").split(" ").filter(function (id) { return byId[id] && byId[id].hidden; }).length;
    }
    function byType(list) {
      var groups = {};
      list.forEach(function (node) { (groups[typeOf(node)] = groups[typeOf(node)] || []).push(node); });
      return groups;
    }

    // Second degree, along the chain strategy → story → indicator: through each story the
    // selected strategy (indicator) links to, the indicators (strategies) of that story.
    function secondDegree(node) {
      var via = [], viaPaths = [];
      if (typeOf(node) === "story") return { nodes: via, paths: viaPaths };
      neighbours(node).filter(function (n) { return typeOf(n) === "story"; }).forEach(function (story) {
        neighbours(story).forEach(function (other) {
          if (typeOf(other) === "story" || typeOf(other) === typeOf(node)) return;
          viaPaths.push(story.dataset.id + " " + other.dataset.id);
          if (via.indexOf(other) < 0) via.push(other);
        });
      });
      return { nodes: via, paths: viaPaths };
    }

    function summary(node) {
      var groups = byType(neighbours(node));
      var parts = ORDER.filter(function (t) { return groups[t]; }).map(function (t) { return count(groups[t].length, t); });
      return nameOf(node) + ": " + (parts.length ? parts.join(", ") : "inga kopplingar") + ".";
    }

    function placePanel() {
      var target = selected && !wide.matches ? selected : home;
      if (panel.parentNode !== target) target.appendChild(panel);
    }

    function link(node) {
      var a = element("a", "", nameOf(node));
      a.href = node.dataset.href;
      return a;
    }

    function group(heading, list) {
      var box = element("div", "kb-karta__grupp");
      box.appendChild(element("h4", "", heading + " (" + list.length + ")"));
      var ul = element("ul");
      list.forEach(function (node) { var li = element("li"); li.appendChild(link(node)); ul.appendChild(li); });
      box.appendChild(ul);
      return box;
    }

    function fillPanel(node, via) {
      panel.textContent = "";
      if (!node) { panel.appendChild(hint.cloneNode(true)); return; }
      panel.appendChild(element("h3", "kb-karta__detalj-namn", nameOf(node)));
      var actions = element("p", "kb-karta__atgarder");
      var openLink = link(node);
      openLink.textContent = "Gå till sidan";
      actions.appendChild(openLink);
      var close = element("button", "kb-karta__stang", "Avmarkera");
      close.type = "button";
      close.addEventListener("click", function () {
        var button = selected.querySelector(":scope > button");
        deselect("Ingen markering.");
        button.focus();
      });
      actions.appendChild(close);
      panel.appendChild(actions);
      var groups = byType(neighbours(node));
      ORDER.forEach(function (t) { if (groups[t]) panel.appendChild(group(WORDS[t][2], groups[t])); });
      var direct = neighbours(node);
      var extra = via.nodes.filter(function (n) { return direct.indexOf(n) < 0; });
      if (extra.length) panel.appendChild(group(WORDS[typeOf(extra[0])][2] + " via berättelserna", extra));
      if (node.dataset.alla) {  // an overview map shows a few stories per strategy: the link to all of them
        var all = element("p", "kb-karta__alla");
        var allLink = element("a", "", "Visa alla " + count(Number(node.dataset.antal), "story"));
        allLink.href = node.dataset.alla;
        all.appendChild(allLink);
        panel.appendChild(all);
      }
      if (!direct.length) panel.appendChild(element("p", "", "Inga kopplingar."));
      var hidden = hiddenNeighbours(node);
      if (hidden) panel.appendChild(element("p", "kb-karta__dolda", hidden + (hidden === 1 ? " koppling döljs" : " kopplingar döljs") + " av filtret."));
    }

    function paint() {
      var via = selected ? secondDegree(selected) : { nodes: [], paths: [] };
      var direct = selected ? neighbours(selected) : [];
      map.classList.toggle("kb-karta--vald", !!selected);
      nodes.forEach(function (node) {
        node.classList.toggle("kb-nod--vald", node === selected);
        node.classList.toggle("kb-nod--kopplad", direct.indexOf(node) >= 0);
        node.classList.toggle("kb-nod--via", direct.indexOf(node) < 0 && via.nodes.indexOf(node) >= 0);
        node.querySelector(":scope > button").setAttribute("aria-pressed", node === selected ? "true" : "false");
      });
      var id = selected && selected.dataset.id;
      var front = [];
      paths.forEach(function (path) {
        var from = path.dataset.fran, to = path.dataset.till;
        var gone = byId[from].hidden || byId[to].hidden;
        var isDirect = !gone && (from === id || to === id);
        var isVia = !gone && !isDirect && (via.paths.indexOf(from + " " + to) >= 0 || via.paths.indexOf(to + " " + from) >= 0);
        path.classList.toggle("kb-linje--dold", gone);
        path.classList.toggle("kb-linje--vald", isDirect);
        path.classList.toggle("kb-linje--via", isVia);
        if (isVia) front.unshift(path);
        if (isDirect) front.push(path);
      });
      // SVG has no z-index: what is highlighted is drawn last, so no faded line crosses it.
      front.forEach(function (path) { lineGroup.appendChild(path); });
      fillPanel(selected, via);
      placePanel();
    }

    function select(node) {
      selected = node;
      paint();
      status.textContent = summary(node);
    }

    function deselect(message) {
      selected = null;
      paint();
      if (message) status.textContent = message;
    }

    function filtered() { return selects.some(function (s) { return s.value; }); }

    function applyFilters() {
      var shown = 0, perType = {};
      nodes.forEach(function (node) {
        var visible = selects.every(function (s) {
          return !s.value || (node.dataset[s.dataset.kbFilter] || "").split(" ").indexOf(s.value) >= 0;
        });
        node.hidden = !visible;
        if (visible) { shown++; perType[typeOf(node)] = (perType[typeOf(node)] || 0) + 1; }
      });
      counters.forEach(function (counter) {
        var total = counter.dataset.total, n = perType[counter.dataset.typ] || 0;
        counter.textContent = filtered() ? "(" + n + " av " + total + ")" : "(" + total + ")";
      });
      var message = filtered() ? "Visar " + shown + " av " + nodes.length + "." : "Visar alla " + nodes.length + ".";
      if (selected && selected.hidden) {
        var name = nameOf(selected);
        deselect();
        message += " Markeringen av " + name + " togs bort: den visas inte med filtret.";
      } else if (selected) {
        paint();
        message += " " + summary(selected);
      } else {
        paint();
      }
      status.textContent = message;
    }

    nodes.forEach(function (node) {
      node.querySelector(":scope > button").addEventListener("click", function () {
        if (selected === node) deselect("Ingen markering.");
        else select(node);
      });
    });
    selects.forEach(function (s) { s.addEventListener("change", applyFilters); });
    map.querySelector("[data-kb-reset]").addEventListener("click", function () {
      selects.forEach(function (s) { s.value = ""; });
      selected = null;
      applyFilters();
      status.textContent = "Kartan är återställd: alla " + nodes.length + " visas.";
    });
    map.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !selected) return;
      var button = selected.querySelector(":scope > button");
      deselect("Ingen markering.");
      button.focus();
    });
    if (wide.addEventListener) wide.addEventListener("change", placePanel);
    else wide.addListener(placePanel);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-karta]"), setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
