// Both methods need the camera; without one the check cannot finish, and nothing is sent.
(function () {
  var status = document.getElementById('status');
  function camera(label) {
    status.textContent = 'Starting camera for ' + label + '…';
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      status.textContent = 'We could not reach a camera. Try on a phone or another device.'; return;
    }
    navigator.mediaDevices.getUserMedia({ video: true }).then(function (s) {
      status.textContent = 'Camera ready. Hold still…';
      s.getTracks().forEach(function (t) { t.stop(); });
      status.textContent = 'We could not get a clear image. Please try again in better light.';
    }).catch(function () {
      status.textContent = 'Camera permission was refused. Allow the camera to continue, or use another device.';
    });
  }
  document.getElementById('start-face').addEventListener('click', function () { camera('age estimation'); });
  document.getElementById('start-id').addEventListener('click', function () { camera('the document scan'); });
})();
