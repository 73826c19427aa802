// A small single-page forum: the server sends an empty shell, the script renders the thread list and the
// navbar; "Register" and "Sign in" are buttons that open dialogs (no signup or login page of their own).
(function () {
  const threads = [
    {slug: "bike-for-free", id: 1, title: "Kinderfiets gratis af te halen", last: "Nov 15"},
    {slug: "barbecue-on-saturday", id: 2, title: "Buurtbarbecue op zaterdag", last: "Nov 11"},
  ];
  const nav = document.getElementById("navbar");
  nav.innerHTML = '<a href="/" class="brand">Buurtforum</a>' +
    '<button type="button" class="btn" data-open="login">Sign in</button>' +
    '<button type="button" class="btn" data-open="register">Register</button>';
  const list = document.getElementById("threads");
  if (list) {
    list.innerHTML = threads.map(t =>
      `<li><a href="/t/${t.slug}/${t.id}/">${t.title}</a> <a href="/t/${t.slug}/${t.id}/last/">${t.last}</a></li>`).join("");
  }
  const dialogs = {
    login: '<h2>Sign in</h2><form><label>Username or e-mail <input name="username"></label>' +
           '<label>Password <input type="password" name="password"></label><button type="submit">Sign in</button></form>',
    register: '<h2>Register</h2><form><label>Username: <input name="username"></label>' +
              '<label>E-mail: <input type="email" name="email"></label>' +
              '<label>Password: <input type="password" name="password"></label>' +
              '<button type="button">Cancel</button><button type="submit">Register account</button></form>',
  };
  nav.addEventListener("click", (ev) => {
    const which = ev.target.getAttribute("data-open");
    if (!which) return;
    setTimeout(() => {
      const modal = document.getElementById("modal");
      modal.innerHTML = dialogs[which];
      modal.hidden = false;
      modal.querySelector("form").addEventListener("submit", (e) => e.preventDefault());
    }, 150);
  });
})();
