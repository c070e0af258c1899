/*
 * Journeys (introduktionsspår): remembers ticks and the journey a reader follows (localStorage only).
 *
 * - Journey page ([data-kb-spar]): ticks per step are kept under "kb-introduktion:klara:<spår>",
 *   "X av Y klara" is announced, "Börja om" clears the ticks, "Skriv ut" prints.
 * - The reader's current journey ("kb-introduktion:aktuellt"): set by opening a journey page or
 *   by a link carrying ?spar=<id>, cleared by "Lämna spåret".
 * - Member pages ([data-kb-stegruta], every box hidden in the HTML): only the box of the current
 *   journey shows, and only if that journey names this page; else none. The box's own checkbox
 *   ticks the same step as the journey page.
 * - Start page ([data-kb-spar-status]): how far the reader has come in each journey.
 * ?spar= and storage are the reader's to change: a value is used only if it equals one of the
 * journey ids the page itself carries, and never goes into a selector or into HTML.
 * Nothing leaves the browser: no cookies, no requests. Without script no box shows; the journey
 * page lists every step.
 */
(function () {
  "use strict";

  var PREFIX = "kb-introduktion:";
  var CURRENT = PREFIX + "aktuellt";

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
    write(CURRENT, journey);

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

  function linkedJourney() {
    try { return new URLSearchParams(window.location.search).get("spar"); } catch (e) { return null; }
  }

  /* The journey whose box this page shows: one of `ids` (the journeys on this page), or null. */
  function currentJourney(ids) {
    var linked = linkedJourney();
    if (linked !== null && ids.indexOf(linked) >= 0) {
      write(CURRENT, linked);
      return linked;
    }
    var stored = read(CURRENT);
    return stored !== null && ids.indexOf(stored) >= 0 ? stored : null;
  }

  function setUpTick(box, journey) {
    var input = box.querySelector("input[data-kb-steg]");
    if (!input) return;
    var key = input.getAttribute("data-kb-steg");
    input.checked = ticked(journey).indexOf(key) >= 0;
    input.addEventListener("change", function () {
      var list = ticked(journey).filter(function (k) { return k !== key; });
      if (input.checked) list.push(key);
      setTicked(journey, list);
    });
  }

  function setUpLeave(box) {
    var note = document.querySelector("[data-kb-lamnad]");
    each(box, "[data-kb-lamna]", function (button) {
      button.addEventListener("click", function () {
        write(CURRENT, null);
        box.hidden = true;
        if (!note) return;
        note.hidden = false;
        // The button is gone: keyboard and screen reader users land on what replaced it.
        note.setAttribute("tabindex", "-1");
        note.focus();
      });
    });
  }

  function setUpStepBoxes(boxes) {
    var ids = boxes.map(function (box) { return box.getAttribute("data-kb-stegruta"); });
    var journey = currentJourney(ids);
    if (journey === null) return;
    boxes.forEach(function (box) {
      if (box.getAttribute("data-kb-stegruta") !== journey) return;
      setUpTick(box, journey);
      setUpLeave(box);
      box.hidden = false;
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
    write(PREFIX + "senaste", null); // an earlier version's "last journey opened", no longer read
    each(document, "[data-kb-spar][data-kb-antal]", setUpJourney);
    var boxes = Array.prototype.slice.call(document.querySelectorAll("[data-kb-stegruta]"));
    if (boxes.length) setUpStepBoxes(boxes);
    each(document, "[data-kb-spar-status]", setUpStatus);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
