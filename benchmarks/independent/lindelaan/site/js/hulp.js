(function () {
  var doel = document.getElementById('vragen');
  fetch('/api/hulp.json').then(function (r) { return r.json(); }).then(function (groepen) {
    doel.innerHTML = '';
    groepen.forEach(function (g) {
      var sectie = document.createElement('section');
      var kop = document.createElement('h2');
      kop.textContent = g.onderwerp;
      sectie.appendChild(kop);
      g.vragen.forEach(function (v) {
        var d = document.createElement('details');
        if (v.anker) d.id = v.anker;
        var s = document.createElement('summary');
        s.textContent = v.vraag;
        d.appendChild(s);
        v.antwoord.forEach(function (alinea) {
          var p = document.createElement('p');
          p.innerHTML = alinea;
          d.appendChild(p);
        });
        sectie.appendChild(d);
      });
      doel.appendChild(sectie);
    });
  }).catch(function () { doel.textContent = 'De vragen konden niet geladen worden.'; });
})();
