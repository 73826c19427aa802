// The owner's "notice" modal that classifieds software shows every new visitor: the site's own terms page used as an
// 18+ declaration, with an "I accept" button (remembered in a plain cookie) and a way out. The modal is in every page's
// HTML, hidden, and shown by this script until the cookie is there; the page itself is complete underneath.
document.addEventListener('DOMContentLoaded', () => {
  if (document.cookie.split('; ').includes('notice_ok=1')) return;
  const m = document.getElementById('notice');
  m.style.display = 'block';
  document.getElementById('notice-yes').addEventListener('click', () => {
    document.cookie = 'notice_ok=1; path=/; max-age=864000';
    m.style.display = 'none';
  });
});
