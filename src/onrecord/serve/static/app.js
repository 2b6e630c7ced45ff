// The onrecord web page: hash routes over the JSON API.
//
// Everything shown comes from articles written by strangers, so the DOM is built only with
// createElement / createElementNS, textContent and attributes this file chooses; no data is
// ever parsed as HTML. Links to data are internal "#/..." routes built here, or an
// article's URL when it is plain http(s).

const SVG_NS = "http://www.w3.org/2000/svg";
const PAGE_SIZE = 25;
const KINDS = {
  direct: "direct quote",
  mixed: "mixed quote",
  indirect: "indirect speech",
  according_to: "\u201caccording to\u201d",
};
const ROLES = ["content", "cue", "source"];
const NAMED_TYPES = new Set(["person", "organization"]);
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAY_MS = 86_400_000;
const MODIFIERS = { ">": "more than", ">=": "at least", "<": "less than", "<=": "at most", "~": "about" };
const SCALES = [
  [1e12, "trillion"],
  [1e9, "billion"],
  [1e6, "million"],
];

const main = document.getElementById("main");
const tooltip = document.getElementById("tooltip");
let renderCount = 0;

// --- building the DOM --------------------------------------------------------------------

/** An HTML element: `props` are attributes (plus `class`, `text` and `on<event>`). */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  setProps(node, props);
  appendAll(node, children);
  return node;
}

/** An SVG element, same conventions as `el`. */
function svg(tag, props = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setProps(node, props);
  appendAll(node, children);
  return node;
}

function setProps(node, props) {
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.setAttribute("class", value);
    else if (key === "text") node.textContent = String(value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
}

function appendAll(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** An internal link: `#/path?query`, with every value encoded. */
function route(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) query.set(key, value);
  }
  const text = query.toString();
  return `#/${path}${text ? `?${text}` : ""}`;
}

function link(path, text, params = {}) {
  return el("a", { href: route(path, params), text });
}

/** A link to an article's original URL, only when it is plain http(s). */
function externalLink(url, text) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  return el("a", { href: parsed.href, rel: "noopener noreferrer nofollow", text });
}

function plural(count, word) {
  return `${count.toLocaleString("en")} ${word}${count === 1 ? "" : "s"}`;
}

function kindLabel(kind) {
  return KINDS[kind] ?? kind;
}

// --- dates, places and figures -----------------------------------------------------------

/** The stretch of time an ISO date at its granularity covers, as [start, end) in ms since
 * the epoch (UTC): a day, a month ("2022-04"), a year ("2022") or an ISO week ("2022-W16").
 * Null for anything else. */
function interval(iso) {
  if (typeof iso !== "string") return null;
  let match = iso.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (match) {
    const start = Date.UTC(+match[1], +match[2] - 1, +match[3]);
    return { start, end: start + DAY_MS };
  }
  match = iso.match(/^(\d{4})-(\d{2})$/);
  if (match) return { start: Date.UTC(+match[1], +match[2] - 1, 1), end: Date.UTC(+match[1], +match[2], 1) };
  match = iso.match(/^(\d{4})$/);
  if (match) return { start: Date.UTC(+match[1], 0, 1), end: Date.UTC(+match[1] + 1, 0, 1) };
  match = iso.match(/^(\d{4})-W(\d{2})$/);
  if (match) {
    // ISO week 1 is the week with 4 January in it; weeks start on Monday.
    const fourth = Date.UTC(+match[1], 0, 4);
    const weekOneMonday = fourth - ((new Date(fourth).getUTCDay() + 6) % 7) * DAY_MS;
    const start = weekOneMonday + (+match[2] - 1) * 7 * DAY_MS;
    return { start, end: start + 7 * DAY_MS };
  }
  return null;
}

/** "2022-04-23" as "23 April 2022", "2022-04" as "April 2022", "2022-W16" as "week 16 of 2022". */
function readableDate(iso) {
  const [year, second, day] = String(iso).split("-");
  if (second === undefined) return iso;
  if (second.startsWith("W")) return `week ${Number(second.slice(1))} of ${year}`;
  const month = MONTHS[Number(second) - 1];
  if (!month) return iso;
  return day === undefined ? `${month} ${year}` : `${Number(day)} ${month} ${year}`;
}

/** A <time> element showing a date readably, with its ISO form as the machine value. */
function timeElement(iso) {
  return el("time", { datetime: iso, text: readableDate(iso) });
}

/** "said on 23 April 2022 in Paris", or null when neither is known. */
function whenWhere(item, { quoteText = false } = {}) {
  if (!item.said_on && !item.said_in) return null;
  const parts = [];
  if (item.said_on) {
    parts.push("said on ", timeElement(item.said_on));
    if (quoteText && item.said_on_text) parts.push(` (\u201c${item.said_on_text}\u201d)`);
  } else {
    parts.push("said");
  }
  if (item.said_in) {
    const country = item.said_in_country ? ` (${item.said_in_country})` : "";
    parts.push(` in ${item.said_in}${country}`);
  }
  return parts;
}

function whenWhereText(item) {
  const parts = whenWhere(item, { quoteText: true });
  return parts ? parts.map((p) => (p instanceof Node ? p.textContent : p)).join("") : "";
}

/** A number in words people read: 1.9e9 as "1.9 billion", 12345.5 as "12,345.5". */
function readableNumber(value) {
  for (const [size, word] of SCALES) {
    if (Math.abs(value) >= size) return `${(value / size).toLocaleString("en", { maximumFractionDigits: 2 })} ${word}`;
  }
  return value.toLocaleString("en", { maximumFractionDigits: 2 });
}

