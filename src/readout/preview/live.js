// readout serve: reload the page after each rebuild; show a failed build over the page.
(() => {
  let version = null;
  let overlay = null;

  function show(message) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "readout-error";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:9999;" +
        "margin:0;padding:1rem 1.25rem;background:#2b0b0b;color:#ffe4e4;border-top:4px solid #f87171;" +
        "font:0.9rem/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "The last edit broke the build; the page shows the last good site.\n\n" + message;
  }

  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  const events = new EventSource("/__readout/events");
  events.addEventListener("state", (event) => {
    const state = JSON.parse(event.data);
    if (state.error) { show(state.error); return; }
    hide();
    if (version !== null && state.version !== version) { location.reload(); return; }
    version = state.version;
  });
})();
