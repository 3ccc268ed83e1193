// @ts-check
/**
 * The map page's behaviour: choosing a node (click, or Tab and Enter) shows its panel, and the
 * search box asks the bot's search (the chat `/search` command, as JSON) and outlines the nodes
 * whose passages match. Everything shown is built with textContent: nothing from the corpus or
 * the query is ever parsed as HTML.
 */

const main = /** @type {HTMLElement} */ (document.getElementById("main"));
const canvas = /** @type {HTMLElement} */ (document.getElementById("canvas"));
const panel = /** @type {HTMLElement} */ (document.getElementById("panel"));
const panelEmpty = /** @type {HTMLElement} */ (document.getElementById("panel-empty"));

/** @param {string} key */
function nodeGroup(key) {
  return document.getElementById(`node:${key}`);
}

/** @param {string} key */
function detail(key) {
  return document.getElementById(`detail:${key}`);
}

/** @param {string} key */
function nodeLink(key) {
  return nodeGroup(key)?.querySelector("a") ?? null;
}

/** The node links become labelled controls of the panel. */
for (const group of document.querySelectorAll("#map-svg g.node")) {
  const link = group.querySelector("a");
  if (!link) continue;
  const title = link.getAttribute("xlink:title") ?? link.getAttribute("title") ?? "";
  link.setAttribute("aria-label", title);
  link.setAttribute("aria-controls", "panel");
  const tooltip = document.createElementNS("http://www.w3.org/2000/svg", "title");
  tooltip.textContent = title;
  link.prepend(tooltip);
}

/** @type {string | undefined} */
let chosen;

/**
 * Shows a node's panel and marks it on the map.
 * @param {string} key
 * @param {{ moveFocus?: boolean, open?: boolean }} [options]
 */
function choose(key, options = {}) {
  const article = detail(key);
  if (!article) return false;
  for (const other of document.querySelectorAll(".node-detail")) {
    if (other !== article) other.setAttribute("hidden", "");
  }
  article.removeAttribute("hidden");
  panelEmpty.hidden = true;
  if (options.open !== false) {
    panel.classList.add("open");
    document.body.classList.add("panel-open");
  }
  for (const group of document.querySelectorAll("#map-svg g.node.selected")) {
    group.classList.remove("selected");
  }
  nodeGroup(key)?.classList.add("selected");
  chosen = key;
  if (options.moveFocus) {
    article.focus({ preventScroll: true });
    // Beside the map the panel starts at its top; below it (phones) the page scrolls to it.
    if (getComputedStyle(panel).position === "fixed") panel.scrollTop = 0;
    else article.scrollIntoView({ block: "start" });
  }
  return true;
}

canvas.addEventListener("click", (event) => {
  const target = /** @type {Element} */ (event.target);
  const group = target.closest("g.node");
  const key = group?.id.replace(/^node:/, "");
  if (key && choose(key, { moveFocus: true })) event.preventDefault();
});

/** Hides the panel and gives the focus back to the node it was about. */
function closePanel() {
  panel.classList.remove("open");
  document.body.classList.remove("panel-open");
  if (chosen) nodeLink(chosen)?.focus();
}

document.getElementById("panel-close")?.addEventListener("click", closePanel);

panel.addEventListener("click", (event) => {
  const link = /** @type {Element} */ (event.target).closest("a[data-select]");
  const key = link?.getAttribute("data-select");
  // A neighbour drawn on this map is chosen in place; one that is not opens its own map.
  if (key && nodeGroup(key) && choose(key, { moveFocus: true })) {
    event.preventDefault();
    centreInCanvas(key);
  }
});

panel.addEventListener("keydown", (event) => {
  if (event.key === "Escape") closePanel();
});

const zoom = document.getElementById("zoom-toggle");
zoom?.addEventListener("click", () => {
  const actual = canvas.classList.toggle("actual-size");
  zoom.setAttribute("aria-pressed", String(actual));
  // At full size the map no longer fits: bring the point in question into view.
  const point = chosen ?? main.dataset.focus;
  if (actual && point) centreInCanvas(point);
});

/**
 * Scrolls the map's own frame (not the page) so a node sits in its middle, when the map is
 * larger than the frame (full size, or a phone).
 * @param {string} key
 */
function centreInCanvas(key) {
  const group = nodeGroup(key);
  if (!group) return;
  const node = group.getBoundingClientRect();
  const frame = canvas.getBoundingClientRect();
  canvas.scrollLeft += node.left + node.width / 2 - (frame.left + frame.width / 2);
  canvas.scrollTop += node.top + node.height / 2 - (frame.top + frame.height / 2);
}

