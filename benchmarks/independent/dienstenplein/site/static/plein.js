// Dienstenplein: "Meer laden" op de startpagina en "Toon nummer" op een zoekertje.
(function () {
  "use strict";
  var knop = document.getElementById("meer-laden");
  if (knop) {
    knop.addEventListener("click", function () {
      var pagina = knop.getAttribute("data-pagina");
      knop.disabled = true;
      knop.textContent = "Bezig met laden…";
      fetch("/zoekertjes/meer?pagina=" + encodeURIComponent(pagina))
        .then(function (r) { return r.text(); })
        .then(function (html) {
          var lijst = document.getElementById("lijst");
          lijst.insertAdjacentHTML("beforeend", html);
          var volgende = lijst.querySelector(".nog-meer");
          if (volgende) {
            knop.setAttribute("data-pagina", volgende.getAttribute("data-volgende"));
            volgende.remove();
            knop.disabled = false;
            knop.textContent = "Meer laden";
          } else {
            knop.parentNode.remove();
          }
        })
        .catch(function () { knop.disabled = false; knop.textContent = "Meer laden"; });
    });
  }
  document.querySelectorAll(".toon-nummer").forEach(function (b) {
    b.addEventListener("click", function () {
      var span = document.getElementById(b.getAttribute("aria-controls"));
      var nummer = span.textContent.trim();
      var link = document.createElement("a");
      link.href = "tel:" + nummer.replace(/\s+/g, "");
      link.textContent = nummer;
      link.className = "nummer";
      span.replaceWith(link);
      b.remove();
    });
  });
})();
