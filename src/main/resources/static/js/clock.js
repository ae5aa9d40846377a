// The attempt page's clock: counts down the time the server said is left, and at zero reloads the
// page, where the server (which keeps the real clock) submits the attempt and shows the result.
(function () {
  var clock = document.getElementById("clock");
  if (!clock) return;
  var end = Date.now() + Number(clock.getAttribute("data-seconds")) * 1000;
  function pad(n) { return n < 10 ? "0" + n : "" + n; }
  function tick() {
    var left = Math.max(0, Math.round((end - Date.now()) / 1000));
    var h = Math.floor(left / 3600), m = Math.floor(left / 60) % 60, s = left % 60;
    clock.textContent = (h > 0 ? h + ":" + pad(m) : "" + m) + ":" + pad(s);
    if (left === 0) {
      // a second's grace, so the reload reaches the server after its deadline, not just before
      window.setTimeout(function () { window.location.reload(); }, 1000);
      return;
    }
    window.setTimeout(tick, 1000);
  }
  tick();
})();