/** A figure as a phrase: modifier ">" and value 200 in "people" as "more than 200 people",
 * 1.9e9 "USD" as "1.9 billion USD", 60 "percent" as "60%". */
function readableFigure(figure) {
  const number = readableNumber(figure.value);
  let amount = number;
  if (figure.unit === "percent") amount = `${number}%`;
  else if (figure.unit) amount = `${number} ${figure.unit}`;
  const modifier = MODIFIERS[figure.modifier] ?? figure.modifier;
  return modifier ? `${modifier} ${amount}` : amount;
}

/** Who a figure belongs to: the speaker of the attribution whose content holds it, or the
 * article itself. */
function figureOwner(figure, attributions) {
  const attribution = figure.attribution ? attributions.find((a) => a.id === figure.attribution) : null;
  if (!attribution) return { text: "the article\u2019s own claim" };
  const who = attribution.speaker || attribution.source || "an unnamed source";
  return { text: who, speakerId: attribution.speaker_id };
}

// --- talking to the API ------------------------------------------------------------------

class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

async function api(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) url.searchParams.set(key, value);
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiError(body.message || `${response.status} ${response.statusText}`, response.status);
  }
  return body;
}

// --- routing -----------------------------------------------------------------------------

const VIEWS = {
  "": showOverview,
  quotes: showQuotes,
  speakers: showSpeakers,
  speaker: showSpeaker,
  article: showArticle,
};

function parseHash() {
  const hash = window.location.hash.replace(/^#/, "");
  const mark = hash.indexOf("?");
  const path = mark < 0 ? hash : hash.slice(0, mark);
  const query = mark < 0 ? "" : hash.slice(mark + 1);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  return { parts, params: new URLSearchParams(query) };
}

async function render(moveFocus) {
  const { parts, params } = parseHash();
  const name = parts[0] ?? "";
  const view = Object.hasOwn(VIEWS, name) ? VIEWS[name] : notFound;
  const token = ++renderCount;
  hideTooltip();
  markCurrentNav(name === "speaker" ? "speakers" : name || "overview");
  main.setAttribute("aria-busy", "true");
  main.replaceChildren(el("p", { class: "status", role: "status", text: "Loading\u2026" }));
  let nodes;
  try {
    nodes = await view(parts.slice(1), params);
  } catch (error) {
    nodes = errorView(error);
  }
  if (token !== renderCount) return; // a newer route was asked for meanwhile
  main.replaceChildren(...nodes.filter(Boolean));
  main.removeAttribute("aria-busy");
  const heading = main.querySelector("h1");
  document.title = heading ? `${heading.textContent} \u2013 onrecord` : "onrecord";
  if (moveFocus) (main.querySelector("[data-focus]") ?? heading ?? main).focus();
}

function markCurrentNav(current) {
  for (const anchor of document.querySelectorAll("nav a[data-route]")) {
    if (anchor.dataset.route === current) anchor.setAttribute("aria-current", "page");
    else anchor.removeAttribute("aria-current");
  }
}

function errorView(error) {
  const status = error instanceof ApiError ? error.status : 0;
  const heading = status === 404 ? "Not found" : "Something went wrong";
  return [
    el("h1", { tabindex: "-1", text: heading }),
    el("p", { class: "error", role: "alert", text: error.message }),
    el("p", {}, link("", "Back to the overview")),
  ];
}

async function notFound() {
  throw new ApiError("There is no such page.", 404);
}

function numericId(parts) {
  const id = parts[0] ?? "";
  if (!/^\d+$/.test(id)) throw new ApiError("There is no such page.", 404);
  return id;
}

// --- overview ----------------------------------------------------------------------------

async function showOverview() {
  const data = await api("/api/overview");
  const months = everyMonth(data.by_month);
  const top = data.top_speakers.map((s) => ({
    label: s.name,
    value: s.attributions,
    href: route(`speaker/${s.id}`),
  }));
  return [
    el("h1", { tabindex: "-1", text: "Corpus overview" }),
    el(
      "dl",
      { class: "totals" },
      total("Articles", data.articles),
      total("Attributions", data.attributions),
      total("Speakers", data.speakers),
    ),
    figure(
      "Attributions over time, by month of publication",
      months.length ? columnChart(months, "attributions") : el("p", { text: "No dated articles." }),
    ),
    figure(
      "Most quoted speakers",
      top.length ? barChart(top, "attributions") : el("p", { text: "No speakers yet." }),
    ),
    figure("Who the sources are: named or unnamed", sourceShare(data.by_source_type)),
    figure(
      "Kinds of attribution",
      barChart(
        data.by_kind.map((k) => ({
          label: kindLabel(k.kind),
          value: k.attributions,
          href: route("quotes", { kind: k.kind }),
        })),
        "attributions",
      ),
    ),
  ];
}

/** Monthly counts with the months that have none filled in as zero, so gaps show. */
function everyMonth(byMonth) {
  if (!byMonth.length) return [];
  const counts = new Map(byMonth.map((m) => [m.month, m.attributions]));
  const [firstYear, firstMonth] = byMonth[0].month.split("-").map(Number);
  const [lastYear, lastMonth] = byMonth[byMonth.length - 1].month.split("-").map(Number);
  const months = [];
  for (let year = firstYear, month = firstMonth; year < lastYear || (year === lastYear && month <= lastMonth); ) {
    const label = `${year}-${String(month).padStart(2, "0")}`;
    months.push({ label, value: counts.get(label) ?? 0 });
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

function total(label, value) {
  return el("div", {}, el("dt", { text: label }), el("dd", { text: value.toLocaleString("en") }));
}

function figure(caption, ...content) {
  return el("figure", { class: "chart" }, el("figcaption", { text: caption }), ...content);
}

/** Vertical bars, one per label (months), as an SVG with a <title> on every bar. */
function columnChart(data, unit) {
  const width = 720;
  const height = 260;
  const pad = { top: 16, right: 12, bottom: 48, left: 48 };
  const max = Math.max(...data.map((d) => d.value), 1);
  const plotWidth = width - pad.left - pad.right;
  const plotHeight = height - pad.top - pad.bottom;
  const step = plotWidth / data.length;
  const labelEvery = Math.ceil(data.length / 12);
  const y = (value) => pad.top + plotHeight - (value / max) * plotHeight;
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-label": `${unit} by month: ` + data.map((d) => `${d.label} ${d.value}`).join(", "),
  });
  for (const tick of [0, Math.round(max / 2), max]) {
    chart.append(
      svg("line", { class: "grid", x1: pad.left, x2: width - pad.right, y1: y(tick), y2: y(tick) }),
      svg("text", { class: "tick", x: pad.left - 6, y: y(tick) + 4, "text-anchor": "end", text: tick }),
    );
  }
  data.forEach((d, i) => {
    const x = pad.left + i * step;
    const barWidth = Math.max(step * 0.75, 1);
    chart.append(
      svg(
        "rect",
        { class: "bar", x: x + (step - barWidth) / 2, y: y(d.value), width: barWidth, height: y(0) - y(d.value) },
        svg("title", { text: `${d.label}: ${plural(d.value, unit.replace(/s$/, ""))}` }),
      ),
    );
    if (i % labelEvery === 0) {
      chart.append(
        svg("text", { class: "tick", x: x + step / 2, y: height - pad.bottom + 16, "text-anchor": "middle", text: d.label }),
      );
    }
  });
  return chart;
}

/** Horizontal bars with a label on the left; a bar with `href` is a link. */
function barChart(data, unit) {
  const width = 720;
  const row = 26;
  const labelWidth = 220;
  const valueWidth = 60;
  const height = data.length * row + 8;
  const max = Math.max(...data.map((d) => d.value), 1);
  const barSpace = width - labelWidth - valueWidth;
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-label": data.map((d) => `${d.label}: ${d.value} ${unit}`).join("; "),
  });
  data.forEach((d, i) => {
    const top = 4 + i * row;
    const barLength = Math.max((d.value / max) * barSpace, 2);
    const label = d.label.length > 30 ? `${d.label.slice(0, 29)}\u2026` : d.label;
    const group = svg(
      "g",
      { class: "row" },
      svg("title", { text: `${d.label}: ${plural(d.value, unit.replace(/s$/, ""))}` }),
      svg("text", { class: "label", x: labelWidth - 8, y: top + row / 2 + 4, "text-anchor": "end", text: label }),
      svg("rect", { class: "bar", x: labelWidth, y: top + 3, width: barLength, height: row - 8 }),
      svg("text", { class: "value", x: labelWidth + barLength + 6, y: top + row / 2 + 4, text: d.value }),
    );
    chart.append(d.href ? svg("a", { href: d.href }, group) : group);
  });
  return chart;
}

