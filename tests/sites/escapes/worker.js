// A worker that reads (a relative GET, which must still work) and tries to write: a WebSocket message and a POST;
// and one worker of its own that tries the same.
onmessage = async (e) => {
  let read = 'no';
  try { read = (await (await fetch('ok.txt')).text()).trim(); } catch (err) { read = 'error'; }
  let ws = 'none';
  try { const s = new WebSocket(e.data); s.onopen = () => s.send('from a worker'); ws = 'made'; } catch (err) { ws = 'refused'; }
  fetch('/api/worker-post', {method: 'POST', body: 'x'}).catch(() => {});
  try { const n = new Worker('nested.js'); n.postMessage(e.data); } catch (err) {}
  postMessage(read + '/' + ws);
};
