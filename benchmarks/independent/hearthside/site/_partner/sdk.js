/* Tallyface web SDK (age estimation widget) */
(function () {
  var origin = new URL(document.currentScript.src).origin;
  window.Tallyface = {
    version: "2.4.1",
    mount: function (selector, opts) {
      var host = document.querySelector(selector);
      if (!host) return;
      var f = document.createElement("iframe");
      f.src = origin + "/estimate.html?client=" + encodeURIComponent(opts.client || "") + "&min=" + (opts.minimumAge || 18);
      f.title = "Tallyface age estimation";
      f.allow = "camera";
      f.width = "100%";
      f.height = "320";
      f.style.border = "1px solid #d9d2c5";
      f.style.borderRadius = "10px";
      host.innerHTML = "";
      host.appendChild(f);
    }
  };
})();