/** One stacked bar: sources that name someone (person, organization) against those that do
 * not (a group, someone unknown, or no source at all), with documents apart. */
function sourceShare(byType) {
  const groups = [
    { key: "named", label: "Named (person or organization)", value: 0 },
    { key: "unnamed", label: "Unnamed (group, unknown or none)", value: 0 },
    { key: "document", label: "A document", value: 0 },
  ];
  for (const { type, attributions } of byType) {
    const key = NAMED_TYPES.has(type) ? "named" : type === "document" ? "document" : "unnamed";
    groups.find((g) => g.key === key).value += attributions;
  }
  const shown = groups.filter((g) => g.value > 0);
  const sum = shown.reduce((acc, g) => acc + g.value, 0);
  if (!sum) return el("p", { text: "No attributions yet." });
  const percent = (value) => `${Math.round((value / sum) * 100)}%`;
  const width = 720;
  const chart = svg("svg", {
    viewBox: `0 0 ${width} 40`,
    role: "img",
    class: "share",
    "aria-label": shown.map((g) => `${g.label}: ${g.value} (${percent(g.value)})`).join("; "),
  });
  let x = 0;
  for (const group of shown) {
    const length = (group.value / sum) * width;
    chart.append(
      svg(
        "rect",
        { class: `part part-${group.key}`, x, y: 4, width: length, height: 32 },
        svg("title", { text: `${group.label}: ${group.value} (${percent(group.value)})` }),
      ),
    );
    x += length;
  }
  const legend = el(
    "ul",
    { class: "legend" },
    shown.map((g) =>
      el(
        "li",
        {},
        el("span", { class: `swatch part-${g.key}`, "aria-hidden": "true" }),
        `${g.label}: ${plural(g.value, "attribution")} (${percent(g.value)})`,
      ),
    ),
  );
  return el("div", {}, chart, legend);
}

// --- quotes ------------------------------------------------------------------------------

const QUOTE_FILTERS = ["speaker", "contains", "kind", "since", "until", "outlet", "said_on", "place"];

