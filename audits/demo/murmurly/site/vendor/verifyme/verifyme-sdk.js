/* VerifyMe ID web SDK 3.4.1 (demo build, local copy). Identity document + liveness verification.
 * Embeds the VerifyMe ID widget in every element with data-verifyme-client and relays its result
 * to the host page through postMessage. No network access outside the host origin. */
(function () {
  "use strict";
  function mount(el) {
    if (el.querySelector("iframe")) return;
    var f = document.createElement("iframe");
    var lang = el.getAttribute("data-verifyme-lang") || document.documentElement.lang || "en";
    f.src = "/vendor/verifyme/embed.html?client=" + encodeURIComponent(el.getAttribute("data-verifyme-client")) + "&lang=" + encodeURIComponent(lang);
    f.title = "VerifyMe ID";
    f.width = "100%";
    f.height = "420";
    f.style.border = "1px solid #cfd8e3";
    f.style.borderRadius = "10px";
    f.setAttribute("allow", "camera");
    el.appendChild(f);
  }
  window.VerifyMe = {
    version: "3.4.1",
    checks: ["document", "liveness", "age"],
    init: function () { document.querySelectorAll("[data-verifyme-client]").forEach(mount); },
    onResult: function (cb) {
      window.addEventListener("message", function (e) {
        if (e.origin === location.origin && e.data && e.data.source === "verifyme-id") cb(e.data);
      });
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", window.VerifyMe.init);
  else window.VerifyMe.init();
})();
