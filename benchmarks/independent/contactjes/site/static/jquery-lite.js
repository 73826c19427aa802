/* jQuery-achtige helpers van Contactjes (2014). */
(function (w, d) {
  function $(sel) { var n = d.querySelectorAll(sel); return {
    each: function (f) { Array.prototype.forEach.call(n, f); return this; },
    on: function (ev, f) { return this.each(function (el) { el.addEventListener(ev, f); }); },
    toggle: function () { return this.each(function (el) { el.style.display = el.style.display === "none" ? "" : "none"; }); }
  }; }
  w.$ = $;
  d.addEventListener("DOMContentLoaded", function () {
    $(".js-teller").on("input", function () { var t = d.getElementById(this.getAttribute("data-teller")); if (t) t.textContent = (500 - this.value.length) + " tekens over"; });
    $(".js-filters-knop").on("click", function () { $(".filters-extra").toggle(); });
  });
})(window, document);
