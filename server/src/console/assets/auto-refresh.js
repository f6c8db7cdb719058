/* global document, location, setInterval */
// Reloads a board every data-auto-refresh seconds, in place of <meta http-equiv="refresh">
// (WCAG 2.2.1: the operator can stop it, and it never reloads under a half-filled form).
(() => {
  const el = document.querySelector('[data-auto-refresh]');
  if (!el) return;
  const seconds = Math.max(10, Number(el.getAttribute('data-auto-refresh')) || 30);
  let stopped = false;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary';
  button.textContent = `自動更新を止める（${seconds}秒ごと）`;
  button.addEventListener('click', () => {
    stopped = !stopped;
    button.textContent = stopped ? '自動更新を再開する' : `自動更新を止める（${seconds}秒ごと）`;
  });
  el.appendChild(button);
  setInterval(() => {
    const busy = document.activeElement && /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
    if (!stopped && !busy) location.reload();
  }, seconds * 1000);
})();
