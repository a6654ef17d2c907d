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

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-quick-exit]");
    if (!button) return;
    event.preventDefault();
    exitPage(button.getAttribute("href"));
  });

  /* Only Shift pressed and released on its own counts: Shift held to type a capital letter,
     or any other key in between, starts the count again, so typing never exits the page. */
  var shiftPresses = 0;
  var shiftUsedAsModifier = false;
  var resetTimer = null;

  function resetShiftCount() {
    shiftPresses = 0;
    window.clearTimeout(resetTimer);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) shiftUsedAsModifier = false;
      return;
    }
    if (event.shiftKey) shiftUsedAsModifier = true;
    resetShiftCount();
  });

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || shiftUsedAsModifier) return;
    var holder = document.querySelector("[data-quick-exit-url]");
    if (!holder) return;
    shiftPresses += 1;
    window.clearTimeout(resetTimer);
    resetTimer = window.setTimeout(resetShiftCount, 5000);
    if (shiftPresses >= 3) {
      resetShiftCount();
      exitPage(holder.getAttribute("data-quick-exit-url"));
    }
  });

  /* After htmx swaps in a form with errors, or an error message, move focus to the summary,
     as a full page load does through the autofocus attribute. */
  document.addEventListener("htmx:afterSettle", function (event) {
    var swapped = event.target;
    if (!swapped || !swapped.querySelector) return;
    var summary = swapped.matches("[data-error-summary]")
      ? swapped : swapped.querySelector("[data-error-summary]");
    if (summary) summary.focus();
  });
})();
