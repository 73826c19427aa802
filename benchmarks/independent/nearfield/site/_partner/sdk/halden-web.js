/* Halden web SDK: lets a client site open the Halden age check. */
(function () {
  var origin = (document.currentScript && new URL(document.currentScript.src).origin) || '';
  window.Halden = {
    version: '3.2.0',
    verifyUrl: function (client) { return origin + '/verify.html?client=' + encodeURIComponent(client || ''); },
    open: function (client) { window.location.href = this.verifyUrl(client); }
  };
})();
