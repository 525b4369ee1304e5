/*
 * <wagtail-events>: a list of events from a wagtail_events site, for any web page.
 *
 *   <script src="https://events.example/static/wagtail_events/embed.js" defer></script>
 *   <wagtail-events profile="hemit" lang="nb" limit="5"></wagtail-events>
 *
 * Attributes: profile, lang (one of the site's content languages, e.g. nb, nn or en), limit,
 * organiser, topic, type (several slugs: separate them with spaces or commas) and api (the
 * API's base URL; by default /api/ on the site that serves this script). The list lives in a shadow root, so the host page's CSS cannot break it;
 * theme it with the custom properties --we-accent, --we-text, --we-background, --we-border,
 * --we-font and --we-font-size, or its parts (::part(event), ::part(title), ...). A profile's
 * colours apply where the host page sets none of its own.
 * No dependencies, no cookies: the API is public and read without credentials.
 */
(() => {
  "use strict";

  const TAG = "wagtail-events";
  if (customElements.get(TAG)) return; // the script was included twice

  const API = document.currentScript ? new URL("/api/", document.currentScript.src).href : "/api/";
  const FILTERS = ["organiser", "topic", "type"];
  // A profile's colours, as the API gives them: only #rrggbb ever reaches a style.
  const COLOURS = ["accent", "text", "background"];
  const COLOUR = /^#[0-9a-f]{6}$/i;
  // The element's own words, in each language the package has a catalogue for (nb, nn) and
  // in English; a language without them gets Bokmål's.
  const STRINGS = {
    nb: {
      loading: "Henter arrangementer …",
      empty: "Ingen kommende arrangementer.",
      error: "Kunne ikke hente arrangementene. Prøv igjen senere.",
    },
    nn: {
      loading: "Hentar arrangement …",
      empty: "Ingen kommande arrangement.",
      error: "Kunne ikkje henta arrangementa. Prøv igjen seinare.",
    },
    en: {
      loading: "Loading events…",
      empty: "No upcoming events.",
      error: "Could not load the events. Please try again later.",
    },
  };
  const STYLE = `
:host {
  --_we-accent: var(--we-accent, var(--we-profile-accent, #005a9c));
  display: block;
  color: var(--we-text, var(--we-profile-text, #1a1a1a));
  background: var(--we-background, var(--we-profile-background, transparent));
  font-family: var(--we-font, inherit);
  font-size: var(--we-font-size, 1rem);
  line-height: 1.4;
}
:host([hidden]) { display: none; }
ul { list-style: none; margin: 0; padding: 0; }
li { padding: 0.6em 0; border-bottom: 1px solid var(--we-border, #d0d0d0); }
li:last-child { border-bottom: 0; }
a { color: var(--_we-accent); font-weight: 600; text-decoration: underline; }
a:hover { text-decoration-thickness: 2px; }
a:focus-visible { outline: 2px solid var(--_we-accent); outline-offset: 2px; }
p { margin: 0.2em 0 0; }
[part="status"] { font-weight: 600; }
`;

  function element(tag, part, text) {
    const node = document.createElement(tag);
    if (part) node.setAttribute("part", part);
    if (text) node.textContent = text;
    return node;
  }

  // Only web links: a link from the data must never run script in the host page.
  function safeUrl(value, base) {
    try {
      const url = new URL(value, base);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch {
      return null;
    }
  }

  function words(value) {
    return (value || "").split(/[\s,]+/).filter(Boolean);
  }

  class WagtailEvents extends HTMLElement {
    static get observedAttributes() {
      return ["profile", "lang", "limit", "when", "api", ...FILTERS];
    }

    constructor() {
      super();
      this.attachShadow({ mode: "open" });
      const style = element("style");
      style.textContent = STYLE;
      // The profile's colours, beneath the host's: STYLE reads them after --we-accent & co.
      this.theme = element("style");
      this.theme.textContent = ":host {}";
      this.content = element("div", "events");
      this.shadowRoot.append(style, this.theme, this.content);
    }

    connectedCallback() {
      this.paint(); // a style sheet is made anew each time the element is put in a page
      this.schedule();
    }

    disconnectedCallback() {
      if (this.request) this.request.abort();
    }

    attributeChangedCallback() {
      if (this.isConnected) this.schedule();
    }

    // One fetch for several attributes changed together.
    schedule() {
      if (this.pending) return;
      this.pending = true;
      queueMicrotask(() => {
        this.pending = false;
        this.load();
      });
    }

    // Absolute, so event links relative to the API resolve under an api="/path/" too.
    apiBase() {
      const base = this.getAttribute("api") || API;
      return new URL(base.endsWith("/") ? base : `${base}/`, document.baseURI);
    }

    eventsUrl() {
      const url = new URL("events/", this.apiBase());
      for (const name of ["profile", "lang", "limit"]) {
        const value = this.getAttribute(name);
        if (value) url.searchParams.set(name, value);
      }
      // The API lists past events too unless told otherwise; a widget shows what is coming.
      url.searchParams.set("when", this.getAttribute("when") || "upcoming");
      for (const name of FILTERS) {
        for (const slug of words(this.getAttribute(name))) url.searchParams.append(name, slug);
      }
      return url;
    }

    // The lang attribute, else the language of the events the profile chose, else the page's.
    language(items) {
      const candidates = [
        this.getAttribute("lang"),
        items && items.length ? items[0].locale : null,
        // The primary subtag: "nn" of "nn-NO", "smj" of "smj-NO".
        (document.documentElement.lang || "").split("-")[0].toLowerCase(),
      ];
      return candidates.find((code) => code && Object.hasOwn(STRINGS, code)) || "nb";
    }

    strings(items) {
      const language = this.language(items);
      this.content.lang = language;
      return STRINGS[language];
    }

    async load() {
      if (this.request) this.request.abort();
      const request = (this.request = new AbortController());
      this.content.setAttribute("aria-busy", "true");
      if (!this.content.firstChild) this.show(this.strings().loading);
      let items, profile;
      try {
        const url = this.eventsUrl();
        const response = await fetch(url, {
          credentials: "omit",
          headers: { Accept: "application/json" },
          signal: request.signal,
        });
        if (!response.ok) throw new Error(`${url} answered ${response.status}`);
        ({ items, profile } = await response.json());
        if (!Array.isArray(items)) throw new Error(`${url} gave no list of items`);
      } catch (error) {
        if (request.signal.aborted) return;
        this.show(this.strings().error, "error");
        this.dispatchEvent(new CustomEvent("wagtail-events:error", { detail: error }));
        return;
      }
      if (request.signal.aborted) return;
      this.paint((profile && profile.colours) || {});
      const strings = this.strings(items);
      if (items.length) this.render(items);
      else this.show(strings.empty, "empty");
    }

    // Set through the CSS object model, property by property: a value cannot add a rule.
    paint(colours) {
      if (colours) this.colours = colours;
      const rule = this.theme.sheet && this.theme.sheet.cssRules[0];
      if (!rule || !this.colours) return;
      for (const name of COLOURS) {
        const value = this.colours[name];
        const property = `--we-profile-${name}`;
        if (COLOUR.test(value)) rule.style.setProperty(property, value);
        else rule.style.removeProperty(property);
      }
    }

    // A text instead of the list; with a state, the loading is over.
    show(text, state) {
      this.content.replaceChildren(element("p", "message", text));
      if (state) this.finish(state);
    }

    finish(state) {
      this.content.removeAttribute("aria-busy");
      this.setAttribute("state", state);
    }

    render(items) {
      const list = element("ul", "list");
      const base = this.apiBase();
      for (const item of items) {
        const entry = element("li", "event");
        const url = safeUrl(item.url, base);
        const title = element(url ? "a" : "span", "title", item.title);
        if (url) title.href = url;
        entry.append(title);
        if (item.status && item.status !== "scheduled") {
          entry.append(element("p", "status", item.status_label));
        }
        const when = element("p", "when");
        const time = element("time", null, item.when);
        if (item.start) time.dateTime = item.start;
        when.append(time);
        if (item.venue && item.venue.name) when.append(`, ${item.venue.name}`);
        entry.append(when);
        list.append(entry);
      }
      this.content.replaceChildren(list);
      this.finish("loaded");
    }
  }

  customElements.define(TAG, WagtailEvents);
})();