async function showQuotes(_parts, params) {
  const filters = Object.fromEntries(QUOTE_FILTERS.map((key) => [key, params.get(key) ?? ""]));
  const offset = pageOffset(params);
  const form = quoteForm(filters);
  const searched = QUOTE_FILTERS.some((key) => filters[key]);
  let results;
  try {
    const page = await api("/api/quotes", { ...filters, limit: PAGE_SIZE, offset });
    results = quoteResults(page, (newOffset) => route("quotes", { ...filters, offset: newOffset }));
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 400) throw error;
    results = [el("p", { class: "error", role: "alert", "data-focus": "", tabindex: "-1", text: error.message })];
  }
  return [
    el("h1", { tabindex: "-1", text: searched ? "Quotes found" : "Quotes" }),
    form,
    ...results,
  ];
}

function quoteForm(filters) {
  const field = (name, label, input) =>
    el("div", { class: "field" }, el("label", { for: `f-${name}`, text: label }), input);
  const text = (name, label, extra = {}) =>
    field(name, label, el("input", { id: `f-${name}`, name, type: "text", value: filters[name], ...extra }));
  const kind = el(
    "select",
    { id: "f-kind", name: "kind" },
    el("option", { value: "", text: "any kind" }),
    Object.entries(KINDS).map(([value, label]) =>
      el("option", { value, text: label, selected: filters.kind === value }),
    ),
  );
  const form = el(
    "form",
    { class: "filters", role: "search", "aria-label": "Search attributions" },
    text("speaker", "Speaker", { autocomplete: "off" }),
    text("contains", "Quote contains"),
    field("kind", "Kind", kind),
    text("since", "Published from", { type: "date" }),
    text("until", "Published until", { type: "date" }),
    text("outlet", "Outlet"),
    text("said_on", "Said on", {
      placeholder: "e.g. 2022-04",
      title: "A year (2022), a month (2022-04) or a day (2022-04-23)",
      inputmode: "numeric",
      autocomplete: "off",
    }),
    text("place", "Place", { placeholder: "name or country code", autocomplete: "off" }),
    el(
      "div",
      { class: "actions" },
      el("button", { type: "submit", text: "Search" }),
      el("a", { href: route("quotes"), text: "Clear" }),
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = {};
    for (const [key, value] of new FormData(form)) values[key] = String(value).trim();
    window.location.hash = route("quotes", values);
  });
  return form;
}

function pageOffset(params) {
  const offset = Number.parseInt(params.get("offset") ?? "0", 10);
  return Number.isFinite(offset) && offset > 0 ? offset : 0;
}

/** A page of quotes: a count, a table, and previous/next links made by `pageLink(offset)`. */
function quoteResults(page, pageLink, { showSpeaker = true } = {}) {
  const summary = el("p", { class: "summary", role: "status", tabindex: "-1", "data-focus": "" });
  if (!page.total) {
    summary.textContent = "No attributions match.";
    return [summary];
  }
  const last = page.offset + page.items.length;
  summary.textContent = `Showing ${page.offset + 1}\u2013${last} of ${plural(page.total, "attribution")}.`;
  const headings = ["Published", "Outlet", ...(showSpeaker ? ["Speaker"] : []), "Kind", "Said", "Article"];
  const table = el(
    "table",
    { class: "quotes" },
    el("caption", { class: "visually-hidden", text: "Attributions" }),
    el("thead", {}, el("tr", {}, headings.map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, page.items.map((quote) => quoteRow(quote, showSpeaker))),
  );
  return [summary, el("div", { class: "table-wrap" }, table), pager(page, pageLink)];
}

function quoteRow(quote, showSpeaker) {
  const speakerCell = el("td", { class: "speaker" });
  if (quote.speaker_id !== null) {
    speakerCell.append(link(`speaker/${quote.speaker_id}`, quote.speaker));
    if (quote.speaker_title) speakerCell.append(el("span", { class: "title", text: quote.speaker_title }));
  } else {
    speakerCell.append(el("span", { class: "muted", text: quote.source ?? "no source" }));
  }
  return el(
    "tr",
    {},
    el("td", { class: "date", text: quote.published ?? "" }),
    el("td", { text: quote.outlet ?? "" }),
    showSpeaker ? speakerCell : null,
    el("td", { text: kindLabel(quote.kind) }),
    el(
      "td",
      { class: "said" },
      el("span", { class: "content", text: quote.content }),
      quote.cue ? el("span", { class: "cue", text: ` (${quote.cue})` }) : null,
      quote.said_on || quote.said_in ? el("span", { class: "when-where" }, capitaliseParts(whenWhere(quote))) : null,
    ),
    el("td", {}, link(`article/${quote.article_id}`, quote.article_title || `Article ${quote.article_id}`)),
  );
}

function pager(page, pageLink) {
  const links = [];
  if (page.offset > 0) {
    links.push(el("a", { href: pageLink(Math.max(page.offset - page.limit, 0)), rel: "prev", text: "\u2190 Previous" }));
  }
  if (page.offset + page.items.length < page.total) {
    links.push(el("a", { href: pageLink(page.offset + page.limit), rel: "next", text: "Next \u2192" }));
  }
  return el("nav", { class: "pager", "aria-label": "Pages" }, links);
}

// --- speakers ----------------------------------------------------------------------------

async function showSpeakers(_parts, params) {
  const name = params.get("name") ?? "";
  const offset = pageOffset(params);
  const page = await api("/api/speakers", { name, limit: PAGE_SIZE, offset });
  const input = el("input", { id: "f-name", name: "name", type: "text", value: name, autocomplete: "off" });
  const form = el(
    "form",
    { class: "filters", role: "search", "aria-label": "Find speakers" },
    el("div", { class: "field" }, el("label", { for: "f-name", text: "Name" }), input),
    el("div", { class: "actions" }, el("button", { type: "submit", text: "Find" })),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.location.hash = route("speakers", { name: input.value.trim() });
  });
  const summary = el("p", { class: "summary", role: "status", tabindex: "-1", "data-focus": "" });
  summary.textContent = page.total
    ? `Showing ${offset + 1}\u2013${offset + page.items.length} of ${plural(page.total, "speaker")}, most quoted first.`
    : "No speakers match.";
  const rows = page.items.map((s) =>
    el(
      "tr",
      {},
      el("td", {}, link(`speaker/${s.id}`, s.name)),
      el("td", { text: s.type }),
      el("td", { class: "number", text: s.attributions }),
      el("td", { class: "number", text: s.articles }),
      el("td", { text: s.titles.join("; ") }),
    ),
  );
  const table = page.total
    ? el(
        "div",
        { class: "table-wrap" },
        el(
          "table",
          {},
          el("caption", { class: "visually-hidden", text: "Speakers" }),
          el(
            "thead",
            {},
            el("tr", {}, ["Name", "Type", "Attributions", "Articles", "Titles"].map((h) => el("th", { scope: "col", text: h }))),
          ),
          el("tbody", {}, rows),
        ),
      )
    : null;
  return [
    el("h1", { tabindex: "-1", text: "Speakers" }),
    form,
    summary,
    table,
    pager(page, (newOffset) => route("speakers", { name, offset: newOffset })),
  ];
}

