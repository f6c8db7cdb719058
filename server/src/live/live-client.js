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
          // What the person's own last action said (a flash, a picking status, an undo button) is
          // not in the re-fetched page: the flash cookie is spent and the status is drawn here.
          // Elements marked data-live-keep survive the swap, in place of their namesake or, if the
          // new page has none, under its heading.
          var kept = Array.prototype.slice.call(main.querySelectorAll('[data-live-keep][id]'));
          main.innerHTML = next.innerHTML;
          kept.forEach(function (old) {
            var twin = document.getElementById(old.id);
            if (twin && main.contains(twin)) twin.replaceWith(old);
            else {
              var h1 = main.querySelector('h1');
              if (h1) h1.after(old);
              else main.prepend(old);
            }
          });
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
