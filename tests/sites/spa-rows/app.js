// A single-page classifieds app whose listing rows are not links: a click calls history.pushState and renders
// the ad in place (as many React/Vue apps do). A deep link (/ads/<slug>/) is served the same shell, which
// renders the ad from its path.
(function () {
  const ads = {
    "red-city-bike-7": {title: "Rode stadsfiets, 7 versnellingen", price: "EUR 120", text: "Nette fiets, nieuwe banden."},
    "oak-dining-table-8": {title: "Eikenhouten eettafel", price: "EUR 250", text: "Tafel voor zes personen."},
  };
  const main = document.querySelector("main");
  function showAd(slug) {
    const ad = ads[slug];
    main.innerHTML = `<article itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">${ad.title}</h1>` +
      `<p class="price" itemprop="offers">${ad.price}</p><p>${ad.text}</p>` +
      `<p>Geplaatst door <span class="author">Marloes</span> op 12 november</p></article>`;
    document.title = ad.title + " - Marktje";
  }
  function showList() {
    main.innerHTML = "<h1>Nieuw in Marktje</h1>" + Object.entries(ads).map(([slug, ad]) =>
      `<div class="row" role="link" tabindex="0" data-slug="${slug}"><strong>${ad.title}</strong> ${ad.price}</div>`).join("");
    main.querySelectorAll(".row").forEach(row => row.addEventListener("click", () => {
      history.pushState({}, "", `/ads/${row.dataset.slug}/`);
      showAd(row.dataset.slug);
    }));
  }
  const m = location.pathname.match(/^\/ads\/([a-z0-9-]+)\/$/);
  if (m && ads[m[1]]) showAd(m[1]); else showList();
})();