async function showSpeaker(parts, params) {
  const id = numericId(parts);
  const offset = pageOffset(params);
  const [who, page, everything] = await Promise.all([
    api(`/api/speakers/${id}`),
    api("/api/quotes", { speaker_id: id, limit: PAGE_SIZE, offset }),
    api("/api/quotes", { speaker_id: id, limit: TIMELINE_LIMIT }),
  ]);
  const otherNames = who.names.filter((n) => n !== who.name);
  return [
    el("h1", { tabindex: "-1", text: who.name }),
    el(
      "p",
      { class: "lede" },
      `${capitalise(who.type)}, quoted in ${plural(who.attributions, "attribution")}.`,
      otherNames.length ? ` Also written as: ${otherNames.join(", ")}.` : "",
    ),
    el(
      "section",
      { "aria-labelledby": "timeline-h" },
      el("h2", { id: "timeline-h", text: "When they spoke" }),
      timeline(everything),
    ),
    el(
      "section",
      { "aria-labelledby": "places-h" },
      el("h2", { id: "places-h", text: "Where they spoke" }),
      placeList(who),
    ),
    el("section", { "aria-labelledby": "titles-h" }, el("h2", { id: "titles-h", text: "Titles over time" }), titleTable(who.titles)),
    el(
      "section",
      { "aria-labelledby": "outlets-h" },
      el("h2", { id: "outlets-h", text: "Outlets" }),
      who.outlets.length
        ? barChart(who.outlets.map((o) => ({ label: o.outlet, value: o.attributions })), "attributions")
        : el("p", { text: "None." }),
    ),
    el(
      "section",
      { "aria-labelledby": "alongside-h" },
      el("h2", { id: "alongside-h", text: "Quoted alongside" }),
      who.alongside.length
        ? el(
            "ul",
            { class: "alongside" },
            who.alongside.map((c) =>
              el("li", {}, link(`speaker/${c.id}`, c.name), ` \u2013 ${plural(c.articles, "article")} together`),
            ),
          )
        : el("p", { text: "Nobody else is quoted in the same articles." }),
    ),
    el(
      "section",
      { "aria-labelledby": "said-h" },
      el("h2", { id: "said-h", text: "Attributions" }),
      ...quoteResults(page, (newOffset) => route(`speaker/${id}`, { offset: newOffset }), { showSpeaker: false }),
    ),
  ];
}

const TIMELINE_LIMIT = 1000; // the API's largest page
const LANES = [
  { basis: "said", label: "Said on", legend: "the date the article gives for the statement" },
  { basis: "published", label: "Published", legend: "the article\u2019s publication date (it does not say when the statement was made)" },
];

/** Each attribution as a mark on a time axis: at the date it was said when the article
 * says, else at the article's publication date, in a lane of its own so the two are never
 * confused. A date known only to the month (or week, or year) is drawn as a bar across it.
 * Every mark links to its article and has a <title>. */
function timeline(page) {
  const marks = [];
  let undated = 0;
  for (const quote of page.items) {
    const basis = quote.said_on && interval(quote.said_on) ? "said" : "published";
    const when = basis === "said" ? quote.said_on : quote.published;
    const span = interval(when);
    if (span) marks.push({ quote, basis, when, ...span });
    else undated += 1;
  }
  const notes = [];
  if (page.total > page.items.length) notes.push(`Drawn: the newest ${plural(page.items.length, "attribution")} of ${page.total.toLocaleString("en")}.`);
  if (undated) notes.push(`Not drawn: ${plural(undated, "attribution")} with no date at all.`);
  if (!marks.length) return el("div", {}, el("p", { text: "No dated attributions." }), notes.map((n) => el("p", { class: "muted", text: n })));
  const lanes = LANES.filter((lane) => marks.some((m) => m.basis === lane.basis));
  const chart = timelineChart(marks, lanes);
  const legend = el(
    "ul",
    { class: "legend" },
    lanes.map((lane) => {
      const count = marks.filter((m) => m.basis === lane.basis).length;
      return el("li", {}, el("span", { class: `swatch mark-${lane.basis}`, "aria-hidden": "true" }), `${lane.label}: ${lane.legend} (${count})`);
    }),
  );
  return el("figure", { class: "chart timeline-figure" }, chart, legend, notes.map((n) => el("p", { class: "muted", text: n })));
}

