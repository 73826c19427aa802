(function () {
  var k = document.getElementById("koekje");
  if (!k || localStorage.getItem("st_cookies")) return;
  k.hidden = false;
  k.querySelector("button").addEventListener("click", function () { localStorage.setItem("st_cookies", "ok"); k.hidden = true; });
})();
