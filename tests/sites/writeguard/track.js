// Every channel a page has to write to its server, tried on load, on a timer and when the page goes away.
(function () {
  var page = location.pathname;
  try { navigator.sendBeacon('/api/beacon', JSON.stringify({view: page})); } catch (e) {}
  try { fetch('/api/view', {method: 'PUT', body: page}); } catch (e) {}
  try { fetch('/api/delete', {method: 'DELETE'}); } catch (e) {}
  try { var x = new XMLHttpRequest(); x.open('PATCH', '/api/patch'); x.send('p'); } catch (e) {}
  try { fetch('/api/keepalive', {method: 'POST', body: 'k', keepalive: true}); } catch (e) {}
  try {
    var ws = new WebSocket('ws://' + location.host + '/ws');
    ws.onopen = function () { ws.send('hello from ' + page); };
    ws.onmessage = function (m) { document.documentElement.dataset.ws = m.data; ws.send('got ' + m.data); ws.close(); };
  } catch (e) {}
  try { var es = new EventSource('/api/events'); setTimeout(function () { es.close(); }, 500); } catch (e) {}
  try {
    var w = new Worker(URL.createObjectURL(new Blob(["fetch('" + location.origin + "/api/worker', {method: 'POST', body: 'w'});"],
                                                   {type: 'text/javascript'})));
  } catch (e) {}
  try { var pc = new RTCPeerConnection(); pc.createDataChannel('x'); } catch (e) {}
  setTimeout(function () { try { navigator.sendBeacon('/api/later', 'later'); } catch (e) {} }, 300);
  addEventListener('pagehide', function () { try { navigator.sendBeacon('/api/pagehide', 'bye'); } catch (e) {} });
  addEventListener('visibilitychange', function () {
    try { fetch('/api/hidden', {method: 'POST', body: 'h', keepalive: true}); } catch (e) {}
  });
  var frame = document.createElement('iframe');
  frame.src = '/frame.html'; frame.width = 200; frame.height = 60;
  (document.body || document.documentElement).appendChild(frame);
})();
