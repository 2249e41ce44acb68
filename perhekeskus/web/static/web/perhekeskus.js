/*
 * Progressive enhancement. Every page works without this script; it only
 * adds "use my location" to the service finder, submits the sort choice at
 * once, marks the results busy while htmx fetches new ones, keeps the
 * character counters of long texts current while typing and lets wide
 * tables scroll in a region of their own.
 */
(function () {
  "use strict";

  function closestForm(element) {
    return element.form || element.closest("form");
  }

  function submit(form) {
    if (typeof form.requestSubmit === "function") {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  // "Use my location": fills the hidden near=lat,lon field and searches.
  function setUpLocate(container) {
    if (!("geolocation" in navigator)) {
      return;
    }
    var button = container.querySelector("[data-locate-button]");
    var status = container.querySelector("[data-locate-status]");
    var form = closestForm(container);
    var near = form && form.querySelector("input[name='near']");
    if (!button || !near) {
      return;
    }
    container.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = button.dataset.msgBusy;
      button.disabled = true;
      navigator.geolocation.getCurrentPosition(
        function (position) {
          near.value =
            position.coords.latitude.toFixed(4) + "," + position.coords.longitude.toFixed(4);
          var postal = form.querySelector("input[name='postal_code']");
          if (postal) {
            postal.value = "";
          }
          var sort = document.querySelector("select[name='sort']");
          if (sort) {
            sort.value = "distance";
          }
          status.textContent = button.dataset.msgDone;
          button.disabled = false;
          submit(form);
        },
        function () {
          status.textContent = button.dataset.msgFailed;
          button.disabled = false;
        },
        { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
      );
    });
  }

  // Counted the way the server counts (perhekeskus/web/forms.py text_length):
  // characters, not UTF-16 units; surrounding blanks left out.
  function textLength(text) {
    return Array.from(text.replace(/\r\n/g, "\n").trim()).length;
  }

  // A long text's counter follows the typing; going over the limit and
  // back within it is announced once (not every keystroke).
  function setUpCounter(textarea) {
    var counter = document.getElementById(textarea.dataset.counter);
    if (!counter) {
      return;
    }
    var live = document.querySelector(
      "[data-counter-live='" + textarea.dataset.counter + "']"
    );
    var limit = parseInt(counter.dataset.limit, 10);
    var wasOver = textLength(textarea.value) > limit;
    textarea.addEventListener("input", function () {
      var count = textLength(textarea.value);
      var over = count > limit;
      counter.textContent = counter.dataset.msgCount.replace("{count}", String(count));
      counter.classList.toggle("counter--over", over);
      if (live && over !== wasOver) {
        live.textContent = over ? counter.dataset.msgOver : counter.dataset.msgFits;
      }
      wasOver = over;
    });
  }

  // A table that may be wider than the page scrolls in a region of its own
  // that the keyboard can reach (WCAG 1.4.10 and 2.1.1). Regions the
  // templates made are completed; any other table is wrapped.
  var SCROLLERS = ".table-scroll, .desk-table-wrap, .impact-scroll";
  var tableCaptions = 0;

  function labelRegion(region, table) {
    if (region.hasAttribute("aria-label") || region.hasAttribute("aria-labelledby")) {
      return;
    }
    var caption = table && table.querySelector("caption");
    if (caption && caption.textContent.trim()) {
      if (!caption.id) {
        tableCaptions += 1;
        caption.id = "table-caption-" + tableCaptions;
      }
      region.setAttribute("aria-labelledby", caption.id);
    } else {
      region.setAttribute("aria-label", document.body.dataset.tableLabel || "");
    }
  }

  function setUpTables(root) {
    root.querySelectorAll(SCROLLERS).forEach(function (region) {
      if (!region.hasAttribute("tabindex")) {
        region.setAttribute("tabindex", "0");
      }
      if (!region.hasAttribute("role")) {
        region.setAttribute("role", "region");
      }
      labelRegion(region, region.querySelector("table"));
    });
    root.querySelectorAll("main table").forEach(function (table) {
      if (table.closest(SCROLLERS)) {
        return;
      }
      var region = document.createElement("div");
      region.className = "table-scroll";
      region.setAttribute("tabindex", "0");
      region.setAttribute("role", "region");
      labelRegion(region, table);
      table.parentNode.insertBefore(region, table);
      region.appendChild(table);
    });
  }

  function init() {
    setUpTables(document);
    document.querySelectorAll("[data-locate]").forEach(setUpLocate);
    document.querySelectorAll("textarea[data-counter]").forEach(setUpCounter);

    // A typed postal code replaces an earlier located position.
    document.querySelectorAll("input[name='postal_code']").forEach(function (input) {
      input.addEventListener("input", function () {
        var near = closestForm(input).querySelector("input[name='near']");
        if (near) {
          near.value = "";
        }
      });
    });

    // Controls outside their form (form="…") submit it when changed.
    document.querySelectorAll("[data-autosubmit]").forEach(function (control) {
      control.addEventListener("change", function () {
        if (control.form) {
          submit(control.form);
        }
      });
    });
    // On a phone the open filter panel would push the results out of sight.
    if (window.matchMedia("(max-width: 47.99em)").matches) {
      document.querySelectorAll("details[data-collapse-narrow]").forEach(function (details) {
        details.open = false;
      });
    }
    document.querySelectorAll("[data-no-js]").forEach(function (element) {
      element.hidden = true;
    });
  }

  // Content htmx swapped in gets the same care.
  document.addEventListener("htmx:load", function (event) {
    if (event.target && event.target.querySelectorAll) {
      setUpTables(event.target.closest("main") ? event.target : document);
    }
  });

  // While htmx loads new results, tell assistive technology the region is busy.
  document.addEventListener("htmx:beforeRequest", function () {
    var results = document.getElementById("results");
    if (results) {
      results.setAttribute("aria-busy", "true");
    }
  });
  document.addEventListener("htmx:afterSettle", function () {
    var results = document.getElementById("results");
    if (results) {
      results.removeAttribute("aria-busy");
    }
  });
  document.addEventListener("htmx:afterRequest", function () {
    var results = document.getElementById("results");
    if (results) {
      results.removeAttribute("aria-busy");
    }
  });

  // Leave empty fields out of the address: shorter links to share.
  document.addEventListener("htmx:configRequest", function (event) {
    var params = event.detail.parameters;
    var names = [];
    params.forEach(function (value, name) {
      if (names.indexOf(name) === -1) {
        names.push(name);
      }
    });
    names.forEach(function (name) {
      if (params.getAll(name).every(function (value) { return value === ""; })) {
        params.delete(name);
      }
    });
  });

  // After htmx has pushed a new address, the language switch keeps the new
  // query too (its links were made for the address the page was loaded at).
  document.addEventListener("htmx:pushedIntoHistory", function () {
    document.querySelectorAll(".language-switch a").forEach(function (link) {
      link.search = window.location.search;
    });
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
