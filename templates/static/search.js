// The search page, on Pagefind's JavaScript API. Results land on the statement that matched.
const root = document.getElementById("search");
const form = root.querySelector("form");
const input = root.querySelector("input[name=q]");
const status = root.querySelector(".search-status");
const list = root.querySelector(".search-results");
const panel = root.querySelector(".search-filters-panel");
const filters = root.querySelector(".search-refine");
const more = root.querySelector(".search-more");
const FILTERS = [["section", "Section"], ["person", "Person"], ["year", "Year"], ["type", "Kind of page"]];
const SHOWN = 8;          // values of a filter shown before "Show all"
const FIND_FROM = 20;     // a filter of more values than this has a box to find one
const PAGE = 20;          // results shown at a time

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
// its statements is in (meta "sections": "s1=Lead s2=Lead …"). A query of several words
// ("Li Qiang") lands where they stand together, one after another; else on the first statement
// that holds every one of them; else on the page itself: never on a statement where one of
// them stands alone ("Li Hua", "Zhou Qiang"). A person's name is only ever found whole.
function landing(data, sections, terms) {
  const words = terms.length;
  const name = names.has(terms.join(" ").toLowerCase());
  const sectionOf = Object.fromEntries((data.meta.sections || "").trim().split(/\s+(?=s\d+=)/)
    .filter(Boolean).map((pair) => pair.split("=")));
  // Every element with an id is an anchor: a match after a heading's is in no statement, but
  // one in the event page's list of who attended lands on that list.
  sectionOf.attendees = "Attendees";
  const anchors = [...(data.anchors || [])].sort((a, b) => a.location - b.location);
  const holder = (location) => {
    let found = null;
    for (const anchor of anchors) if (anchor.location <= location) found = anchor;
    const id = found && found.id.replace(/^attendees-heading$/, "attendees");
    const target = id && (/^s\d+$/.test(id) || id === "attendees") ? id : null;
    return target && (!sections.length || sections.includes(sectionOf[target])) ? target : null;
  };
  const locations = [...data.locations].sort((a, b) => a - b);
  const found = new Set(locations);
  const together = locations.filter((l) => Array.from({ length: words }, (_, k) => l + k).every((x) => found.has(x)));
  const held = together.map(holder).filter(Boolean);
  if (held.length || name) return held.length ? `${data.url}#${held[0]}` : data.url;
  // Which words matched in each statement (a location counts the page's words), each query
  // word found as the start of one (Pagefind matches "protect" in "protection").
  const text = (data.content || "").split(/\s+/);
  const bare = (word) => (word || "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  const seen = {};
  for (const location of locations) {
    const id = holder(location);
    if (id) (seen[id] ||= new Set()).add(bare(text[location]));
  }
  const stems = terms.map((t) => bare(t).slice(0, 4)).filter(Boolean);
  const all = Object.keys(seen).find((id) => stems.every((stem) => [...seen[id]].some((w) => w.startsWith(stem))));
  return all ? `${data.url}#${all}` : data.url;
}

function chosenFilters() {
  const filters = {};
  for (const box of panel.querySelectorAll("input:checked")) {
    (filters[box.name] ||= { any: [] }).any.push(box.value);
  }
  return filters;
}

// Each filter lists its values most frequent first, the first few shown and the rest behind
// "Show all"; a long list (the people) has a box to find a value by name.
function drawFilters(available) {
  panel.replaceChildren();
  for (const [key, label] of FILTERS) {
    const values = Object.entries(available[key] || {}).sort(key === "year" ? (a, b) => b[0].localeCompare(a[0])
      : (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (!values.length) continue;
    const set = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = label;
    set.appendChild(legend);
    const list = document.createElement("ul");
    values.forEach(([value, count], index) => {
      const id = `f-${key}-${value}`.replace(/[^\w-]/g, "_");
      const item = document.createElement("li");
      const box = Object.assign(document.createElement("input"), { type: "checkbox", name: key, value, id });
      const tag = document.createElement("label");
      tag.htmlFor = id;
      tag.dataset.value = value;
      tag.textContent = `${value} (${count})`;
      box.addEventListener("change", () => run());
      item.append(box, tag);
      item.dataset.count = count;
      item.hidden = index >= SHOWN;
      list.appendChild(item);
    });
    const show = (test) => list.querySelectorAll("li").forEach((li, index) => { li.hidden = !test(li, index); });
    if (values.length > FIND_FROM) {
      const find = Object.assign(document.createElement("input"), { type: "search", autocomplete: "off" });
      find.setAttribute("aria-label", `Find a ${label.toLowerCase()} among ${values.length}`);
      find.placeholder = `Find among ${values.length}`;
      find.addEventListener("input", () => {
        const wanted = find.value.trim().toLowerCase();
        show((li, index) => (wanted ? li.textContent.toLowerCase().includes(wanted) : index < SHOWN));
      });
      set.appendChild(find);
    }
    set.appendChild(list);
    if (values.length > SHOWN) {
      const all = Object.assign(document.createElement("button"), { type: "button", textContent: `Show all ${values.length}` });
      all.addEventListener("click", () => {
        const find = set.querySelector("input[type=search]");
        if (find) find.value = "";
        show(() => true);
        all.hidden = true;
      });
      set.appendChild(all);
    }
    panel.appendChild(set);
  }
  filters.hidden = !panel.children.length;
}

// A filter's values, most frequent first (for the last search), the first few shown unless a
// name is being looked for or all were asked for.
function arrange(values) {
  const items = [...values.children];
  items.sort((a, b) => (b.dataset.count - a.dataset.count) || a.textContent.localeCompare(b.textContent));
  values.append(...items);
  const set = values.closest("fieldset");
  const find = set.querySelector("input[type=search]");
  const all = set.querySelector("button");
  if (!(find && find.value.trim()) && all && !all.hidden) items.forEach((li, index) => { li.hidden = index >= SHOWN; });
}

let pagefind = null;
let names = new Set();  // the people's names, lower case (the person filter's values)
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
    more.hidden = true;
    status.textContent = "";
    list.removeAttribute("aria-busy");
    return;
  }
  status.textContent = "Searching…";
  const search = await pagefind.search(query, { filters: chosenFilters() });
  // The counts beside each filter are those of this search, the most frequent first.
  for (const tag of panel.querySelectorAll("label[data-value]")) {
    const key = tag.previousElementSibling.name;
    const count = (search.filters?.[key] || {})[tag.dataset.value] ?? 0;
    tag.textContent = `${tag.dataset.value} (${count})`;
    tag.parentElement.dataset.count = count;
  }
  for (const values of panel.querySelectorAll("fieldset ul")) {
    if (values.querySelector("input[name=year]") === null) arrange(values);  // years stay newest first
  }
  if (mine !== counter) return;
  list.replaceChildren();
  shown = { search, query, mine, count: 0 };
  await showMore();
  status.textContent = search.results.length ? `${search.results.length} result${search.results.length === 1 ? "" : "s"} for “${query}”` : `Nothing found for “${query}”.`;
  list.removeAttribute("aria-busy");
}

// Every result can be reached: they come twenty at a time, the next twenty at "Show more".
let shown = null;
async function showMore() {
  const { search, query, mine } = shown;
  const batch = await Promise.all(search.results.slice(shown.count, shown.count + PAGE).map((r) => r.data()));
  if (mine !== counter) return;
  const sections = (chosenFilters().section || { any: [] }).any;
  const words = query.split(/\s+/).filter(Boolean);
  for (const data of batch) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = landing(data, sections, words);
    link.textContent = data.meta.title || data.url;
    const heading = document.createElement("h2");
    heading.appendChild(link);
    item.append(heading, excerptNodes(data.excerpt));
    list.appendChild(item);
  }
  shown.count += batch.length;
  more.hidden = shown.count >= search.results.length;
  more.textContent = `Show more results (${shown.count} of ${search.results.length} shown)`;
}

async function start() {
  if (location.protocol === "file:") return;  // readout.js shows how to serve the site instead
  const bundle = new URL(root.dataset.bundle, location.href);
  pagefind = await import(bundle.href);
  // Result addresses start at the site's root, wherever the site is served from.
  await pagefind.options({ excerptLength: 40, baseUrl: new URL("../", bundle).pathname });
  const available = await pagefind.filters();
  names = new Set(Object.keys(available.person || {}).map((n) => n.toLowerCase()));
  drawFilters(available);
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  more.addEventListener("click", async () => {
    const next = list.children.length;
    await showMore();
    list.children[next]?.querySelector("a")?.focus();  // keyboard users go on from the first new result
  });
  input.addEventListener("input", () => run());
  input.value = new URL(location.href).searchParams.get("q") || "";
  if (input.value) run();
  input.focus();
}

start().catch((error) => {
  status.textContent = "Search is not available: the search index is missing or could not be loaded.";
  console.warn(error);
});