function timelineChart(marks, lanes) {
  const width = 720;
  const pad = { left: 84, right: 40, top: 8, axis: 28 };
  const rowHeight = 14;
  const maxRows = 8;
  let start = Math.min(...marks.map((m) => m.start));
  let end = Math.max(...marks.map((m) => m.end));
  if (end - start < 30 * DAY_MS) {
    const middle = (start + end) / 2;
    [start, end] = [middle - 15 * DAY_MS, middle + 15 * DAY_MS];
  }
  const margin = (end - start) * 0.03;
  [start, end] = [start - margin, end + margin];
  const plotWidth = width - pad.left - pad.right;
  const x = (ms) => pad.left + ((ms - start) / (end - start)) * plotWidth;
  const placed = lanes.map((lane) => stackRows(marks.filter((m) => m.basis === lane.basis), x, maxRows));
  const laneHeights = placed.map((rows) => Math.max(...rows.map((r) => r.row), 0) * rowHeight + rowHeight + 12);
  const height = pad.top + laneHeights.reduce((a, b) => a + b, 0) + pad.axis;
  const chart = svg("svg", {
    class: "timeline",
    viewBox: `0 0 ${width} ${height}`,
    role: "group",
    "aria-label": `Timeline of ${plural(marks.length, "dated attribution")}`,
  });
  for (const tick of timeTicks(start, end)) {
    chart.append(
      svg("line", { class: "grid", x1: x(tick.at), x2: x(tick.at), y1: pad.top, y2: height - pad.axis }),
      svg("text", { class: "tick", x: x(tick.at), y: height - pad.axis + 16, "text-anchor": "middle", text: tick.label }),
    );
  }
  let top = pad.top;
  lanes.forEach((lane, i) => {
    chart.append(svg("text", { class: "lane-label", x: pad.left - 8, y: top + rowHeight / 2 + 8, "text-anchor": "end", text: lane.label }));
    for (const { mark, row } of placed[i]) chart.append(timelineMark(mark, x, top + 6 + row * rowHeight + rowHeight / 2));
    top += laneHeights[i];
    if (i + 1 < lanes.length) chart.append(svg("line", { class: "lane-rule", x1: pad.left, x2: width - pad.right, y1: top, y2: top }));
  });
  return chart;
}

/** Rows within a lane so marks that would overlap sit one above the other (up to
 * `maxRows`; beyond that they share rows again). */
function stackRows(marks, x, maxRows) {
  const rowEnds = [];
  return [...marks]
    .sort((a, b) => a.start - b.start)
    .map((mark) => {
      const left = x(mark.start) - 6;
      let row = rowEnds.findIndex((rowEnd) => rowEnd <= left);
      if (row < 0) row = rowEnds.length < maxRows ? rowEnds.length : rowEnds.indexOf(Math.min(...rowEnds));
      rowEnds[row] = Math.max(x(mark.end), x(mark.start) + 6) + 2;
      return { mark, row };
    });
}

function timelineMark(mark, x, y) {
  const { quote, basis, when } = mark;
  const oneDay = mark.end - mark.start <= DAY_MS;
  const shape = oneDay
    ? svg("circle", { cx: (x(mark.start) + x(mark.end)) / 2, cy: y, r: 5 })
    : svg("rect", { x: x(mark.start), y: y - 5, width: Math.max(x(mark.end) - x(mark.start), 10), height: 10, rx: 5 });
  const content = quote.content.length > 140 ? `${quote.content.slice(0, 139)}\u2026` : quote.content;
  const how = basis === "said" ? "said on" : "published";
  const where = quote.said_in ? `, in ${quote.said_in}` : "";
  const article = quote.article_title || `Article ${quote.article_id}`;
  const label = `${how} ${readableDate(when)}${where}: \u201c${content}\u201d (${article})`;
  return svg(
    "a",
    { href: route(`article/${quote.article_id}`), class: `mark mark-${basis}`, "aria-label": label, "data-when": when },
    svg("title", { text: label }),
    shape,
  );
}

/** Axis ticks at whole years, months or days, whichever gives at most about eight. */
function timeTicks(start, end) {
  const days = (end - start) / DAY_MS;
  const first = new Date(start);
  const ticks = [];
  if (days > 3 * 366) {
    const step = Math.ceil(days / 365 / 8);
    for (let year = first.getUTCFullYear() + 1; Date.UTC(year, 0, 1) <= end; year += step) {
      ticks.push({ at: Date.UTC(year, 0, 1), label: String(year) });
    }
  } else if (days > 62) {
    const step = Math.ceil(days / 30.4 / 8);
    for (let m = first.getUTCMonth() + 1, y = first.getUTCFullYear(); Date.UTC(y, m, 1) <= end; m += step) {
      const at = Date.UTC(y, m, 1);
      const date = new Date(at);
      ticks.push({ at, label: `${MONTHS[date.getUTCMonth()].slice(0, 3)} ${date.getUTCFullYear()}` });
    }
  } else {
    const step = Math.ceil(days / 8);
    const firstDay = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate() + 1);
    let lastYear = null;
    for (let at = firstDay; at <= end; at += step * DAY_MS) {
      const date = new Date(at);
      const year = date.getUTCFullYear() === lastYear ? "" : ` ${date.getUTCFullYear()}`;
      ticks.push({ at, label: `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()].slice(0, 3)}${year}` });
      lastYear = date.getUTCFullYear();
    }
  }
  return ticks;
}

