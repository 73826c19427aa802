// A worker's own worker: no route sees its requests, so the prelude refuses its writes and tells the guard.
onmessage = (e) => {
  fetch('/api/nested-fetch', {method: 'POST', body: 'n'}).catch(() => {});
  try { const x = new XMLHttpRequest(); x.open('PUT', '/api/nested-xhr'); x.send('n'); } catch (err) {}
  try { new WebSocket(e.data); } catch (err) {}
  postMessage('nested');
};
