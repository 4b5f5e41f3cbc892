// Live reload and error overlay of the preview server (package preview).
// The server inserts this script, with the state token of the page in
// data-state, into every HTML page it serves; nothing of it is inline, so
// pages keep working under the site's Content-Security-Policy.
(function () {
  var me = document.currentScript;
  var state = me ? me.getAttribute('data-state') : null;
  var hide = document.getElementById('gy-preview-errors-hide');
  if (hide) {
    hide.addEventListener('click', function () {
      document.getElementById('gy-preview-errors').hidden = true;
    });
  }
  if (!window.EventSource || !state) return;
  var es = new EventSource(me.getAttribute('data-events'));
  es.onmessage = function (e) {
    if (e.data !== state) {
      es.close();
      location.reload();
    }
  };
})();