function placeList(who) {
  if (!who.places.length) return el("p", { text: "No article says where they made a statement." });
  return el(
    "ul",
    { class: "places" },
    who.places.map((place) =>
      el(
        "li",
        {},
        link("quotes", place.country_code ? `${place.name} (${place.country_code})` : place.name, { speaker: who.name, place: place.name }),
        ` \u2013 ${plural(place.attributions, "attribution")} in ${plural(place.articles, "article")}`,
      ),
    ),
  );
}

function titleTable(titles) {
  if (!titles.length) return el("p", { text: "No title given in any article." });
  return el(
    "table",
    { class: "titles" },
    el("caption", { class: "visually-hidden", text: "Titles over time" }),
    el("thead", {}, el("tr", {}, ["Title", "First seen", "Last seen", "Articles"].map((h) => el("th", { scope: "col", text: h })))),
    el(
      "tbody",
      {},
      titles.map((t) =>
        el(
          "tr",
          {},
          el("td", { text: t.title }),
          el("td", { class: "date", text: t.first_seen ?? "undated" }),
          el("td", { class: "date", text: t.last_seen ?? "undated" }),
          el(
            "td",
            {},
            t.article_ids.map((articleId, i) => [i ? ", " : "", link(`article/${articleId}`, `#${articleId}`)]),
          ),
        ),
      ),
    ),
  );
}

function capitalise(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : "";
}

function capitaliseParts(parts) {
  return parts.map((part, i) => (i === 0 && typeof part === "string" ? capitalise(part) : part));
}

// --- article -----------------------------------------------------------------------------

async function showArticle(parts) {
  const id = numericId(parts);
  const article = await api(`/api/articles/${id}`);
  const meta = [article.outlet, article.published, article.author].filter(Boolean).join(" \u00b7 ");
  const original = article.url ? externalLink(article.url, "Original article") : null;
  const figures = article.figures ?? [];
  const body = highlightedText(article.text, article.attributions, figures);
  return [
    el("h1", { tabindex: "-1", text: article.title || `Article ${article.id}` }),
    el("p", { class: "lede" }, meta, original ? [meta ? " \u00b7 " : "", original] : null),
    article.is_current ? null : el("p", { class: "note", text: "An older version of this article." }),
    el(
      "ul",
      { class: "legend", "aria-label": "Highlights" },
      [...ROLES, "figure"].map((role) =>
        el("li", {}, el("span", { class: `swatch hl-${role}`, "aria-hidden": "true" }), ROLE_NAMES[role]),
      ),
    ),
    el("p", { class: "hint", text: "Hover over or focus a highlight to see who is speaking, when and where, or what a figure amounts to." }),
    el("article", { class: "article-text", "aria-label": "Article text" }, body),
    el(
      "section",
      { "aria-labelledby": "attr-h" },
      el("h2", { id: "attr-h", text: `Attributions (${article.attributions.length})` }),
      attributionList(article.attributions),
    ),
    el(
      "section",
      { "aria-labelledby": "figures-h" },
      el("h2", { id: "figures-h", text: `Figures (${figures.length})` }),
      figureTable(figures, article.attributions),
    ),
  ];
}

const ROLE_NAMES = { content: "What was said", cue: "Cue (how)", source: "Source (who)", figure: "Figure (an amount)" };

/** The article text as text nodes and <span> highlights, cut at every slice boundary so
 * overlapping content, cue, source and figure spans each keep their style. Offsets count
 * code points (as Python does), so the text is split into code points, not UTF-16 units. */
