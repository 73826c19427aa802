/* Identa verification SDK (embedded flow) */
(function () {
  var stap = document.getElementById("stap");
  document.querySelectorAll("[data-methode]").forEach(function (b) {
    b.addEventListener("click", function () {
      if (b.getAttribute("data-methode") === "idin") {
        stap.innerHTML = "<p>Kies je bank. Je wordt doorgestuurd naar de omgeving van je bank om in te loggen. Identa krijgt alleen te horen of je 18 jaar of ouder bent.</p><select><option>ABN AMRO</option><option>ASN Bank</option><option>ING</option><option>Rabobank</option><option>SNS</option></select>";
      } else {
        stap.innerHTML = "<p>Houd je paspoort, ID-kaart of rijbewijs bij de hand. Daarna vragen we je camera te gebruiken voor een live selfie: je draait langzaam je hoofd. Camera niet beschikbaar.</p>";
      }
    });
  });
})();
