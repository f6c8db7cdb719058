/* global document, window, fetch, DOMParser, URLSearchParams, FormData */
// The picking board without a reload per line. Every form on the board works without this
// script (post, redirect, whole page); with it a marking is posted by fetch, and the hall's
// section and the day's progress are taken from the page the server answers with, so the
// server stays the only place that draws them. The last marking can be undone from the toolbar.
(function () {
  'use strict';
  var lastUndo = null; // { action, label }
  var busy = false;

  function status(text, kind) {
    var el = document.getElementById('pick-status');
    if (!el) return;
    el.className = kind || 'notice';
    el.textContent = text || '';
  }

  function drawUndo() {
    var slot = document.getElementById('pick-undo');
    if (!slot) return;
    slot.textContent = '';
    if (!lastUndo) return;
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'button secondary';
    b.id = 'pick-undo-button';
    b.textContent = '元に戻す（' + lastUndo.label + '）';
    b.addEventListener('click', function () {
      var u = lastUndo;
      lastUndo = null;
      send(u.action, new URLSearchParams(), null, true);
    });
    slot.appendChild(b);
  }

  function rowLabel(tr) {
    var cells = tr ? tr.querySelectorAll('td') : [];
    return cells.length > 3 ? cells[1].textContent + ' ' + cells[3].textContent : '';
  }

  function flashOf(doc) {
    var f = doc.querySelector('main > p[role=status], main > p[role=alert]');
    return f ? { text: f.textContent, kind: f.className } : null;
  }

  function send(action, body, lineId, isUndo) {
    if (busy) return;
    busy = true;
    document.documentElement.dataset.picking = 'busy';
    fetch(action, {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { accept: 'text/html' },
    })
      .then(function (r) {
        return r.text().then(function (html) {
          return { ok: r.ok, doc: new DOMParser().parseFromString(html, 'text/html') };
        });
      })
      .then(function (res) {
        if (!res.ok) {
          var msg = res.doc.querySelector('main');
          status(msg ? msg.textContent.replace(/\s+/g, ' ').trim() : '記録できませんでした', 'error');
          return;
        }
        var summary = res.doc.getElementById('pick-summary');
        var here = document.getElementById('pick-summary');
        if (summary && here) here.replaceWith(summary);
        res.doc.querySelectorAll('section.hall-sheet').forEach(function (next) {
          var cur = document.getElementById(next.id);
          if (cur) cur.replaceWith(next);
        });
        var f = flashOf(res.doc);
        status(f ? f.text : '', f ? f.kind : 'notice');
        if (isUndo) lastUndo = null;
        else if (lineId) {
          var row = document.querySelector('tr[data-line="' + lineId + '"]');
          var undo = row && row.querySelector('form[data-undo]');
          lastUndo = undo ? { action: undo.getAttribute('action'), label: rowLabel(row) } : null;
        }
        drawUndo();
        reopen();
        focusNext(lineId);
      })
      .catch(function () {
        status('送信できませんでした。通信を確かめて、もう一度押してください。', 'error');
      })
      .then(function () {
        busy = false;
        document.documentElement.dataset.picking = 'idle';
      });
  }

  // Keyboard users carry on down the list: focus the next line still to pick.
  function focusNext(lineId) {
    var row = lineId && document.querySelector('tr[data-line="' + lineId + '"]');
    var next = row && row.nextElementSibling;
    while (next && !next.querySelector('form[data-pick]:not([data-undo]) button'))
      next = next.nextElementSibling;
    var target = next ? next.querySelector('form[data-pick] button') : row && row.querySelector('button');
    if (target) target.focus();
  }

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form || !form.matches || !form.matches('form[data-pick]')) return;
    e.preventDefault();
    var tr = form.closest('tr');
    send(
      form.getAttribute('action'),
      new URLSearchParams(new FormData(form)),
      tr && tr.dataset.line,
      form.hasAttribute('data-undo'),
    );
  });

  document.addEventListener('click', function (e) {
    var b = e.target && e.target.closest && e.target.closest('[data-print]');
    if (b) window.print();
  });

  // The 欠品 box a clerk opened stays open when a live update (or a marking) redraws the board.
  var openMissing = {};
  document.addEventListener(
    'toggle',
    function (e) {
      var d = e.target;
      var tr = d && d.tagName === 'DETAILS' && d.closest('tr[data-line]');
      if (!tr) return;
      if (d.open) openMissing[tr.dataset.line] = true;
      else delete openMissing[tr.dataset.line];
    },
    true,
  );
  function reopen() {
    Object.keys(openMissing).forEach(function (line) {
      var d = document.querySelector('tr[data-line="' + line + '"] details');
      if (d) d.open = true;
      else delete openMissing[line];
    });
  }

  function unhide() {
    document.querySelectorAll('[data-print]').forEach(function (b) {
      b.hidden = false;
    });
    drawUndo();
    reopen();
  }
  // A live update swaps <main>: the print button and the undo bar come back with it.
  document.addEventListener('live:updated', unhide);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', unhide);
  else unhide();
})();
