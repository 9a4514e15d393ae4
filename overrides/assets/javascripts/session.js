/* Running a session (templates/session.md.j2, facilitator.md.j2): the agenda a facilitator
   changes, the projector view one step at a time, and the facilitator view in another tab.

   The agenda is recomputed with the rule of kitsite/render/session_plan.py, from the plan the
   page holds in #session's data-session-plan (tests/browser/test_session.py checks that both agree). Every
   step's words are in the page; this script only shows, hides and times them, and takes the
   few words it fills in from data-session-labels (content/<lang>/labels.yml).

   The two views share one state per kit and language: written to localStorage, and announced
   on a BroadcastChannel; a page opened from file://, where the channel may not reach the other
   tab, hears the 'storage' event instead. No server, no pop-up. */
(function () {
  "use strict";

  var root = document.getElementById("session");
  if (!root || !root.dataset.sessionPlan || !root.dataset.sessionLabels) return;
  var plan = JSON.parse(root.dataset.sessionPlan);
  var labels = JSON.parse(root.dataset.sessionLabels);
  var view = root.getAttribute("data-session-view");
  var storageKey = "kits-session:" + labels.kit + ":" + labels.lang;
  var channel = null;
  try { channel = new BroadcastChannel("kits-session"); } catch (e) { channel = null; }

  function $(id) { return document.getElementById(id); }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }

  /* ---- state ---- */
  function defaults() {
    var preset = plan.presets[0];
    return {preset: preset.id, start: "09:00", perQuestion: preset.minutes_per_question,
            leftOut: [], minutes: {}, welcome: true, closing: true, step: -1,
            stepStarted: 0, pausedAt: 0, pausedFor: 0, both: false, open: false, stamp: 0};
  }
  function load() {
    var state = defaults();
    try {
      var saved = JSON.parse(localStorage.getItem(storageKey) || "null");
      if (saved && typeof saved === "object") {
        for (var k in saved) if (Object.prototype.hasOwnProperty.call(state, k)) state[k] = saved[k];
      }
    } catch (e) { /* storage blocked: the page still works, unshared */ }
    if (!presetById(state.preset)) state.preset = plan.presets[0].id;
    return state;
  }
  var state = load();
  function save() {
    state.stamp = Date.now();
    try { localStorage.setItem(storageKey, JSON.stringify(state)); } catch (e) { /* unshared */ }
    if (channel) channel.postMessage({key: storageKey, state: state});
  }
  function receive(next) {
    if (!next || next.stamp < state.stamp) return;
    var stepChanged = next.step !== state.step || next.stepStarted !== state.stepStarted;
    state = next;
    render(stepChanged);
  }
  if (channel) {
    channel.onmessage = function (event) {
      if (event.data && event.data.key === storageKey) receive(event.data.state);
    };
  }
  window.addEventListener("storage", function (event) {
    if (event.key !== storageKey || !event.newValue) return;
    try { receive(JSON.parse(event.newValue)); } catch (e) { /* ignore a broken value */ }
  });

  function presetById(id) {
    for (var i = 0; i < plan.presets.length; i++) if (plan.presets[i].id === id) return plan.presets[i];
    return null;
  }

  /* ---- the agenda: kitsite/render/session_plan.py's agenda(), step for step ---- */
  function agenda() {
    var preset = presetById(state.preset);
    var perQuestion = state.perQuestion || preset.minutes_per_question;
    var steps = [];
    var clock = 0;
    function add(kind, minutes, video, question) {
      var key = kind === "video" ? "video:" + video : kind === "question"
        ? "question:" + video + ":" + question : kind;
      if (kind !== "video" && state.minutes[key] > 0) minutes = state.minutes[key];
      steps.push({key: key, kind: kind, minutes: minutes, start: clock, video: video || ""});
      clock += minutes;
    }
    if (state.welcome) add("welcome", plan.welcome_minutes);
    plan.videos.forEach(function (v) {
      if (preset.videos.indexOf(v.id) < 0 || state.leftOut.indexOf("video:" + v.id) >= 0) return;
      add("video", v.minutes, v.id);
      for (var n = 0; n < v.questions; n++) {
        if (state.leftOut.indexOf("question:" + v.id + ":" + n) < 0) add("question", perQuestion, v.id, n);
      }
    });
    if (state.closing) add("closing", plan.closing_minutes);
    return steps;
  }
  function total(steps) { return steps.reduce(function (sum, s) { return sum + s.minutes; }, 0); }
  function clockAt(minutes) {
    var parts = /^(\d{1,2}):(\d{2})$/.exec(state.start || "") || [0, "9", "00"];
    var at = (parseInt(parts[1], 10) * 60 + parseInt(parts[2], 10) + minutes) % (24 * 60);
    var h = Math.floor(at / 60), m = at % 60;
    return (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
  }

  /* ---- the agenda form (session page) ---- */
  function renderAgenda(steps) {
    var table = root.querySelector(".session-agenda");
    if (!table) return;
    var byKey = {};
    steps.forEach(function (s) { byKey[s.key] = s; });
    var preset = presetById(state.preset);
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var key = row.getAttribute("data-step-key");
      var video = row.getAttribute("data-video");
      row.hidden = !!video && preset.videos.indexOf(video) < 0;
      var step = byKey[key];
      var box = row.querySelector("input[type=checkbox]");
      var videoOut = !!video && state.leftOut.indexOf("video:" + video) >= 0;
      box.checked = key === "welcome" ? state.welcome : key === "closing" ? state.closing
        : state.leftOut.indexOf(key) < 0;
      box.disabled = row.getAttribute("data-kind") === "question" && videoOut;
      row.classList.toggle("session-agenda__row--out", !step);
      var time = row.querySelector(".session-agenda__time time");
      time.textContent = step ? clockAt(step.start) : "–";
      row.setAttribute("data-start", step ? String(step.start) : "");
      row.setAttribute("data-minutes", step ? String(step.minutes) : "");
      var input = row.querySelector("input[type=number]");
      if (input && document.activeElement !== input) {
        input.value = step ? step.minutes : (state.minutes[key] || input.value);
      }
    });
    var ends = $("session-ends");
    if (ends) {
      var minutes = total(steps);
      ends.textContent = fill(labels.ends, {time: clockAt(minutes), minutes: minutes});
      ends.setAttribute("data-total", String(minutes));
    }
    var select = $("session-preset");
    if (select && select.value !== state.preset) select.value = state.preset;
    var start = $("session-start");
    if (start && document.activeElement !== start) start.value = state.start;
    var per = $("session-per-question");
    if (per && document.activeElement !== per) per.value = state.perQuestion;
  }

  function wireForm() {
    var select = $("session-preset");
    if (!select) return;
    select.addEventListener("change", function () {
      var preset = presetById(select.value);
      state.preset = preset.id;
      state.perQuestion = preset.minutes_per_question;
      state.minutes = {};
      state.leftOut = [];
      changed();
    });
    $("session-start").addEventListener("change", function (event) {
      if (/^\d{1,2}:\d{2}$/.test(event.target.value)) { state.start = event.target.value; changed(); }
    });
    $("session-per-question").addEventListener("change", function (event) {
      var value = parseInt(event.target.value, 10);
      if (value > 0 && value <= 120) {
        state.perQuestion = value;
        Object.keys(state.minutes).forEach(function (k) {
          if (k.indexOf("question:") === 0) delete state.minutes[k];
        });
        changed();
      }
    });
    root.querySelector(".session-agenda").addEventListener("change", function (event) {
      var row = event.target.closest("tr");
      var key = row.getAttribute("data-step-key");
      if (event.target.type === "checkbox") {
        var on = event.target.checked;
        if (key === "welcome") state.welcome = on;
        else if (key === "closing") state.closing = on;
        else {
          state.leftOut = state.leftOut.filter(function (k) { return k !== key; });
          if (!on) state.leftOut.push(key);
        }
      } else {
        var value = parseInt(event.target.value, 10);
        if (!(value > 0 && value <= 120)) return;
        state.minutes[key] = value;
      }
      changed();
    });
  }

  function changed() {
    var steps = agenda();
    if (state.step >= steps.length) state.step = steps.length - 1;
    save();
    render(false);
  }

  /* ---- moving through the steps ---- */
  function go(index) {
    var steps = agenda();
    var next = Math.max(0, Math.min(steps.length - 1, index));
    if (next === state.step) return;
    state.step = next;
    state.stepStarted = Date.now();
    state.pausedAt = 0;  // a new step's timer runs
    state.pausedFor = 0;
    announced = {};
    save();
    render(true);
  }

  function keyMoves(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return 0;
    var tag = event.target && event.target.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || tag === "VIDEO") return 0;
    var onButton = tag === "BUTTON" || tag === "A";
    switch (event.key) {
      case "ArrowRight": case "ArrowDown": case "PageDown": return 1;
      case "ArrowLeft": case "ArrowUp": case "PageUp": return -1;
      case " ": return onButton ? 0 : (event.shiftKey ? -1 : 1);
      default: return 0;
    }
  }

  /* ---- the projector view ---- */
  var projector = $("session-projector");
  var opener = $("session-open-projector");
  function openProjector() {
    state.open = true;
    if (state.step < 0) { state.step = 0; state.stepStarted = Date.now(); }
    save();
    projector.hidden = false;
    root.hidden = true;  // the agenda is behind the projector: out of reach until it closes
    document.documentElement.classList.add("session-projecting");
    if (projector.requestFullscreen) {
      projector.requestFullscreen().catch(function () { /* the overlay fills the window */ });
    }
    render(true);
  }
  function closeProjector() {
    if (projector.hidden) return;
    projector.hidden = true;
    root.hidden = false;
    document.documentElement.classList.remove("session-projecting");
    pauseVideos(projector);
    if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(function () {});
    state.open = false;
    save();
    returnFocus();
  }
  function returnFocus() {
    if (!opener) return;
    opener.focus();
    // leaving full screen can take the focus away once more: give it back when it has
    setTimeout(function () {
      if (projector.hidden && (document.activeElement === document.body || !document.activeElement)) opener.focus();
    }, 100);
  }
  function pauseVideos(scope) {
    scope.querySelectorAll("video").forEach(function (v) { if (!v.paused) v.pause(); });
  }

  function renderProjector(steps, moved) {
    if (!projector || projector.hidden) return;
    var current = steps[state.step];
    projector.querySelectorAll(".session-step").forEach(function (section) {
      var show = !!current && section.getAttribute("data-step-key") === current.key;
      if (!show && !section.hidden) pauseVideos(section);
      section.hidden = !show;
      section.querySelectorAll(".session-step__other").forEach(function (p) { p.hidden = !state.both; });
      if (show && moved) {
        var heading = section.querySelector("h2");
        if (heading) heading.focus({preventScroll: true});
      }
    });
    var both = $("session-both");
    if (both) both.setAttribute("aria-pressed", state.both ? "true" : "false");
  }

  function renderWhere(steps) {
    var where = $("session-where");
    var progress = $("session-progress");
    var text = state.step >= 0 ? fill(labels.step_of, {number: state.step + 1, count: steps.length}) : "";
    if (where) where.textContent = text;
    if (progress) {
      progress.max = steps.length;
      progress.value = state.step + 1;
      progress.setAttribute("aria-label", text);
    }
  }

  /* ---- the facilitator view ---- */
  function titleOf(key) {
    var item = root.querySelector('.session-remaining li[data-step-key="' + key + '"] .session-remaining__title');
    return item ? item.textContent : "";
  }
  function renderFacilitator(steps) {
    var list = $("session-remaining");
    if (!list) return;
    var current = steps[state.step];
    var byKey = {};
    steps.forEach(function (s, i) { byKey[s.key] = {step: s, index: i}; });
    list.querySelectorAll("li").forEach(function (item) {
      var found = byKey[item.getAttribute("data-step-key")];
      item.hidden = !found || found.index < state.step;
      item.classList.toggle("session-remaining__current", !!found && found.index === state.step);
      if (found) {
        item.querySelector(".session-remaining__time").textContent = clockAt(found.step.start);
        item.querySelector(".session-remaining__minutes").textContent =
          "(" + labels.minute_forms[Math.min(found.step.minutes, labels.minute_forms.length - 1)] + ")";
      }
    });
    $("session-not-started").hidden = state.step >= 0;
    $("session-now").textContent = current ? titleOf(current.key) : "–";
    var next = steps[state.step + 1];
    $("session-then").textContent = next ? titleOf(next.key) : "–";
    root.querySelectorAll(".session-notes[data-notes-for]").forEach(function (notes) {
      notes.classList.toggle("session-notes--current", !!current && notes.getAttribute("data-notes-for") === current.video);
    });
  }

  /* ---- the discussion timer: shows the time left, never stops anything ----
     It can be paused: while state.pausedAt is set the time left stands still; state.pausedFor
     is how long the current step's timer has been paused before. */
  var announced = {};
  function secondsRun() {
    var until = state.pausedAt || Date.now();
    return (until - state.stepStarted - (state.pausedFor || 0)) / 1000;
  }
  function togglePause() {
    var now = Date.now();
    if (state.pausedAt) {
      state.pausedFor = (state.pausedFor || 0) + now - state.pausedAt;
      state.pausedAt = 0;
    } else {
      state.pausedAt = now;
    }
    save();
    render(false);
  }
  function restartTimer() {
    state.stepStarted = Date.now();
    state.pausedFor = 0;
    if (state.pausedAt) state.pausedAt = state.stepStarted;  // restarted, still paused
    announced = {};
    save();
    render(false);
  }
  function tick() {
    var steps = agenda();
    var current = steps[state.step];
    var timer = $("session-timer");
    if (!timer) return;
    var showing = !!current && current.kind === "question" && (view === "facilitator" || state.open);
    timer.hidden = !showing;
    var pause = $("session-pause");
    if (pause) {
      pause.hidden = !showing;
      pause.setAttribute("aria-pressed", state.pausedAt ? "true" : "false");
    }
    var paused = $("session-timer-paused");
    if (paused) paused.hidden = !state.pausedAt;
    if (!showing) return;
    var left = Math.round(current.minutes * 60 - secondsRun());
    var clock = $("session-timer-clock");
    timer.classList.toggle("session-timer--up", left <= 0);
    if (left <= 0) {
      clock.textContent = labels.time_up;
    } else {
      var m = Math.floor(left / 60), s = left % 60;
      clock.textContent = m + ":" + (s < 10 ? "0" : "") + s;
    }
    var minutesLeft = Math.ceil(left / 60);
    var say = null;
    if (left <= 0) say = "up";
    else if (minutesLeft === 1 && current.minutes > 1) say = "1";
    if (say && !announced[current.key + say]) {
      announced[current.key + say] = true;
      var live = $("session-announce");
      if (live) live.textContent = say === "up" ? labels.time_up
        : labels.time_left + ": " + labels.minute_forms[1];
    }
  }

  function render(moved) {
    var steps = agenda();
    renderAgenda(steps);
    if (projector) {
      renderProjector(steps, moved);
    }
    renderWhere(steps);
    renderFacilitator(steps);
    tick();
  }

  /* ---- wiring ---- */
  wireForm();
  if (opener) opener.addEventListener("click", openProjector);
  function on(id, fn) { var el = $(id); if (el) el.addEventListener("click", fn); }
  on("session-next", function () { go(state.step + 1); });
  on("session-previous", function () { go(state.step - 1); });
  on("session-leave", closeProjector);
  on("session-both", function () { state.both = !state.both; save(); render(false); });
  on("session-pause", togglePause);
  on("session-restart", restartTimer);
  document.addEventListener("fullscreenchange", function () {
    if (document.fullscreenElement || !projector) return;
    if (!projector.hidden) closeProjector();
    else if (document.activeElement === document.body) returnFocus();
  });
  document.addEventListener("keydown", function (event) {
    var active = view === "facilitator" || (projector && !projector.hidden);
    if (!active) return;
    if (event.key === "Escape" && projector && !projector.hidden) {
      event.preventDefault();
      closeProjector();
      return;
    }
    var move = keyMoves(event);
    if (move) {
      event.preventDefault();
      go(state.step + move);
    } else if (event.key === "Home" && projector && !projector.hidden) {
      event.preventDefault(); go(0);
    } else if (event.key === "End" && projector && !projector.hidden) {
      event.preventDefault(); go(agenda().length - 1);
    }
  });
  setInterval(tick, 1000);
  render(false);
})();
