/* Tessera Connect SDK 2.4 — bank and eID age checks. Only "over 18: yes/no" is shared with the merchant. */
(function () {
  var ORIGIN = (document.currentScript && new URL(document.currentScript.src).origin) || "";
  function open(opts) {
    var frame = document.createElement("iframe");
    frame.title = "Tessera: confirm your age with your bank";
    frame.src = ORIGIN + "/connect.html?client=" + encodeURIComponent(opts.client || "") + "&origin=" + encodeURIComponent(location.origin);
    frame.setAttribute("allow", "publickey-credentials-get");
    var box = opts.container || document.body;
    while (box.firstChild) box.removeChild(box.firstChild);
    box.appendChild(frame);
    window.addEventListener("message", function (ev) {
      if (ev.origin !== ORIGIN || !ev.data || ev.data.type !== "tessera:result") return;
      if (ev.data.over18 === true && typeof opts.onVerified === "function") opts.onVerified(ev.data.assertion);
    });
  }
  window.Tessera = {version: "2.4.0", open: open};
})();
