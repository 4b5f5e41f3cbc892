// Every page: 长辈模式 (large text), 朗读本页 (read aloud) and print buttons.
//
// This script is loaded in <head> without defer, so that 长辈模式 is on
// before the page is drawn. Without JavaScript the buttons stay hidden and
// the page is the standard one. Nothing leaves the browser: the setting is
// kept in localStorage and reading aloud uses the browser's own voices.
'use strict';
(function () {
  var KEY = 'gy-elder';
  var root = document.documentElement;
  root.classList.add('js');
  // A link with answers in it (a shared calculator result): the page's
  // own script shows its answer first and then removes the class (see
  // style.css); should that script never run, the page shows as usual.
  if (location.search.length > 1) {
    root.classList.add('has-query');
    setTimeout(function () { if (!window.policyCalc) root.classList.remove('has-query'); }, 10000);
  }

  function stored() {
    try { return window.localStorage.getItem(KEY) === '1'; } catch (e) { return false; }
  }

  function store(on) {
    try {
      if (on) window.localStorage.setItem(KEY, '1');
      else window.localStorage.removeItem(KEY);
    } catch (e) { /* private mode: the setting lasts for this page only */ }
  }

  function apply(on) {
    root.classList.toggle('elder', on);
    var b = document.getElementById('elder-toggle');
    if (b) b.setAttribute('aria-pressed', on ? 'true' : 'false');
  }

  apply(stored());

  // ---- 长辈模式 -------------------------------------------------------------

  function elderButton() {
    var b = document.getElementById('elder-toggle');
    if (!b) return;
    apply(root.classList.contains('elder'));
    b.hidden = false;
    b.addEventListener('click', function () {
      var on = !root.classList.contains('elder');
      store(on);
      apply(on);
    });
    // Another tab switched it: follow.
    window.addEventListener('storage', function (e) {
      if (e.key === KEY || e.key === null) apply(stored());
    });
  }

  // ---- 朗读 -----------------------------------------------------------------

  // chineseVoice is the browser's zh-CN voice (or another Chinese one).
  function chineseVoice(synth) {
    var best = null;
    synth.getVoices().forEach(function (v) {
      var lang = (v.lang || '').replace('_', '-').toLowerCase();
      if (lang === 'zh-cn' && (!best || best.lang.toLowerCase() !== 'zh-cn')) best = v;
      else if (!best && /^zh(-|$)/.test(lang)) best = v;
    });
    return best;
  }

  // chunks splits the region's visible text into short pieces (browsers
  // stop long utterances); controls, hidden parts and closed <details>
  // are not in innerText.
  function chunks(region) {
    var out = [];
    region.innerText.split(/\n+/).forEach(function (line) {
      line = line.trim();
      if (!line) return;
      while (line.length > 160) {
        var cut = line.lastIndexOf('。', 160);
        if (cut < 40) cut = 160;
        out.push(line.slice(0, cut + 1));
        line = line.slice(cut + 1);
      }
      if (line) out.push(line);
    });
    return out;
  }

  function speakButton() {
    var region = document.querySelector('[data-speak]');
    var b = document.getElementById('speak-toggle');
    var synth = window.speechSynthesis;
    if (!region || !b || !synth || typeof window.SpeechSynthesisUtterance !== 'function') return;
    var label = b.textContent;
    var speaking = false;

    function done() {
      speaking = false;
      b.textContent = label;
    }

    function start() {
      var voice = chineseVoice(synth);
      if (!voice) return;
      synth.cancel();
      var parts = chunks(region).filter(function (t) { return t !== label; });
      if (!parts.length) return;
      speaking = true;
      b.textContent = '停止朗读';
      parts.forEach(function (text, i) {
        var u = new window.SpeechSynthesisUtterance(text);
        u.voice = voice;
        u.lang = voice.lang;
        u.rate = 0.9;
        if (i === parts.length - 1) u.onend = done;
        u.onerror = done;
        synth.speak(u);
      });
    }

    function offer() {
      if (chineseVoice(synth)) b.hidden = false;
    }

    b.addEventListener('click', function () {
      if (speaking) {
        synth.cancel();
        done();
      } else {
        start();
      }
    });
    window.addEventListener('pagehide', function () { synth.cancel(); });
    offer();
    if (synth.addEventListener) synth.addEventListener('voiceschanged', offer);
  }

  // ---- print ------------------------------------------------------------------

  function printButtons() {
    Array.prototype.forEach.call(document.querySelectorAll('button[data-print]'), function (b) {
      b.hidden = false;
      b.addEventListener('click', function () { window.print(); });
    });
  }

  // ---- offline ----------------------------------------------------------------

  // offline registers the service worker (/sw.js), which keeps the
  // calculator and every page opened, so that they open again without a
  // network. It waits for the page to have loaded (the worker's first
  // downloads do not compete with the page's). On the first visit this
  // page is not yet the worker's, so it asks the worker to keep it.
  function offline() {
    var sw = navigator.serviceWorker;
    if (!sw || !window.isSecureContext) return;
    if (document.readyState !== 'complete') {
      window.addEventListener('load', offline);
      return;
    }
    var first = !sw.controller;
    sw.register('/sw.js').then(function () { return sw.ready; }).then(function (reg) {
      if (first && reg.active) reg.active.postMessage({ keep: location.pathname });
    }).catch(function () { /* no worker (a preview, or private mode): online only */ });
  }

  function ready() {
    elderButton();
    speakButton();
    printButtons();
    offline();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
  else ready();
})();
