// A consent wall first (remembered in a cookie), then an 18+ modal whose own script trusts a localStorage flag.
(function () {
  const consented = document.cookie.split('; ').includes('cc=yes');
  function ageGate() {
    if (localStorage.getItem('adult_ok') === 'yes') return;
    const d = document.createElement('div');
    d.id = 'agegate';
    d.setAttribute('role', 'dialog');
    d.setAttribute('aria-modal', 'true');
    d.style.cssText = 'position:fixed;inset:0;background:#111;color:#fff;z-index:9999;padding:4em';
    d.innerHTML = '<h2>Adults only</h2><p>This site shows adult content. Are you 18 or older?</p>' +
      '<button id="yes">Yes, I am 18+</button> <a href="https://leave.invalid/">No, leave</a>';
    document.body.appendChild(d);
    document.getElementById('yes').addEventListener('click', () => {
      localStorage.setItem('adult_ok', 'yes');
      d.remove();
    });
  }
  function wall() {
    const w = document.createElement('div');
    w.id = 'consent';
    w.style.cssText = 'position:fixed;inset:0;background:#fff;z-index:10000;padding:4em';
    w.innerHTML = '<h2>Your privacy</h2><p>We use cookies to run this site and to measure visits. ' +
      'You choose which cookies we place.</p><button id="cc-ok">Accept all cookies</button> ' +
      '<button id="cc-no">Only necessary cookies</button>';
    document.body.appendChild(w);
    for (const id of ['cc-ok', 'cc-no']) {
      document.getElementById(id).addEventListener('click', () => {
        document.cookie = 'cc=yes; path=/';
        w.remove();
        ageGate();
      });
    }
  }
  document.addEventListener('DOMContentLoaded', () => (consented ? ageGate() : wall()));
})();
