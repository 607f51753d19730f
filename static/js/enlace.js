// Small progressive enhancements; every page works without them.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  // The site menu on phones: one button opens and closes it (CSS shows it always on wide screens).
  var toggle = document.querySelector(".menu-toggle");
  if (toggle) {
    var header = toggle.closest(".site-header");
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = header.classList.toggle("menu-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }
  // Forms that ask before a destructive action: <form data-confirm="...">.
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute && event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
  // Filter forms apply every filter as soon as it changes (<form data-autosubmit>): selects, check boxes and
  // dates on change, a search box after a pause in typing. Without JavaScript, the form's button applies them.
  function applyFilters(form) {
    if (window.htmx && form.hasAttribute("hx-get")) {
      window.htmx.trigger(form, "submit");
    } else {
      form.requestSubmit();
    }
  }
  document.addEventListener("change", function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute("data-autosubmit") && event.target.type !== "search" && event.target.type !== "text") {
      applyFilters(form);
    }
  });
  var typing = null;
  document.addEventListener("input", function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute("data-autosubmit") && (event.target.type === "search" || event.target.type === "text")) {
      clearTimeout(typing);
      typing = setTimeout(function () { applyFilters(form); }, 400);
    }
  });
})();

// Formsets: <button data-formset-add="prefix"> adds a row from <template id="prefix-empty">.
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("[data-formset-add]");
  if (!button) {
    return;
  }
  var prefix = button.getAttribute("data-formset-add");
  var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
  var template = document.getElementById(prefix + "-empty");
  var rows = document.getElementById(prefix + "-rows");
  if (!total || !template || !rows) {
    return;
  }
  var index = parseInt(total.value, 10);
  var html = template.innerHTML.replace(/__prefix__/g, String(index));
  rows.insertAdjacentHTML("beforeend", html);
  total.value = String(index + 1);
  var first = rows.lastElementChild && rows.lastElementChild.querySelector("input, textarea, select");
  if (first) {
    first.focus();
  }
});

// After a refused submit, the error summary takes the focus, so keyboard and screen-reader users start there.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-focus-on-load]");
  if (summary) {
    summary.focus();
  }
});
