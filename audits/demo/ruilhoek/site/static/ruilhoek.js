(function () {
  "use strict";
  // cookie screen: covers the page until a choice is made
  var scherm = document.getElementById("cookiescherm");
  if (scherm && !localStorage.getItem("rh_cookies")) {
    scherm.hidden = false;
    scherm.querySelectorAll("button").forEach(function (b) {
      b.addEventListener("click", function () { localStorage.setItem("rh_cookies", b.value); scherm.hidden = true; });
    });
  }
  // icon buttons that navigate (report flag)
  document.querySelectorAll("button[data-href]").forEach(function (b) {
    b.addEventListener("click", function () { location.href = b.getAttribute("data-href"); });
  });
  // "Toon nummer": fetch the number only after a click (no login needed)
  var toon = document.getElementById("toon-nummer");
  if (toon) toon.addEventListener("click", function () {
    fetch("/api/nummer/" + toon.getAttribute("data-advertentie") + ".json").then(function (r) { return r.json(); }).then(function (d) {
      var a = document.createElement("a");
      a.href = "tel:" + d.nummer.replace(/-/g, "");
      a.className = "knop wit";
      a.textContent = "Bel " + d.nummer;
      toon.replaceWith(a);
    });
  });
})();