function highlightedText(text, attributions, figures) {
  const chars = Array.from(text);
  const marks = [];
  attributions.forEach((attribution, index) => {
    for (const role of ROLES) {
      for (const [start, end] of attribution[`${role}_slices`] ?? []) {
        marks.push({ start: clamp(start, chars.length), end: clamp(end, chars.length), role, index });
      }
    }
  });
  figures.forEach((figure, index) => {
    const [start, end] = [clamp(figure.start_char, chars.length), clamp(figure.end_char, chars.length)];
    if (end > start) marks.push({ start, end, role: "figure", index });
  });
  const cuts = [...new Set([0, chars.length, ...marks.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const container = el("div", { class: "text" });
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const piece = chars.slice(from, to).join("");
    const covering = marks.filter((m) => m.start <= from && m.end >= to);
    if (!covering.length) {
      container.append(document.createTextNode(piece));
      continue;
    }
    const roles = [...new Set(covering.map((m) => m.role))];
    const indexes = [...new Set(covering.filter((m) => m.role !== "figure").map((m) => m.index))];
    const figureIndexes = covering.filter((m) => m.role === "figure").map((m) => m.index);
    // Keyboard users can reach each speaker and each figure, once: at the piece it starts in.
    const startsHere = covering.some((m) => (m.role === "source" || m.role === "figure") && m.start === from);
    container.append(
      el("span", {
        class: ["hl", ...roles.map((r) => `hl-${r}`)].join(" "),
        "data-attributions": indexes.length ? indexes.join(" ") : null,
        "data-figures": figureIndexes.length ? figureIndexes.join(" ") : null,
        "data-roles": roles.join(" "),
        tabindex: startsHere ? "0" : null,
        text: piece,
      }),
    );
  }
  const show = (event) => showTooltipFor(event.target, attributions, figures);
  container.addEventListener("mouseover", show);
  container.addEventListener("focusin", show);
  container.addEventListener("mouseout", (event) => leaveHighlight(event.target, container));
  container.addEventListener("focusout", (event) => leaveHighlight(event.target, container));
  return container;
}

function clamp(value, length) {
  return Math.min(Math.max(Number(value) || 0, 0), length);
}

function indexList(value) {
  return value ? value.split(" ").map(Number) : [];
}

function showTooltipFor(target, attributions, figures) {
  const span = target.closest?.(".hl");
  if (!span) return;
  const indexes = indexList(span.dataset.attributions);
  const figureIndexes = indexList(span.dataset.figures);
  const roles = span.dataset.roles.split(" ");
  for (const other of span.parentElement.querySelectorAll(".hl.active")) other.classList.remove("active");
  const related = [
    ...indexes.map((index) => `.hl[data-attributions~="${index}"]`),
    ...figureIndexes.map((index) => `.hl[data-figures~="${index}"]`),
  ];
  for (const selector of related) {
    for (const part of span.parentElement.querySelectorAll(selector)) part.classList.add("active");
  }
  const figureLines = figureIndexes.map((index) => figureTip(figures[index], attributions));
  const described = new Map();
  for (const index of indexes) {
    const a = attributions[index];
    const who = a.speaker ? [a.speaker, a.speaker_title].filter(Boolean).join(", ") : a.source || "no source";
    const detail = [kindLabel(a.kind), whenWhereText(a)].filter(Boolean).join(", ");
    described.set(`${who}\u0000${detail}`, [who, detail]);
  }
  const lines = [...described.values()].map(([who, detail]) =>
    el("p", {}, el("strong", { class: "tip-speaker", text: who }), el("span", { class: "tip-detail", text: ` \u2013 ${detail}` })),
  );
  const roleLine = el("p", { class: "tip-role", text: roles.map((r) => ROLE_NAMES[r]).join(" + ") });
  tooltip.replaceChildren(...figureLines, ...lines, roleLine);
  tooltip.hidden = false;
  span.setAttribute("aria-describedby", "tooltip");
  placeTooltip(span);
}

function placeTooltip(anchor) {
  const box = anchor.getBoundingClientRect();
  const width = tooltip.offsetWidth;
  const left = Math.min(box.left, document.documentElement.clientWidth - width - 8);
  tooltip.style.left = `${Math.max(left, 8) + window.scrollX}px`;
  tooltip.style.top = `${box.bottom + window.scrollY + 6}px`;
}

function leaveHighlight(target, container) {
  const span = target.closest?.(".hl");
  if (!span) return;
  span.removeAttribute("aria-describedby");
  for (const part of container.querySelectorAll(".hl.active")) part.classList.remove("active");
  hideTooltip();
}

function hideTooltip() {
  tooltip.hidden = true;
  tooltip.replaceChildren();
}

/** The tooltip line for a figure: the amount in words, the exact value when it was
 * rounded for reading, and whose claim it is. */
function figureTip(figure, attributions) {
  const exact = Math.abs(figure.value) >= SCALES[SCALES.length - 1][0] ? ` (${figure.value.toLocaleString("en")})` : "";
  return el(
    "p",
    { class: "tip-figure" },
    el("strong", { text: readableFigure(figure) }),
    el("span", { class: "tip-detail", text: `${exact} \u2013 ${figureOwner(figure, attributions).text}` }),
  );
}

function attributionList(attributions) {
  if (!attributions.length) return el("p", { text: "No attributions found in this article." });
  return el(
    "ol",
    { class: "attributions" },
    attributions.map((a) => {
      const when = whenWhere(a, { quoteText: true });
      return el(
        "li",
        {},
        el(
          "p",
          { class: "who" },
          a.speaker_id !== null ? link(`speaker/${a.speaker_id}`, a.speaker) : el("span", { class: "muted", text: a.source || "no source" }),
          a.speaker_title ? `, ${a.speaker_title}` : "",
          el("span", { class: "kind", text: ` \u2013 ${kindLabel(a.kind)}${a.cue ? `, \u201c${a.cue}\u201d` : ""}` }),
        ),
        el("span", { class: "content", text: a.content }),
        when ? el("p", { class: "when-where" }, capitaliseParts(when)) : null,
      );
    }),
  );
}

/** Every amount in the article, what it amounts to, and whose claim it is. */
function figureTable(figures, attributions) {
  if (!figures.length) return el("p", { text: "No figures found in this article." });
  return el(
    "div",
    { class: "table-wrap" },
    el(
      "table",
      { class: "figures" },
      el("caption", { class: "visually-hidden", text: "Figures" }),
      el("thead", {}, el("tr", {}, ["In the text", "Amount", "Claimed by"].map((h) => el("th", { scope: "col", text: h })))),
      el(
        "tbody",
        {},
        figures.map((figure) => {
          const owner = figureOwner(figure, attributions);
          const claimed =
            owner.speakerId !== null && owner.speakerId !== undefined
              ? link(`speaker/${owner.speakerId}`, owner.text)
              : el("span", { class: figure.attribution ? "" : "muted", text: owner.text });
          return el(
            "tr",
            {},
            el("td", { class: "figure-text", text: figure.text }),
            el("td", { text: readableFigure(figure) }),
            el("td", {}, claimed),
          );
        }),
      ),
    ),
  );
}

// --- start -------------------------------------------------------------------------------

window.addEventListener("hashchange", () => render(true));
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") hideTooltip();
});
render(false);
