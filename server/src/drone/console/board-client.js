/* global document, window */
// Drone board timers: time in the air since launch, time at the hall since landing. The server
// renders each timer's epoch (data-since / data-until) and its own clock (data-server-now), so the
// count follows the server's time, not the tablet's. Runs again after a live swap of <main>.
(function () {
  'use strict';
  var offset = 0;

  function readOffset() {
    var root = document.querySelector('[data-server-now]');
    if (root) offset = Number(root.getAttribute('data-server-now')) - Date.now();
  }

  function text(ms) {
    var s = Math.max(0, Math.floor(ms / 1000));
    var h = Math.floor(s / 3600);
    var m = Math.floor(s / 60) % 60;
    var ss = String(s % 60).padStart(2, '0');
    return h > 0 ? h + ':' + String(m).padStart(2, '0') + ':' + ss : m + ':' + ss;
  }

  function tick() {
    var now = Date.now() + offset;
    document.querySelectorAll('.timer').forEach(function (el) {
      var since = el.getAttribute('data-since');
      var until = el.getAttribute('data-until');
      if (since) el.textContent = text(now - Number(since));
      else if (until) {
        var left = Number(until) - now;
        el.textContent = left < 0 ? '+' + text(-left) : text(left);
      }
    });
  }

  readOffset();
  tick();
  window.setInterval(tick, 1000);
  document.addEventListener('live:updated', function () {
    readOffset();
    tick();
  });
})();
