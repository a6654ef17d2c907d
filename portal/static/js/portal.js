/* Parent Champions Portal: the little JavaScript the pages use. Every page works without it. */
(function () {
  "use strict";

  /* Exit this page (the GOV.UK pattern): the button, or Shift pressed 3 times within
     5 seconds, hides the page at once and replaces it, and its history entry, with a
     neutral website. Without JavaScript the button is an ordinary link to the same site. */
  function exitPage(url) {
    document.body.classList.add("quick-exit-active");
    document.title = "";
    window.location.replace(url);
  }

  function exitUrl() {
    var holder = document.querySelector("[data-quick-exit-url]");
    return holder ? holder.getAttribute("data-quick-exit-url") : null;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-quick-exit]");
    if (!button) return;
    event.preventDefault();
    exitPage(button.getAttribute("href"));
  });

  var shiftPresses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) return;
    var url = exitUrl();
    if (!url) return;
    var now = Date.now();
    shiftPresses = shiftPresses.filter(function (t) { return now - t < 5000; });
    shiftPresses.push(now);
    if (shiftPresses.length >= 3) {
      shiftPresses = [];
      exitPage(url);
    }
  });

  /* After htmx swaps in a form with errors, move focus to the error summary, as a full page
     load does through the autofocus attribute. */
  document.addEventListener("htmx:afterSettle", function (event) {
    var summary = event.target.querySelector && event.target.querySelector("[data-error-summary]");
    if (summary) summary.focus();
  });
})();
