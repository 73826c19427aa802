// Cookie banner: overlays the page until a choice is made (stored in localStorage).
(function () {
  var bar = document.getElementById("cookiebar");
  if (!bar) return;
  if (localStorage.getItem("kr_cookiekeuze")) { bar.hidden = true; return; }
  bar.hidden = false;
  bar.querySelectorAll("[data-keuze]").forEach(function (b) {
    b.addEventListener("click", function () {
      localStorage.setItem("kr_cookiekeuze", b.getAttribute("data-keuze"));
      bar.hidden = true;
    });
  });
})();
// Age check (start page only): a click-through overlay; the cookie leeftijd_ok=1 remembers it.
(function () {
  var gate = document.getElementById("leeftijdscheck");
  if (!gate) return;
  if (document.cookie.split("; ").indexOf("leeftijd_ok=1") >= 0) { gate.hidden = true; return; }
  gate.hidden = false;
  document.getElementById("ik-ben-18").addEventListener("click", function () {
    document.cookie = "leeftijd_ok=1; path=/; max-age=2592000; SameSite=Lax";
    gate.hidden = true;
  });
})();
