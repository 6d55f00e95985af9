// Kroniek: the article view's panel. Clicking an item scrolls to its words in the text and
// flashes them; a link ending in #at-N scrolls to the quote starting at character N.
// No inline script anywhere: this file is loaded with <script src> under a strict CSP.
(function () {
  "use strict";

  function marksOf(key) {
    return document.querySelectorAll('[data-m~="' + CSS.escape(key) + '"]');
  }

  function flash(elements) {
    document.querySelectorAll(".flash").forEach(function (e) {
      e.classList.remove("flash");
    });
    elements.forEach(function (e) {
      e.classList.add("flash");
    });
  }

  function show(elements) {
    if (elements.length === 0) {
      return;
    }
    elements[0].scrollIntoView({ behavior: "smooth", block: "center" });
    flash(elements);
  }

  document.addEventListener("click", function (event) {
    var item = event.target.closest("[data-target]");
    if (!item) {
      return;
    }
    event.preventDefault();
    show(marksOf(item.getAttribute("data-target")));
  });

  function fromHash() {
    var match = /^#at-(\d+)$/.exec(window.location.hash);
    if (!match) {
      return;
    }
    var start = document.querySelector('[data-at="' + match[1] + '"]');
    if (start) {
      var keys = (start.getAttribute("data-m") || "").split(" ");
      var quote = keys.filter(function (k) { return k.charAt(0) === "q"; })[0];
      show(quote ? marksOf(quote) : [start]);
    }
  }

  // Empty search fields are left out of the address, so links stay short and shareable.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList.contains("filters")) {
      return;
    }
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name && field.value === "") {
        field.disabled = true;
      }
    });
  });

  window.addEventListener("hashchange", fromHash);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fromHash);
  } else {
    fromHash();
  }
})();

// Fields disabled on submit are enabled again when the page comes back from the history.
window.addEventListener("pageshow", function () {
  document.querySelectorAll("form.filters [disabled]").forEach(function (field) {
    field.disabled = false;
  });
});
