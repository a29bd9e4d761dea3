// Progressive enhancements; every page works without them.
// Cite: show the permalink as a full address and offer to copy the citation line.
document.addEventListener("DOMContentLoaded", () => {
  for (const link of document.querySelectorAll("a[data-permalink]")) {
    if (location.protocol === "http:" || location.protocol === "https:") {
      link.textContent = new URL(link.getAttribute("href"), location.href).href;
    }
  }
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll("button[data-copy]")) {
    button.hidden = false;
    button.addEventListener("click", async () => {
      const cite = button.closest("details");
      const text = cite.querySelector(".citation").textContent + " " + cite.querySelector("a[data-permalink]").textContent;
      try {
        await navigator.clipboard.writeText(text.trim());
        button.textContent = "Copied";
      } catch {
        button.textContent = "Copy failed: select the text instead";
      }
    });
  }
});
