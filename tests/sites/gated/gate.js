// A client-side gate with a DOB field; content stays in the DOM underneath; remembers the visitor in localStorage.
(function () {
  if (localStorage.getItem('age_ok') === 'true') return;
  const d = document.createElement('div');
  d.id = 'agegate';
  d.setAttribute('role', 'dialog');
  d.setAttribute('aria-modal', 'true');
  d.style.cssText = 'position:fixed;inset:0;background:rgba(0,0,0,.92);color:#fff;z-index:9999;padding:4em';
  d.innerHTML = '<h2>Adults only (18+)</h2><p>Enter your date of birth to continue.</p>' +
    '<label for="dob">Date of birth</label> <input type="date" id="dob" name="dob">' +
    ' <button id="enter">Enter</button> <a href="https://leave.invalid/">Leave</a>';
  document.addEventListener('DOMContentLoaded', () => {
    document.body.appendChild(d);
    document.getElementById('enter').addEventListener('click', () => {
      const v = document.getElementById('dob').value;
      if (!v) return;
      const age = (Date.now() - new Date(v)) / 31557600000;
      if (age >= 18) { localStorage.setItem('age_ok', 'true'); d.remove(); }
    });
  });
})();
