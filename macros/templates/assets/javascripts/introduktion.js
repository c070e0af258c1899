/*
 * Journeys (introduktionsspår): remembers ticks and the journey a reader follows (localStorage only).
 *
 * - Journey page ([data-kb-spar]): ticks per step are kept under "kb-introduktion:klara:<spår>",
 *   "X av Y klara" is announced, "Börja om" clears the ticks, "Skriv ut" prints.
 * - Member pages ([data-kb-stegruta]): a page in several journeys shows only the box of the
 *   journey the reader follows (?spar=<id> on the link, else the journey last opened), all of
 *   them when that is unknown. The box's own checkbox ticks the same step.
 * - Start page ([data-kb-spar-status]): how far the reader has come in each journey.
 * Nothing leaves the browser: no cookies, no requests. Without script every box shows.
 */
(function () {
  "use strict";

  var PREFIX = "kb-introduktion:";
  var LAST = PREFIX + "senaste";

  function read(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function write(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch (e) { /* storage off (private mode, policy): the page works, ticks are not kept */ }
  }

  function ticked(journey) {
    try {
      var list = JSON.parse(read(PREFIX + "klara:" + journey) || "[]");
      return Array.isArray(list) ? list : [];
    } catch (e) { return []; }
  }

  function setTicked(journey, list) {
    write(PREFIX + "klara:" + journey, list.length ? JSON.stringify(list) : null);
  }

  function each(root, selector, fn) {
    Array.prototype.forEach.call(root.querySelectorAll(selector), fn);
  }

  function markStep(box) {
    var step = box.closest(".kb-steg");
    if (step) step.classList.toggle("kb-steg--klar", box.checked);
  }

  function setUpJourney(root) {
    var journey = root.getAttribute("data-kb-spar");
    var boxes = root.querySelectorAll("input[data-kb-steg]");
    var status = root.querySelector("[data-kb-framsteg]");
    var meter = root.querySelector("progress");
    var tools = root.querySelector("[data-kb-verktyg]");
    write(LAST, journey);

    function update(message) {
      var done = 0;
      Array.prototype.forEach.call(boxes, function (box) {
        if (box.checked) done++;
        markStep(box);
      });
      var text = done + " av " + boxes.length + " klara";
      if (boxes.length && done === boxes.length) text += ". Du har gått igenom hela spåret.";
      if (status) status.textContent = message ? message + " " + text : text;
      if (meter) meter.value = done;
      return done;
    }

    function save() {
      var keys = [];
      Array.prototype.forEach.call(boxes, function (box) {
        if (box.checked) keys.push(box.getAttribute("data-kb-steg"));
      });
      setTicked(journey, keys);
      update();
    }

    var saved = ticked(journey);
    Array.prototype.forEach.call(boxes, function (box) {
      box.checked = saved.indexOf(box.getAttribute("data-kb-steg")) >= 0;
      box.addEventListener("change", save);
    });

    each(root, "[data-kb-borja-om]", function (button) {
      button.addEventListener("click", function () {
        Array.prototype.forEach.call(boxes, function (box) { box.checked = false; });
        setTicked(journey, []);
        update("Alla bockar är borttagna.");
      });
    });
    each(root, "[data-kb-skriv-ut]", function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    // Printed links carry their address after the title (see introduktion.css), without ?spar=.
    each(root, ".kb-steg a[href]:not(.headerlink)", function (link) {
      link.setAttribute("data-kb-adress", link.href.split("?")[0].split("#")[0]);
    });

    if (tools) tools.hidden = false;
    update();
  }

  function setUpStepBoxes(boxes) {
    var ids = boxes.map(function (box) { return box.getAttribute("data-kb-stegruta"); });
    var wanted = null;
    try { wanted = new URLSearchParams(window.location.search).get("spar"); } catch (e) { wanted = null; }
    if (wanted && ids.indexOf(wanted) >= 0) {
      write(LAST, wanted);
    } else {
      wanted = read(LAST);
    }
    if (wanted && ids.indexOf(wanted) >= 0) {
      boxes.forEach(function (box) { box.hidden = box.getAttribute("data-kb-stegruta") !== wanted; });
      var group = boxes[0].closest(".kb-stegrutor");
      if (group) group.classList.add("kb-stegrutor--vald");
    }
    boxes.forEach(function (box) {
      var journey = box.getAttribute("data-kb-stegruta");
      var holder = box.querySelector(".kb-stegruta__klar");
      var input = holder && holder.querySelector("input[data-kb-steg]");
      if (!input) return;
      var key = input.getAttribute("data-kb-steg");
      input.checked = ticked(journey).indexOf(key) >= 0;
      input.addEventListener("change", function () {
        var list = ticked(journey).filter(function (k) { return k !== key; });
        if (input.checked) list.push(key);
        setTicked(journey, list);
      });
      holder.hidden = false;
    });
  }

  function setUpStatus(line) {
    var journey = line.getAttribute("data-kb-spar-status");
    var total = parseInt(line.getAttribute("data-kb-antal"), 10) || 0;
    var done = ticked(journey).length;
    if (!done) return;
    line.textContent = done >= total ? "Du har gått igenom hela spåret." : "Påbörjat: " + done + " av " + total + " klara.";
    line.hidden = false;
  }

  function init() {
    each(document, "[data-kb-spar][data-kb-antal]", setUpJourney);
    var boxes = Array.prototype.slice.call(document.querySelectorAll("[data-kb-stegruta]"));
    if (boxes.length) setUpStepBoxes(boxes);
    each(document, "[data-kb-spar-status]", setUpStatus);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
