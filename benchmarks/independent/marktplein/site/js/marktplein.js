/* Marktplein front-end: "Toon nummer" op de advertentiepagina */
(function () {
  document.querySelectorAll("button.toon-nummer").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var id = btn.getAttribute("data-id");
      fetch("/ajax.php?action=phone&id=" + encodeURIComponent(id), { headers: { "X-Requested-With": "XMLHttpRequest" } })
        .then(function (r) { return r.json(); })
        .then(function (j) {
          if (!j.ok) { return; }
          var span = document.querySelector('span.nummer[data-id="' + id + '"]');
          var a = document.createElement("a");
          a.href = "tel:" + j.telefoon.replace(/[^0-9+]/g, "");
          a.textContent = j.telefoon;
          span.textContent = "";
          span.appendChild(a);
          btn.remove();
        });
    });
  });
})();
