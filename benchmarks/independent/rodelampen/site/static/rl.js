(function () {
  var poort = document.getElementById("leeftijdspoort");
  if (poort) {
    if (/(?:^|; )rl_18=ja/.test(document.cookie)) {
      poort.remove();
    } else {
      document.documentElement.classList.add("poort-open");
      document.getElementById("poort-ja").addEventListener("click", function () {
        document.cookie = "rl_18=ja; path=/; max-age=2592000";
        poort.remove();
        document.documentElement.classList.remove("poort-open");
      });
    }
  }
  var knop = document.getElementById("meld-knop");
  if (knop) {
    knop.addEventListener("click", function () {
      var f = document.getElementById("meldformulier");
      f.hidden = !f.hidden;
      knop.setAttribute("aria-expanded", String(!f.hidden));
      if (!f.hidden) f.scrollIntoView({ block: "nearest" });
    });
  }
})();
