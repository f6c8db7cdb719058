/* global document, window, fetch, location, DOMParser, CustomEvent, EventSource */
// Live board: subscribes to /console/live and, on an event, re-fetches this page and swaps the
// contents of <main> (no reload, scroll kept). Loaded as
// <script src="/console/live/client.js" data-topics="taxi" defer></script>.
// data-sound="alert.opened" beeps (WebAudio) when an event of that type arrives.
(function () {
  'use strict';
  var script = document.currentScript;
  var topics = script && script.dataset.topics;
  if (!topics || !window.EventSource) return;
  var soundOn = (script.dataset.sound || '').split(',').filter(Boolean);
  var timer = null;
  var pending = false;
  var busy = false;
  var audio = null;

  function beep() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      [0, 0.35].forEach(function (at) {
        var o = audio.createOscillator();
        var g = audio.createGain();
        o.frequency.value = 880;
        g.gain.setValueAtTime(0.25, audio.currentTime + at);
        g.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + at + 0.3);
        o.connect(g).connect(audio.destination);
        o.start(audio.currentTime + at);
        o.stop(audio.currentTime + at + 0.3);
      });
    } catch (e) {
      /* no sound is better than a broken board */
    }
  }

  function editing() {
    var a = document.activeElement;
    var main = document.querySelector('main');
    return a && main && main.contains(a) && /^(INPUT|SELECT|TEXTAREA)$/.test(a.tagName);
  }

  function refresh() {
    if (busy || editing()) {
      pending = true;
      return;
    }
    busy = true;
    pending = false;
    fetch(location.href, { headers: { accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (r) {
        return r.ok ? r.text() : Promise.reject(new Error(String(r.status)));
      })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html').querySelector('main');
        var main = document.querySelector('main');
        if (next && main) {
          main.innerHTML = next.innerHTML;
          document.dispatchEvent(new CustomEvent('live:updated'));
        }
      })
      .catch(function () {
        /* the next event or the reconnect tries again */
      })
      .then(function () {
        busy = false;
        if (pending) schedule();
      });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 250);
  }

  document.addEventListener('focusout', function () {
    if (pending) schedule();
  });

  var source = new EventSource('/console/live?topics=' + encodeURIComponent(topics));
  source.onmessage = function (m) {
    var e = {};
    try {
      e = JSON.parse(m.data);
    } catch (err) {
      return;
    }
    document.documentElement.dataset.liveLast = e.type || '';
    if (soundOn.indexOf(e.type) >= 0) beep();
    schedule();
  };
  source.onopen = function () {
    document.documentElement.dataset.live = 'open';
  };
  source.onerror = function () {
    document.documentElement.dataset.live = 'reconnecting';
  };
})();
