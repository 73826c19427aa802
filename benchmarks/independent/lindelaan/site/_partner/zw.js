document.getElementById('camera').addEventListener('click', function () {
  var melding = document.getElementById('cameramelding');
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { melding.hidden = false; return; }
  navigator.mediaDevices.getUserMedia({ video: true }).then(function (s) {
    s.getTracks().forEach(function (t) { t.stop(); });
  }).catch(function () { melding.hidden = false; });
});