const focusKey = main.dataset.focus;
// A focused map marks its focus and shows it; the panel opens when the student chooses a point,
// so the projected map is not covered at first.
if (focusKey) {
  choose(focusKey, { open: false });
  centreInCanvas(focusKey);
}

// ---------------------------------------------------------------- search

const form = /** @type {HTMLFormElement} */ (document.getElementById("search-form"));
const input = /** @type {HTMLInputElement} */ (document.getElementById("search-input"));
const clear = /** @type {HTMLButtonElement} */ (document.getElementById("search-clear"));
const results = /** @type {HTMLElement} */ (document.getElementById("results"));
const resultsStatus = /** @type {HTMLElement} */ (document.getElementById("results-status"));
const resultsList = /** @type {HTMLElement} */ (document.getElementById("results-list"));

/**
 * @param {string} tag
 * @param {string} [text]
 * @param {string} [className]
 */
function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** "(ours)" after our words, as everywhere else on the page. */
function oursMark(text = "(ours)") {
  return element("span", ` ${text}`, "ours");
}

/**
 * A quote with its highlights marked; the text is set piece by piece, never parsed.
 * @param {string} quote
 * @param {readonly string[]} highlights
 */
function markedQuote(quote, highlights) {
  const paragraph = element("p");
  paragraph.append("“");
  let rest = quote;
  while (rest) {
    let at = -1;
    let found = "";
    for (const h of highlights) {
      const i = h ? rest.indexOf(h) : -1;
      if (i >= 0 && (at < 0 || i < at)) {
        at = i;
        found = h;
      }
    }
    if (at < 0) {
      paragraph.append(rest);
      break;
    }
    paragraph.append(rest.slice(0, at), element("mark", found));
    rest = rest.slice(at + found.length);
  }
  paragraph.append("”");
  return paragraph;
}

function clearMatches() {
  for (const group of document.querySelectorAll("#map-svg g.node.match")) {
    group.classList.remove("match");
  }
}

/**
 * Whether a node's quote is among the passage's best sentences: one contains the other.
 * @param {Element} article
 * @param {readonly string[]} highlights
 */
function quotesHighlight(article, highlights) {
  for (const block of article.querySelectorAll("blockquote[data-quote]")) {
    const quote = block.getAttribute("data-quote") ?? "";
    if (highlights.some((h) => h && (h.includes(quote) || quote.includes(h)))) return true;
  }
  return false;
}

/**
 * Outlines the drawn nodes that each found passage stands for: the node the answer names, and
 * the nodes that quote the passage's highlighted sentences, or the passage itself when it is only
 * part of its paragraph (or, when the answer shows a whole paragraph, every node quoting it).
 * Returns the keys outlined.
 * @param {any[]} excerpts
 */
function outlineMatches(excerpts) {
  clearMatches();
  const keys = new Set();
  const articles = [...document.querySelectorAll(".node-detail")];
  for (const excerpt of excerpts) {
    const source = excerpt?.source ?? {};
    const highlights =
      Array.isArray(excerpt?.highlights) && excerpt.highlights.length > 0
        ? excerpt.highlights
        : typeof excerpt?.paragraphText === "string" && typeof excerpt?.quote === "string"
          ? [excerpt.quote]
          : [];
    for (const article of articles) {
      const paragraphs = (article.getAttribute("data-paragraphs") ?? "").split(" ");
      const samePassage =
        article.getAttribute("data-document") === source.documentId &&
        paragraphs.includes(String(source.paragraph));
      if (samePassage && (highlights.length === 0 || quotesHighlight(article, highlights)))
        keys.add(article.getAttribute("data-key"));
    }
    if (excerpt?.node?.key && nodeGroup(excerpt.node.key)) keys.add(excerpt.node.key);
  }
  for (const key of keys) nodeGroup(key)?.classList.add("match");
  return [...keys];
}

/**
 * Renders an Answer (the `--json` contract) generically: title, the program's notices, the
 * editors' notes (ours), excerpts with their citations, suggestions and paging. Fields it does not know are left out, never guessed.
 * @param {any} answer
 * @param {string} query
 */
