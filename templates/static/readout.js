// Progressive enhancements; every page works without them.
// Opened from disk, what needs a server (search: browsers load no module and fetch nothing from
// file: pages) gives way to a notice saying how to serve the site. A classic script, so that it
// runs from disk too.
if (location.protocol === "file:") {
  document.addEventListener("DOMContentLoaded", () => {
    for (const part of document.querySelectorAll("[data-needs-server]")) part.hidden = true;
    for (const notice of document.querySelectorAll(".file-only")) notice.hidden = false;
  });
}
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
