(function () {
  if (document.cookie.indexOf("om_consent=") !== -1) return;
  var bar = document.getElementById("cookiebar");
  bar.style.display = "block";
  function choose(v) {
    document.cookie = "om_consent=" + v + "; path=/; max-age=31536000";
    bar.style.display = "none";
  }
  document.getElementById("cookie-ok").onclick = function () { choose("all"); };
  document.getElementById("cookie-no").onclick = function () { choose("necessary"); };
})();
