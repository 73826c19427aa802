document.querySelectorAll('.reveal').forEach(function (b) {
  b.addEventListener('click', function () {
    b.nextElementSibling.textContent = b.getAttribute('data-n');
    b.remove();
  });
});
