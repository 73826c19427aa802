// Passgate (invented): the camera step cannot be finished without a person in front of the camera.
document.getElementById('cam').addEventListener('click', function () {
  document.getElementById('note').hidden = false;
});
