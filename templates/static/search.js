// The search page, on Pagefind's JavaScript API. Results land on the statement that matched.
const root = document.getElementById("search");
const form = root.querySelector("form");
const input = root.querySelector("input[name=q]");
const status = root.querySelector(".search-status");
const list = root.querySelector(".search-results");
const panel = root.querySelector(".search-filters-panel");
const FILTERS = [["section", "Section"], ["person", "Person"], ["year", "Year"], ["type", "Kind of page"]];

// Pagefind's excerpts mark matches with <mark>; everything else is shown as text, never as HTML.
function excerptNodes(excerpt) {
  const box = document.createElement("p");
  box.className = "excerpt";
  const decode = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
  excerpt.split(/(<mark>.*?<\/mark>)/).forEach((part) => {
    const m = part.match(/^<mark>(.*)<\/mark>$/);
    const node = m ? document.createElement("mark") : document.createTextNode("");
    node.textContent = decode((m ? m[1] : part).replace(/<[^>]*>/g, ""));
    box.appendChild(node);
  });
  return box;
}

// The statement (#s…) holding the first match — the first in a chosen section when the
// search is filtered by section — else the page. An event page says which section each of
// its statements is in (meta "sections": "s1=Lead s2=Lead …").
function landing(data, sections) {
  const sectionOf = Object.fromEntries((data.meta.sections || "").trim().split(/\s+(?=s\d+=)/)
    .filter(Boolean).map((pair) => pair.split("=")));
  const anchors = (data.anchors || []).filter((a) => /^s\d+$/.test(a.id)).sort((a, b) => a.location - b.location);
  for (const location of [...data.locations].sort((a, b) => a - b)) {
    let holder = null;
    for (const anchor of anchors) if (anchor.location <= location) holder = anchor;
    if (holder && (!sections.length || sections.includes(sectionOf[holder.id]))) return `${data.url}#${holder.id}`;
  }
  return data.url;
}

function chosenFilters() {
  const filters = {};
  for (const box of panel.querySelectorAll("input:checked")) {
    (filters[box.name] ||= { any: [] }).any.push(box.value);
  }
  return filters;
}

function drawFilters(available) {
  panel.replaceChildren();
  for (const [key, label] of FILTERS) {
    const values = Object.entries(available[key] || {}).sort((a, b) => a[0].localeCompare(b[0]));
    if (!values.length) continue;
    const set = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = label;
    set.appendChild(legend);
    for (const [value, count] of values) {
      const id = `f-${key}-${value}`.replace(/[^\w-]/g, "_");
      const box = Object.assign(document.createElement("input"), { type: "checkbox", name: key, value, id });
      const tag = document.createElement("label");
      tag.htmlFor = id;
      tag.dataset.value = value;
      tag.textContent = `${value} (${count})`;
      box.addEventListener("change", run);
      set.append(box, tag);
    }
    panel.appendChild(set);
  }
  panel.hidden = !panel.children.length;
}

let pagefind = null;
let counter = 0;

// While a search runs, the results list is marked busy (aria-busy): assistive technology waits
// for it, and so can a test, instead of waiting for a guessed time.
async function run() {
  const query = input.value.trim();
  const mine = ++counter;
  list.setAttribute("aria-busy", "true");
  const url = new URL(location.href);
  if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
  history.replaceState(null, "", url);
  if (!query) {
    list.replaceChildren();
    status.textContent = "";
    list.removeAttribute("aria-busy");
    return;
  }
  status.textContent = "Searching…";
  const search = await pagefind.search(query, { filters: chosenFilters() });
  // The counts beside each filter are those of this search.
  for (const tag of panel.querySelectorAll("label[data-value]")) {
    const key = tag.previousElementSibling.name;
    tag.textContent = `${tag.dataset.value} (${(search.filters?.[key] || {})[tag.dataset.value] ?? 0})`;
  }
  const results = await Promise.all(search.results.slice(0, 30).map((r) => r.data()));
  if (mine !== counter) return;
  list.replaceChildren();
  for (const data of results) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = landing(data, (chosenFilters().section || { any: [] }).any);
    link.textContent = data.meta.title || data.url;
    const heading = document.createElement("h2");
    heading.appendChild(link);
    item.append(heading, excerptNodes(data.excerpt));
    list.appendChild(item);
  }
  status.textContent = results.length ? `${search.results.length} result${search.results.length === 1 ? "" : "s"} for “${query}”` : `Nothing found for “${query}”.`;
  list.removeAttribute("aria-busy");
}

async function start() {
  if (location.protocol === "file:") return;  // readout.js shows how to serve the site instead
  const bundle = new URL(root.dataset.bundle, location.href);
  pagefind = await import(bundle.href);
  // Result addresses start at the site's root, wherever the site is served from.
  await pagefind.options({ excerptLength: 40, baseUrl: new URL("../", bundle).pathname });
  drawFilters(await pagefind.filters());
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  input.addEventListener("input", () => run());
  input.value = new URL(location.href).searchParams.get("q") || "";
  if (input.value) run();
  input.focus();
}

start().catch((error) => {
  status.textContent = "Search is not available: the search index is missing or could not be loaded.";
  console.warn(error);
});