function showAnswer(answer, query) {
  resultsList.replaceChildren();
  results.hidden = false;
  clear.hidden = false;
  const heading = element("h3", String(answer.title ?? "Search"));
  heading.append(oursMark("(our heading)"));
  resultsList.append(heading);
  const notices = Array.isArray(answer.notices) ? answer.notices : [];
  for (const notice of notices) resultsList.append(element("p", String(notice), "notice"));
  const notes = Array.isArray(answer.notes) ? answer.notes : [];
  if (notes.length) {
    const list = element("ul");
    for (const note of notes) {
      const item = element("li");
      item.append(element("span", "Note (ours): ", "ours"), String(note));
      list.append(item);
    }
    resultsList.append(list);
  }
  const documents = Array.isArray(answer.sources) ? answer.sources : [];
  const excerpts = Array.isArray(answer.excerpts) ? answer.excerpts : [];
  let group = "";
  for (const excerpt of excerpts) {
    if (excerpt.group && excerpt.group !== group) {
      group = excerpt.group;
      const h = element("h4", group, "result-group");
      h.append(oursMark());
      resultsList.append(h);
    }
    if (excerpt.label) {
      const label = element("p", String(excerpt.label), "result-label");
      label.append(oursMark("(our label)"));
      resultsList.append(label);
    }
    const source = excerpt.source ?? {};
    const doc = documents.find((/** @type {any} */ d) => d.id === source.documentId);
    const quote = element("blockquote", undefined, "quote");
    const before = excerpt.elided?.before ? "… " : "";
    const after = excerpt.elided?.after ? " …" : "";
    const text = markedQuote(
      String(excerpt.quote ?? ""),
      Array.isArray(excerpt.highlights) ? excerpt.highlights : [],
    );
    if (before) text.insertBefore(document.createTextNode(before), text.childNodes[1] ?? null);
    if (after) text.insertBefore(document.createTextNode(after), text.lastChild);
    const footer = element("footer");
    footer.append(
      "— ",
      element("cite", `${doc ? doc.shortCite : source.documentId}, ¶${source.paragraph}`),
      ` · ${source.section ?? ""}${source.sectionEditorial ? " (section name ours)" : ""} · `,
    );
    const link = /** @type {HTMLAnchorElement} */ (element("a", "source"));
    if (typeof source.url === "string" && /^https?:\/\//.test(source.url)) link.href = source.url;
    link.rel = "noreferrer";
    footer.append(link);
    quote.append(text, footer);
    resultsList.append(quote);
  }
  const suggestions = Array.isArray(answer.suggestions) ? answer.suggestions : [];
  if (suggestions.length) {
    resultsList.append(element("p", `Try: ${suggestions.join(" · ")}`));
  }

  const keys = outlineMatches(excerpts);
  const page = answer.page;
  const range =
    page && excerpts.length
      ? `Passages ${page.offset + 1}–${page.offset + excerpts.length} of ${page.total}. `
      : "";
  resultsStatus.textContent = excerpts.length
    ? `${range}${keys.length} ${keys.length === 1 ? "point" : "points"} on the map ${keys.length === 1 ? "quotes" : "quote"} these passages: outlined in orange.`
    : "No passage found: nothing is outlined.";
  if (keys.length) {
    const list = element("ul", undefined, "related");
    for (const key of keys) {
      const article = detail(key);
      const item = element("li");
      const a = /** @type {HTMLAnchorElement} */ (
        element("a", article?.querySelector("h3")?.firstChild?.textContent?.trim() ?? key)
      );
      a.href = `#${encodeURIComponent(key)}`;
      a.setAttribute("data-select", key);
      a.addEventListener("click", (event) => {
        event.preventDefault();
        choose(key, { moveFocus: true });
      });
      item.append(a);
      list.append(item);
    }
    resultsList.prepend(list);
    resultsList.prepend(element("h4", "Points on the map"));
  }
  if (page && page.offset + page.size < page.total) {
    const more = element("button", "More results");
    more.setAttribute("type", "button");
    more.addEventListener("click", () => {
      void runSearch(query, page.offset / page.size + 2);
    });
    resultsList.append(more);
  }
}

/**
 * @param {string} query
 * @param {number} page
 */
async function runSearch(query, page) {
  const params = new URLSearchParams({ q: query, page: String(page) });
  resultsStatus.textContent = "Searching…";
  results.hidden = false;
  try {
    const response = await fetch(`${form.getAttribute("action")}?${params}`, {
      headers: { accept: "application/json" },
    });
    const body = await response.json();
    if (body && typeof body === "object" && "error" in body) {
      resultsList.replaceChildren();
      clearMatches();
      resultsStatus.textContent = String(body.error);
      return;
    }
    showAnswer(body, query);
  } catch {
    resultsStatus.textContent = "The search did not answer. Please try again.";
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const query = input.value.trim();
  if (!query) {
    resultsStatus.textContent = "Type some words to search for.";
    results.hidden = false;
    return;
  }
  void runSearch(query, 1);
});

clear.addEventListener("click", () => {
  clearMatches();
  resultsList.replaceChildren();
  resultsStatus.textContent = "";
  results.hidden = true;
  clear.hidden = true;
  input.value = "";
  input.focus();
});
