// Live character count under text boxes with a limit (progressive enhancement: without this
// script the limit is written under the box and the server refuses a text that is too long).
(function () {
  "use strict";
  function update(box, line) {
    var limit = parseInt(box.getAttribute("data-maxlength"), 10);
    var left = limit - box.value.length;
    var template = box.getAttribute(left < 0 ? "data-counter-over" : "data-counter-left");
    line.textContent = template.replace("%(count)s", String(Math.abs(left)));
    line.classList.toggle("baken-counter--over", left < 0);
  }
  function start() {
    var boxes = document.querySelectorAll("textarea[data-maxlength]");
    Array.prototype.forEach.call(boxes, function (box) {
      var line = document.getElementById(box.id + "_counter");
      if (!line || box.hasAttribute("data-counting")) { return; }
      box.setAttribute("data-counting", "");
      update(box, line);
      box.addEventListener("input", function () { update(box, line); });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
