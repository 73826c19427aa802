// Shared by every page of the "Buurtbord" test site: an age gate that comes back on every page load (its state
// lives in memory only, nothing is stored), and the "⋯" menus and report dialogs of the item pages.
(function () {
  const gate = document.createElement('div');
  gate.id = 'gate';
  gate.setAttribute('role', 'dialog');
  gate.setAttribute('aria-modal', 'true');
  gate.style.cssText = 'position:fixed;inset:0;background:#222;color:#fff;z-index:50;display:flex;' +
    'flex-direction:column;align-items:center;justify-content:center;font-size:20px';
  gate.innerHTML = '<p>Deze site is alleen voor volwassenen. Ben je 18 jaar of ouder?</p>' +
    '<button id="enter" type="button">Ik ben 18+</button> <a href="https://www.example.org/">Verlaten</a>';
  document.addEventListener('DOMContentLoaded', () => {
    document.body.appendChild(gate);
    document.getElementById('enter').addEventListener('click', () => gate.remove());
    for (const trigger of document.querySelectorAll('[data-menu]')) {
      trigger.addEventListener('click', () => {
        const menu = document.getElementById(trigger.dataset.menu);
        menu.hidden = !menu.hidden;
        trigger.setAttribute('aria-expanded', String(!menu.hidden));
      });
    }
    for (const opener of document.querySelectorAll('[data-dialog]')) {
      opener.addEventListener('click', () => document.getElementById(opener.dataset.dialog).showModal());
    }
    for (const flag of document.querySelectorAll('[data-oneclick]')) {
      // A one-click flag: the click itself sends the report.
      flag.addEventListener('click', () => fetch('/api/flag?post=' + flag.dataset.oneclick, {method: 'POST'}));
    }
  });
})();
