/* global document, window, fetch, localStorage, navigator, FormData, URLSearchParams, DOMParser, CustomEvent */
// The driver's tablet: ride taps are sent without leaving the page, and a tap made without signal
// waits in localStorage (with the idempotency key the server rendered into the form) and is sent
// once when the tablet is back online. The server treats a resent key as the same tap; an undo
// (取り消す) is a tap like the others and travels the same queue.
(function () {
  'use strict';
  var QUEUE = 'engawa.driver.queue';

  function load() {
    try {
      return JSON.parse(localStorage.getItem(QUEUE) || '[]');
    } catch (e) {
      return [];
    }
  }
  function save(q) {
    localStorage.setItem(QUEUE, JSON.stringify(q));
    var box = document.getElementById('pending');
    if (box) {
      box.hidden = q.length === 0;
      box.textContent = q.length ? '電波がありません。' + q.length + '件の操作を送信待ちです。' : '';
    }
  }

  function swap(html) {
    var next = new DOMParser().parseFromString(html, 'text/html').querySelector('main');
    var main = document.querySelector('main');
    if (next && main) {
      main.innerHTML = next.innerHTML;
      // the same signal as a live update: the map mounts itself again on the new <main>
      document.dispatchEvent(new CustomEvent('live:updated'));
    }
    save(load());
  }

  function send(item) {
    return fetch(item.url, {
      method: 'POST',
      body: new URLSearchParams(item.body),
      credentials: 'same-origin',
      headers: { accept: 'text/html' },
    }).then(function (r) {
      return r.text().then(function (html) {
        return { ok: r.ok, html: html };
      });
    });
  }

  var flushing = false;
  function flush() {
    if (flushing || !navigator.onLine) return;
    var q = load();
    if (!q.length) return;
    flushing = true;
    send(q[0])
      .then(function (r) {
        // delivered (even a refusal is an answer): drop it, never send it again
        save(
          load().filter(function (x) {
            return x.body.key !== q[0].body.key;
          }),
        );
        if (r.html) swap(r.html);
      })
      .catch(function () {
        /* still offline: keep it */
      })
      .then(function () {
        flushing = false;
        if (load().length && navigator.onLine) flush();
      });
  }

  document.addEventListener('submit', function (ev) {
    var form = ev.target;
    if (!form.matches || !form.matches('form[data-ride-action]')) return;
    ev.preventDefault();
    var body = {};
    new FormData(form).forEach(function (v, k) {
      body[k] = String(v);
    });
    var item = { url: form.action, body: body };
    var q = load();
    if (
      !q.some(function (x) {
        return x.body.key === body.key;
      })
    )
      q.push(item);
    save(q);
    var btn = form.querySelector('button');
    if (btn) btn.disabled = true;
    flush();
  });
  window.addEventListener('online', flush);
  document.addEventListener('DOMContentLoaded', function () {
    save(load());
    flush();
  });
})();
