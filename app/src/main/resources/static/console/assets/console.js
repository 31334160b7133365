// Punchcard staff console: the CSRF token on every htmx request, and the card scanner.
(function () {
  'use strict';
  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }
  document.addEventListener('htmx:configRequest', function (event) {
    var token = meta('csrf-token');
    var header = meta('csrf-header');
    if (token && header) {
      event.detail.headers[header] = token;
    }
  });
  // a refused or failed htmx request still shows the server's readable page
  document.addEventListener('htmx:beforeSwap', function (event) {
    var status = event.detail.xhr.status;
    if (status >= 400) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('scan');
    if (!button) {
      return;
    }
    var scanner = null;
    var label = button.textContent;
    function stop() {
      if (scanner) {
        scanner.stop().catch(function () {});
        scanner = null;
      }
      document.getElementById('scanner').hidden = true;
      button.textContent = label;
    }
    button.addEventListener('click', function () {
      if (scanner) {
        stop();
        return;
      }
      if (typeof Html5Qrcode === 'undefined') {
        document.getElementById('card-input').focus();
        return;
      }
      var area = document.getElementById('scanner');
      area.hidden = false;
      button.textContent = button.getAttribute('data-stop');
      scanner = new Html5Qrcode('scanner');
      scanner.start({ facingMode: 'environment' }, { fps: 10, qrbox: 220 }, function (text) {
        document.getElementById('card-input').value = text;
        stop();
        htmx.trigger(document.getElementById('card-form'), 'submit');
      }).catch(function () {
        area.textContent = button.getAttribute('data-denied');
        scanner = null;
        button.textContent = label;
        document.getElementById('card-input').focus();
      });
    });
  });
})();
