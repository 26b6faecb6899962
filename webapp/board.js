// The stash board: a Telegram Mini App without a build step or a network dependency.
// It reads its signed initData and theme from Telegram's WebApp object when there is
// one, else from the URL fragment (tgWebAppData, tgWebAppThemeParams), and talks to the
// Telegram client through the documented postEvent bridge (main and back buttons,
// haptics). Every API call carries the initData; the server checks it.
"use strict";

(function () {
  var $ = function (id) { return document.getElementById(id); };
  var REFRESH_EVERY_MS = 60000;

  // ---- Telegram: launch parameters and the postEvent bridge ----

  var hash = new URLSearchParams(location.hash.replace(/^#/, ""));
  var tgWebApp = window.Telegram && window.Telegram.WebApp;
  var initData = (tgWebApp && tgWebApp.initData) || hash.get("tgWebAppData") || "";

  function themeParams() {
    if (tgWebApp && tgWebApp.themeParams && Object.keys(tgWebApp.themeParams).length) {
      return tgWebApp.themeParams;
    }
    try {
      return JSON.parse(hash.get("tgWebAppThemeParams") || "{}");
    } catch (e) {
      return {};
    }
  }

  function applyTheme(params) {
    var root = document.documentElement.style;
    Object.keys(params || {}).forEach(function (key) {
      var value = params[key];
      if (typeof value === "string" && /^#[0-9a-fA-F]{3,8}$/.test(value)) {
        root.setProperty("--tg-theme-" + key.replace(/_/g, "-"), value);
      }
    });
    var bg = (params && params.bg_color) || "";
    document.documentElement.dataset.scheme = isDark(bg) ? "dark" : "light";
  }

  function isDark(hex) {
    var m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex || "");
    if (!m) { return false; }
    var lum = 0.299 * parseInt(m[1], 16) + 0.587 * parseInt(m[2], 16) + 0.114 * parseInt(m[3], 16);
    return lum < 128;
  }

  // Sends an event to the Telegram client: the native apps expose
  // TelegramWebviewProxy, the web client listens to postMessage from its iframe.
  // Outside Telegram (a plain browser, the tests) it does nothing.
  function postEvent(type, data) {
    var payload = data === undefined ? "" : JSON.stringify(data);
    try {
      if (window.TelegramWebviewProxy && window.TelegramWebviewProxy.postEvent) {
        window.TelegramWebviewProxy.postEvent(type, payload);
      } else if (window.parent && window.parent !== window) {
        window.parent.postMessage(JSON.stringify({ eventType: type, eventData: data }), "*");
      }
    } catch (e) {
      // A bridge that fails must not stop the board.
    }
    (window.__boardEvents = window.__boardEvents || []).push(type);
  }

  var handlers = {};
  function onEvent(type, fn) { handlers[type] = fn; }
  function receiveEvent(type, data) {
    if (handlers[type]) { handlers[type](data); }
  }
  // Native clients call Telegram.WebView.receiveEvent; the web client posts messages.
  window.Telegram = window.Telegram || {};
  if (!window.Telegram.WebView) {
    window.Telegram.WebView = { receiveEvent: receiveEvent };
  }
  window.addEventListener("message", function (event) {
    if (event.source !== window.parent || typeof event.data !== "string") { return; }
    try {
      var msg = JSON.parse(event.data);
      if (msg && msg.eventType) { receiveEvent(msg.eventType, msg.eventData); }
    } catch (e) {
      // Not ours.
    }
  });

  function haptic(kind) {
    if (kind === "tap") {
      postEvent("web_app_trigger_haptic_feedback", { type: "impact", impact_style: "light" });
    } else {
      postEvent("web_app_trigger_haptic_feedback", { type: "notification", notification_type: kind });
    }
  }

  function mainButton(text) {
    postEvent("web_app_setup_main_button", text ? {
      is_visible: true, is_active: true, is_progress_visible: false, text: text,
      color: themeParams().button_color, text_color: themeParams().button_text_color
    } : { is_visible: false });
  }

  function backButton(visible) {
    postEvent("web_app_setup_back_button", { is_visible: visible });
  }

  // ---- The API ----

  function api(method, path, body) {
    var options = { method: method, headers: { "Authorization": "tma " + initData } };
    if (body) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return fetch(path, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        return { status: response.status, json: json };
      });
    });
  }

  // ---- Drawing ----

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  var state = { board: null, open: null, busy: false };

  // The page's own labels: English until the board's answer brings the person's.
  var W = {
    title: "Stash", use_next: "Use next", use_next_button: "Use next: {amount}",
    move: "Move", used: "Used", discard: "Discard", back: "← Board", history: "History",
    pull: "Release to refresh", cant_open: "The board can't open",
    went_wrong: "Something went wrong. Try again in a moment.",
    offline: "No connection to the bot. Pull down to try again.",
    offline_unchanged: "No connection to the bot. Nothing was changed.",
    unavailable: "That batch can't be opened now.", not_through: "That didn't go through.",
    done: "Done: {action}"
  };

  function useWords(words) {
    Object.keys(words || {}).forEach(function (name) {
      if (typeof words[name] === "string") { W[name] = words[name]; }
    });
    $("back").textContent = W.back;
    $("history-title").textContent = W.history;
    $("pull").textContent = W.pull;
    document.title = W.title;
  }

  function showProblem(text) {
    var box = $("problem");
    box.textContent = "";
    box.appendChild(el("strong", null, W.cant_open));
    box.appendChild(el("span", null, text));
    box.hidden = false;
    $("board").hidden = true;
    $("detail").hidden = true;
    $("summary").textContent = W.title;
    $("supply").textContent = "";
    mainButton(null);
    backButton(false);
  }

  function toast(text) {
    var box = $("toast");
    box.textContent = text;
    box.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(function () { box.hidden = true; }, 2500);
  }

  function cardNode(card, big) {
    var node = el(big ? "div" : "button", "card band-" + card.band + (big ? " big" : ""));
    if (!big) {
      node.type = "button";
      node.dataset.id = String(card.id);
      node.addEventListener("click", function () { openBatch(card.id); });
    }
    if (card.use_next) {
      node.classList.add("is-next");
      node.appendChild(el("span", "next", W.use_next));
    }
    node.appendChild(el("span", "amount", card.amount));
    if (card.left) { node.appendChild(el("span", "left", card.left)); }
    node.appendChild(el("span", "meta", card.expressed));
    if (card.by) { node.appendChild(el("span", "meta", card.by)); }
    return node;
  }

  function drawBoard(board) {
    state.board = board;
    useWords(board.words);
    $("problem").hidden = true;
    var main = $("board");
    main.hidden = false;
    main.textContent = "";
    $("summary").textContent = board.summary;
    $("supply").textContent = board.supply;
    if (board.empty) {
      main.appendChild(el("p", "note", board.empty));
    }
    board.shelves.forEach(function (shelf) {
      var section = el("section", "shelf shelf-" + shelf.place);
      section.dataset.place = shelf.place;
      var head = el("div", "shelf-head");
      head.appendChild(el("h2", null, shelf.name));
      head.appendChild(el("span", "shelf-total", shelf.total));
      section.appendChild(head);
      var cards = el("div", "cards");
      shelf.cards.forEach(function (card) { cards.appendChild(cardNode(card, false)); });
      section.appendChild(cards);
      main.appendChild(section);
    });
    if (!state.open) {
      var next = findCard(board.use_next);
      mainButton(next ? W.use_next_button.replace("{amount}", next.amount) : null);
    }
    if (window.performance && performance.mark) { performance.mark("board-shown"); }
    document.documentElement.dataset.ready = "1";
  }

  function findCard(id) {
    var found = null;
    (state.board ? state.board.shelves : []).forEach(function (shelf) {
      shelf.cards.forEach(function (card) { if (card.id === id) { found = card; } });
    });
    return found;
  }

  function groups() {
    return [["move", W.move], ["use", W.used], ["discard", W.discard], ["undo", ""]];
  }

  function drawDetail(detail) {
    state.open = detail;
    var card = $("detail-card");
    card.textContent = "";
    var big = cardNode(detail.card, true);
    big.id = "detail-amount";
    card.appendChild(big);
    var actions = $("detail-actions");
    actions.textContent = "";
    groups().forEach(function (group) {
      var items = detail.actions.filter(function (a) { return a.group === group[0]; });
      if (!items.length) { return; }
      var box = el("div", "group group-" + group[0]);
      if (group[1]) { box.appendChild(el("h2", null, group[1])); }
      var buttons = el("div", "buttons");
      items.forEach(function (action) {
        var style = group[0] === "move" ? "act" : group[0] === "discard" ? "act danger" : "act quiet";
        var button = el("button", style, action.label);
        button.type = "button";
        button.addEventListener("click", function () { act(detail, action, button); });
        buttons.appendChild(button);
      });
      box.appendChild(buttons);
      actions.appendChild(box);
    });
    var history = $("history");
    history.textContent = "";
    detail.history.forEach(function (line) { history.appendChild(el("li", null, line)); });
    $("detail").hidden = false;
    $("detail").scrollTop = 0;
    mainButton(null);
    backButton(true);
  }

  function closeDetail() {
    state.open = null;
    $("detail").hidden = true;
    backButton(false);
    if (state.board) { drawBoard(state.board); }
  }

  // ---- What a tap does ----

  function load() {
    return api("GET", "api/board").then(function (r) {
      if (r.status === 200) {
        drawBoard(r.json);
      } else {
        showProblem(r.json.error || W.went_wrong);
      }
    }).catch(function () {
      toast(W.offline);
    });
  }

  function openBatch(id) {
    haptic("tap");
    return api("GET", "api/batch/" + id).then(function (r) {
      if (r.status === 200) {
        drawDetail(r.json);
      } else if (r.status === 401 || r.status === 403) {
        showProblem(r.json.error);
      } else {
        toast(r.json.error || W.unavailable);
        load();
      }
    }).catch(function () { toast(W.offline); });
  }

  function act(detail, action, button) {
    if (state.busy) { return; }
    state.busy = true;
    button.disabled = true;
    var body = { version: detail.card.version, act: action.act };
    if (action.to) { body.to = action.to; }
    if (action.ml) { body.ml = action.ml; }
    if (action.reason) { body.reason = action.reason; }
    api("POST", "api/batch/" + detail.card.id, body).then(function (r) {
      state.busy = false;
      button.disabled = false;
      if (r.status === 401 || r.status === 403) {
        haptic("error");
        showProblem(r.json.error);
        return;
      }
      if (r.json.board) { state.board = r.json.board; }
      if (r.status === 200) {
        haptic("success");
        toast(W.done.replace("{action}", action.label));
        closeDetail();
      } else {
        haptic("error");
        toast(r.json.message || r.json.error || W.not_through);
        if (r.status === 409) {
          openBatch(detail.card.id);
        } else {
          closeDetail();
          load();
        }
      }
    }).catch(function () {
      state.busy = false;
      button.disabled = false;
      toast(W.offline_unchanged);
    });
  }

  // Pull down at the top of the board to refresh.
  function pullToRefresh() {
    var startY = null;
    var pulled = false;
    window.addEventListener("touchstart", function (e) {
      startY = window.scrollY === 0 && $("detail").hidden ? e.touches[0].clientY : null;
    }, { passive: true });
    window.addEventListener("touchmove", function (e) {
      if (startY === null) { return; }
      pulled = e.touches[0].clientY - startY > 70;
      $("pull").classList.toggle("shown", pulled);
    }, { passive: true });
    window.addEventListener("touchend", function () {
      if (pulled) { haptic("tap"); load(); }
      pulled = false;
      startY = null;
      $("pull").classList.remove("shown");
    });
  }

  // ---- Start ----

  applyTheme(themeParams());
  onEvent("theme_changed", function (data) { applyTheme((data && data.theme_params) || {}); });
  onEvent("back_button_pressed", closeDetail);
  onEvent("main_button_pressed", function () {
    if (state.board && state.board.use_next) { openBatch(state.board.use_next); }
  });
  $("back").addEventListener("click", closeDetail);
  $("refresh").addEventListener("click", function () { haptic("tap"); load(); });
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden && !state.open) { load(); }
  });
  setInterval(function () { if (!document.hidden && !state.open) { load(); } }, REFRESH_EVERY_MS);
  pullToRefresh();
  if (window.parent && window.parent !== window) {
    // Telegram's web client waits for this before it talks to the frame.
    postEvent("iframe_ready", { reload_supported: false });
  }
  postEvent("web_app_ready");
  postEvent("web_app_expand");
  // The client answers with theme_changed (handled above).
  postEvent("web_app_request_theme");
  load();
})();
