// Browser tests of the dashboard, run by tests/web/run.sh against a real `addio serve` on a
// store holding the demo. Drives Debian's Chromium through playwright-core (never a
// downloaded browser). Environment: ADDIO_URL (the server), ADDIO_CHROMIUM, ADDIO_ARTIFACTS
// (screenshots).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";

// playwright-core is a dependency of web/, resolved from there.
const require = createRequire(
  new URL("../../web/package.json", import.meta.url),
);
const { chromium } = require("playwright-core");
// axe-core, run inside each page to check it against WCAG 2.1 A and AA.
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const BASE = (process.env.ADDIO_URL ?? "http://127.0.0.1:8080").replace(
  /\/$/,
  "",
);
const ARTIFACTS =
  process.env.ADDIO_ARTIFACTS ??
  new URL("../../test-artifacts/web", import.meta.url).pathname;
const AS_OF = "2026-11-30";
const SIGNS = [
  "no_contract",
  "scope_creep",
  "time_drain",
  "underpaying",
  "late_payment",
  "non_payment",
];

let profile;
let context;
let page;
const pageErrors = [];
// What the Content-Security-Policy blocked (Chromium reports it on the console).
const cspViolations = [];

async function api(path) {
  const response = await fetch(`${BASE}/api/v1${path}`);
  assert.equal(response.status, 200, `GET ${path}`);
  return response.json();
}

// A request that changes data, with the session's CSRF token as the dashboard sends it.
async function send(method, path, body, contentType) {
  const session = await api("/session");
  const response = await fetch(`${BASE}/api/v1${path}`, {
    method,
    headers: {
      "Content-Type": contentType,
      "X-CSRF-Token": session.csrf_token,
    },
    body,
  });
  return { status: response.status, json: await response.json() };
}

// The digits of a shown amount ("€1,120.00" → "112000"), to compare with the API's "1120.00".
function digits(text) {
  return text.replace(/\D/g, "");
}

function view(hash) {
  return `${BASE}/#${hash}`;
}

// Opens the dashboard at `hash` and, when the address names a language, waits until the page
// speaks it: a language not shown before loads its words first, and a change of the hash
// alone does not reload the page, so the previous language's words can still be on screen.
async function visit(hash) {
  await page.goto(view(hash));
  const lang = new URLSearchParams(hash.split("?")[1] ?? "").get("lang");
  if (lang) {
    await page.waitForFunction(
      (wanted) => document.documentElement.lang === wanted,
      lang,
    );
  }
}

async function screenshot(name, options = {}) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path: join(ARTIFACTS, `${name}.png`),
    fullPage: true,
    ...options,
  });
}

// Runs `steps` with the server's answers to /portfolio held back until `steps` calls the
// release it is given (released in any case when it ends). A held request the page has
// given up on cannot be continued: that is no failure.
async function withPortfolioHeld(steps) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const hold = async (route) => {
    await held;
    await route.continue().catch(() => {});
  };
  await page.route("**/api/v1/portfolio*", hold);
  try {
    await steps(release);
  } finally {
    release();
    await page.unroute("**/api/v1/portfolio*", hold);
  }
}

// The chart inside `selector` has drawn an <svg> of non-zero size with shapes in it.
async function assertChartRendered(selector) {
  const chart = page.locator(`${selector} .chart`).first();
  await chart.waitFor({ state: "visible" });
  await page.waitForFunction(
    (sel) =>
      document.querySelector(
        `${sel} .chart svg path, ${sel} .chart svg rect`,
      ) !== null,
    selector,
  );
  const box = await chart.locator("svg").first().boundingBox();
  assert.ok(
    box && box.width > 100 && box.height > 100,
    `${selector}: svg of ${JSON.stringify(box)}`,
  );
  const shapes = await chart.locator("svg path, svg rect").count();
  assert.ok(shapes > 5, `${selector}: only ${shapes} shapes drawn`);
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), "addio-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.ADDIO_CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // A name of another site that resolves to the server, as DNS rebinding makes it.
      "--host-resolver-rules=MAP rebind.test 127.0.0.1",
    ],
    viewport: { width: 1366, height: 900 },
    locale: "en-GB",
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20000);
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      cspViolations.push(message.text());
    }
  });
});

after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe("dashboard", () => {
  test("the portfolio lists every demo client with its verdict and six signs", async () => {
    const assessment = await api(`/assessment?as_of=${AS_OF}`);
    assert.ok(assessment.clients.length >= 10, "the demo has its clients");
    await visit(`/?as_of=${AS_OF}&lang=en`);
    await page.locator("tr.client-row").first().waitFor();
    const ids = await page
      .locator("tr.client-row")
      .evaluateAll((rows) => rows.map((r) => r.dataset.client));
    assert.deepEqual(
      [...ids].sort(),
      assessment.clients.map((c) => c.client).sort(),
    );

    for (const client of assessment.clients) {
      const row = page.locator(`tr.client-row[data-client="${client.client}"]`);
      assert.equal(
        await row.locator(".badge.verdict").getAttribute("class"),
        `badge verdict ${client.verdict}`,
      );
      for (const sign of SIGNS) {
        const mark = row.locator(`.sign-mark.${sign}`);
        assert.equal(
          await mark.count(),
          1,
          `${client.client}: one ${sign} mark`,
        );
        assert.match(
          await mark.getAttribute("class"),
          new RegExp(`\\b${client.signals[sign].severity}\\b`),
        );
      }
      assert.match(await row.innerText(), new RegExp(`\\b${client.score}\\b`));
    }
    // part_ways clients come first by default: the most urgent at the top.
    assert.equal(
      await page.locator("tr.client-row").first().getAttribute("class"),
      "client-row part_ways",
    );
    await assertChartRendered(".quadrant");
    // Its legend names every verdict shown (each has its own shape as well as colour).
    const names = {
      keep: "Keep",
      watch: "Watch",
      renegotiate: "Renegotiate",
      part_ways: "Part ways",
    };
    const legendTexts = await page
      .locator(".quadrant svg text")
      .evaluateAll((texts) => texts.map((text) => text.textContent));
    for (const verdict of new Set(assessment.clients.map((c) => c.verdict))) {
      if (names[verdict]) {
        assert.ok(
          legendTexts.includes(names[verdict]),
          `quadrant legend: ${names[verdict]}`,
        );
      }
    }
    assert.equal(await page.locator("h1").innerText(), "Portfolio");
    await screenshot("portfolio");
  });

  test("act now lists whom to leave or renegotiate above the fold, and opens the letter their action names", async () => {
    const urgent = (
      await api(`/portfolio?as_of=${AS_OF}&sort=verdict&per_page=5&lang=en`)
    ).clients.filter(
      (c) => c.verdict === "part_ways" || c.verdict === "renegotiate",
    );
    assert.ok(urgent.length >= 2, "the demo has clients to act on");
    await visit(`/?as_of=${AS_OF}&lang=en`);
    const items = page.locator(".act-now-item");
    await items.first().waitFor();
    assert.deepEqual(
      await items.evaluateAll((list) =>
        list.map((item) => item.dataset.client),
      ),
      urgent.map((c) => c.client),
    );
    const first = await items.first().boundingBox();
    assert.ok(
      first && first.y + first.height <= 900,
      `first item ends at ${first?.y}`,
    );
    for (const client of urgent) {
      const item = page.locator(
        `.act-now-item[data-client="${client.client}"]`,
      );
      const text = await item.innerText();
      assert.ok(
        text.includes(client.reason.text),
        `${client.client}: its reason`,
      );
      assert.ok(
        text.includes(client.action.text),
        `${client.client}: its next action`,
      );
      assert.match(await item.locator(".stake").innerText(), /at stake/);
      assert.equal(
        (await item.locator(".rule").innerText()).trim(),
        `Verdict rule: ${client.verdict_rule.text}`,
        `${client.client}: the rule of its verdict`,
      );
    }
    assert.match(
      await page
        .locator('.act-now-item[data-client="gallo"] .rule')
        .innerText(),
      /Non-payment is red, and on its own that means parting ways/,
    );
    const counts = (await api(`/portfolio?as_of=${AS_OF}&per_page=1`)).verdicts;
    const more = counts.part_ways + counts.renegotiate - urgent.length;
    if (more > 0) {
      assert.match(
        await page.locator(".act-now .more").innerText(),
        new RegExp(`And ${more} more`),
      );
    }
    await screenshot("act-now", { fullPage: false });

    // Gallo's most urgent action is a formal notice: its button opens that letter.
    await page.locator('.act-now-item[data-client="gallo"] a.button').click();
    const kind = page.locator('section.letters select[name="letter-kind"]');
    await kind.waitFor();
    assert.equal(await kind.inputValue(), "formal-notice");
    await page.waitForFunction(() =>
      /formal notice/i.test(
        document.querySelector("section.letters pre.letter-text")
          ?.textContent ?? "",
      ),
    );
    // Ferri's first action (stop work until signed) has no letter: its page picks the
    // termination letter of the next one.
    await visit(`/clients/ferri?as_of=${AS_OF}&lang=en&letter=next`);
    await page.locator('.client-head:has-text("Ferri")').first().waitFor();
    await page.waitForFunction(
      () =>
        document.querySelector('section.letters select[name="letter-kind"]')
          ?.value === "termination",
    );
  });

  test("the table sorts from the keyboard and filters by verdict", async () => {
    await visit(`/?as_of=${AS_OF}&lang=en`);
    await page.locator("tr.client-row").first().waitFor();
    const scoreHeader = page.locator("th", {
      has: page.locator("button", { hasText: "Score" }),
    });
    await scoreHeader.locator("button").focus();
    await page.keyboard.press("Enter");
    assert.equal(await scoreHeader.getAttribute("aria-sort"), "ascending");
    // The server sorts: the rows are the new order once its answer is shown.
    await page.locator('table.clients-table[data-sort="score"]').waitFor();
    const ascending = await page
      .locator("tr.client-row .score-value")
      .allInnerTexts();
    assert.deepEqual(
      ascending.map(Number),
      [...ascending.map(Number)].sort((a, b) => a - b),
    );
    await page.keyboard.press("Space");
    assert.equal(await scoreHeader.getAttribute("aria-sort"), "descending");
    await page.locator('table.clients-table[data-sort="-score"]').waitFor();
    const descending = await page
      .locator("tr.client-row .score-value")
      .allInnerTexts();
    assert.deepEqual(
      descending.map(Number),
      [...descending.map(Number)].sort((a, b) => b - a),
    );

    await page.locator(".filters select").first().selectOption("keep");
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll("tr.client-row")];
      return rows.length > 0 && rows.every((r) => r.classList.contains("keep"));
    });
    const verdicts = await page
      .locator("tr.client-row .badge.verdict")
      .allInnerTexts();
    assert.ok(verdicts.length > 0);
    assert.ok(
      verdicts.every((v) => v === "Keep"),
      verdicts.join(","),
    );
  });

  test("a verdict card shows its clients: the chart's other dots fade, its rows stand out", async () => {
    await page.goto("about:blank");
    await visit(`/?as_of=${AS_OF}&lang=en`);
    await page.locator("tr.client-row").first().waitFor();
    const quadrant = page.locator("section.quadrant .chart");
    await quadrant.locator("svg").first().waitFor();
    const partWays = (await api(`/portfolio?as_of=${AS_OF}&per_page=1`))
      .verdicts.part_ways;
    await page.locator("button.verdict-count.part_ways").click();
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll("tr.client-row")];
      return (
        rows.length > 0 &&
        rows.every(
          (r) =>
            r.classList.contains("part_ways") &&
            r.classList.contains("highlighted"),
        )
      );
    });
    assert.equal(
      await page.locator("tr.client-row.highlighted").count(),
      partWays,
    );
    assert.equal(
      await page
        .locator("button.verdict-count.part_ways")
        .getAttribute("aria-pressed"),
      "true",
    );
    // The chart says which clients stand out, and draws the others faded.
    await page.waitForFunction(() =>
      /Clients marked Part ways stand out/.test(
        document
          .querySelector("section.quadrant .chart")
          ?.getAttribute("aria-label") ?? "",
      ),
    );
    await page.waitForFunction(
      () =>
        document.querySelectorAll(
          'section.quadrant svg path[fill-opacity="0.15"], section.quadrant svg path[opacity="0.15"]',
        ).length > 0,
    );
    // Scrolled to the chart: its title is on screen.
    const title = await page.locator("#quadrant-title").boundingBox();
    assert.ok(
      title && title.y >= 0 && title.y < 900,
      `chart title at ${title?.y}`,
    );
    // The same card again shows every client.
    await page.locator("button.verdict-count.part_ways").click();
    await page.waitForFunction(
      () => document.querySelectorAll("tr.client-row.highlighted").length === 0,
    );
    // Each row's verdict says its rule on hover.
    const rules = await page
      .locator("tr.client-row td.verdict-cell")
      .evaluateAll((cells) => cells.map((c) => c.getAttribute("title") ?? ""));
    assert.ok(
      rules.length > 0 && rules.every((r) => r.length > 10),
      rules.join(" | "),
    );
  });

  test("going back to the portfolio shows its last rows at once; a saved change asks the server again", async () => {
    await page.goto("about:blank");
    await visit(`/?as_of=${AS_OF}&lang=en`);
    const rows = page.locator("tr.client-row");
    await rows.first().waitFor();
    const shown = await rows.count();
    await page.locator("tr.client-row a").first().click();
    await page.locator(".client-head").first().waitFor();
    // The server's answers are held back: only what the page kept can show.
    await withPortfolioHeld(async (release) => {
      await page.goBack();
      await rows.first().waitFor();
      assert.equal(await rows.count(), shown);
      release();
    });
    // A write (a setting saved, then put back) empties what was kept: the portfolio waits
    // for the server.
    await page.locator('nav a[href^="#/settings"]').click();
    const capital = page.locator("#setting-cost_of_capital");
    await capital.fill("12.5");
    const form = page.locator("form.thresholds-form");
    const saved = () =>
      page.waitForResponse(
        (r) =>
          r.url().includes("/api/v1/settings") &&
          r.request().method() === "PUT",
      );
    let answer = saved();
    await form.locator("button[type=submit]").click();
    await answer;
    await page
      .locator(".setting:has(#setting-cost_of_capital) button.link-button")
      .click();
    answer = saved();
    await form.locator("button[type=submit]").click();
    await answer;
    assert.equal(
      (await api("/settings")).settings.find(
        (x) => x.name === "cost_of_capital",
      ).overridden,
      false,
    );
    await withPortfolioHeld(async (release) => {
      await page.goBack();
      await page.locator("p.loading").waitFor();
      assert.equal(await rows.count(), 0);
      release();
      await rows.first().waitFor();
    });
  });

  test("the date is typed the way the page's language writes it, or picked on a calendar", async () => {
    await page.goto("about:blank");
    await visit(`/?as_of=${AS_OF}&lang=it`);
    const field = page.locator("#as-of-date");
    await field.waitFor();
    assert.equal(await field.inputValue(), "30/11/2026");
    await field.fill("31/10/2026");
    await field.press("Enter");
    await page.waitForFunction(() =>
      window.location.hash.includes("as_of=2026-10-31"),
    );
    await page
      .locator(".page-head .lead")
      .filter({ hasText: "31 ott 2026" })
      .waitFor();
    // Not a real date: said next to the field, in Italian; the date stays as it was.
    await field.fill("31/02/2026");
    await field.press("Enter");
    const error = page.locator(".date-field-error");
    await error.waitFor();
    assert.match(
      await error.innerText(),
      /Data non valida: scrivila come 30\/11\/2026/,
    );
    assert.equal(await field.getAttribute("aria-invalid"), "true");
    assert.ok(page.url().includes("as_of=2026-10-31"), page.url());
    // A month by name, in either language, and leaving the field takes it.
    await field.fill("15 settembre 2026");
    await field.blur();
    await page.waitForFunction(() =>
      window.location.hash.includes("as_of=2026-09-15"),
    );
    assert.equal(await page.locator(".date-field-error").count(), 0);
    assert.equal(await field.inputValue(), "15/09/2026");
    // In English the same date reads as the reports write it.
    await page.locator('.lang-switch button[lang="en"]').click();
    await page.waitForFunction(
      () =>
        document.querySelector("#as-of-date")?.value === "15 Sept 2026" ||
        document.querySelector("#as-of-date")?.value === "15 Sep 2026",
    );
    await field.fill("2026-11-30");
    await field.press("Enter");
    await page.waitForFunction(() =>
      window.location.hash.includes("as_of=2026-11-30"),
    );
    // The calendar button sets the browser's own date input, which writes the same date.
    await page.locator(".date-field-picker").evaluate((input) => {
      input.value = "2026-08-31";
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await page.waitForFunction(() =>
      window.location.hash.includes("as_of=2026-08-31"),
    );
    assert.equal(
      await field.inputValue(),
      await page.evaluate(() =>
        new Intl.DateTimeFormat("en-GB", {
          day: "numeric",
          month: "short",
          year: "numeric",
          timeZone: "UTC",
        }).format(Date.UTC(2026, 7, 31)),
      ),
    );
    // The date changed from elsewhere (a link) while the field has the focus: the page
    // moving the focus away keeps the new date, not the one the field showed.
    await field.focus();
    await visit(`/receivables?as_of=${AS_OF}&lang=en`);
    await page.locator("#main").focus();
    await page.waitForFunction(
      () => document.querySelector("#as-of-date")?.value === "30 Nov 2026",
    );
    assert.ok(page.url().includes(`as_of=${AS_OF}`), page.url());
  });

  test("a client page shows six sign cards and renders its charts", async () => {
    await visit(`/clients/fulmine?as_of=${AS_OF}&lang=en`);
    await page.locator("article.sign-card").first().waitFor();
    const signs = await page
      .locator("article.sign-card")
      .evaluateAll((cards) => cards.map((c) => c.dataset.sign));
    const explain = await api(`/clients/fulmine/assessment?as_of=${AS_OF}`);
    // Worst first (red, amber, unknown, green; the registry's order within a level), the
    // green ones folded into one closed line.
    const rank = { red: 0, amber: 1, unknown: 2, green: 3 };
    const worstFirst = [...SIGNS].sort(
      (a, b) =>
        rank[explain.signals[a].severity] - rank[explain.signals[b].severity],
    );
    assert.deepEqual(signs, worstFirst);
    const greens = SIGNS.filter((s) => explain.signals[s].severity === "green");
    assert.ok(greens.length > 0, "fulmine has green signs");
    assert.deepEqual(
      await page
        .locator("details.green-signs article.sign-card")
        .evaluateAll((cards) => cards.map((c) => c.dataset.sign)),
      greens,
    );
    assert.equal(
      await page.locator("details.green-signs").getAttribute("open"),
      null,
    );
    assert.equal(
      await page
        .locator(`article.sign-card[data-sign="${greens[0]}"]`)
        .isVisible(),
      false,
    );
    assert.match(
      await page.locator("details.green-signs > summary").innerText(),
      new RegExp(`${greens.length} signs? in order`),
    );
    for (const sign of SIGNS) {
      const card = page.locator(`article.sign-card[data-sign="${sign}"]`);
      assert.match(
        await card.getAttribute("class"),
        new RegExp(`\\b${explain.signals[sign].severity}\\b`),
      );
      assert.ok(
        (await card.locator(".reasons li").count()) >= 1,
        `${sign} has reasons`,
      );
    }
    assert.ok(
      (await page.locator(".actions-list li").count()) >= 1,
      "actions listed",
    );
    assert.match(
      await page.locator(".client-verdict").innerText(),
      /Renegotiate/,
    );

    // Evidence rows open from the card.
    const red = page.locator("article.sign-card.red").first();
    await red.locator("details.evidence summary").click();
    assert.ok(
      (await red.locator(".evidence-table tbody tr").count()) >= 1,
      "evidence rows",
    );

    for (const panel of [
      "#chart-late-title",
      "#chart-contacts-title",
      "#chart-rate-title",
      "#chart-history-title",
    ]) {
      await assertChartRendered(`section:has(> ${panel})`);
    }
    await assertChartRendered(
      "section:has(> #chart-burnup-title) .burnup-item",
    );
    // Fulmine has one project: its burn-up takes the panel's width, not a column of it.
    const [grid, item] = await Promise.all(
      [".burnup-grid", ".burnup-item"].map((selector) =>
        page
          .locator(`section:has(> #chart-burnup-title) ${selector}`)
          .first()
          .boundingBox(),
      ),
    );
    if ((await page.locator(".burnup-item").count()) === 1) {
      assert.ok(
        grid && item && item.width > grid.width * 0.95,
        `burn-up ${item?.width} of ${grid?.width}`,
      );
    }
    // The heat map outlines the working hours: one rectangle per working interval.
    const outlines = await page
      .locator(
        'section:has(> #chart-contacts-title) svg path[stroke="#2456a6"], section:has(> #chart-contacts-title) svg rect[stroke="#2456a6"]',
      )
      .count();
    assert.ok(outlines >= 10, `${outlines} working-hour outlines`);
    // Legends say what each colour is: contacts in and outside working hours, invoices
    // paid on time, paid late and unpaid.
    const legend = async (panel) =>
      page
        .locator(`section:has(> ${panel}) svg text`)
        .evaluateAll((texts) => texts.map((text) => text.textContent));
    const contactWords = await legend("#chart-contacts-title");
    for (const word of ["In working hours", "Outside working hours"]) {
      assert.ok(contactWords.includes(word), `heat map legend: ${word}`);
    }
    const historyWords = await legend("#chart-history-title");
    assert.ok(historyWords.includes("Score"), "score history: axis title");
    assert.ok(
      historyWords.includes("Renegotiate"),
      "score history: verdict legend",
    );
    const rateWords = await legend("#chart-rate-title");
    assert.ok(
      rateWords.some((word) => /^Your target €/.test(word ?? "")),
      `rate chart: the target line is labelled (${rateWords.join(" | ")})`,
    );
    const lateWords = await legend("#chart-late-title");
    for (const word of ["Paid on time", "Paid late", "Unpaid"]) {
      assert.ok(lateWords.includes(word), `days-late legend: ${word}`);
    }
    await screenshot("client-fulmine");
  });

  test("switching to Italian changes the words, and the choice is kept", async () => {
    await visit(`/?as_of=${AS_OF}`);
    await page.locator("tr.client-row").first().waitFor();
    await page.locator(".lang-switch button", { hasText: "EN" }).click();
    assert.equal(await page.locator("h1").innerText(), "Portfolio");
    const englishNav = await page.locator("header nav").innerText();
    const englishReason = await page
      .locator('tr.client-row[data-client="gallo"] .reason')
      .innerText();

    await page.locator(".lang-switch button", { hasText: "IT" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "it");
    assert.equal(await page.locator("h1").innerText(), "Portafoglio clienti");
    const italianNav = await page.locator("header nav").innerText();
    assert.notEqual(italianNav, englishNav);
    assert.match(italianNav, /Crediti/);
    assert.match(italianNav, /Impostazioni/);
    assert.equal(
      await page
        .locator('tr.client-row[data-client="gallo"] .badge.verdict')
        .innerText(),
      "Chiudere il rapporto",
    );
    // The server's sentences follow (the API's lang parameter).
    await page.waitForFunction(
      (before) =>
        document.querySelector('tr.client-row[data-client="gallo"] .reason')
          ?.textContent !== before,
      englishReason,
    );
    assert.match(
      await page
        .locator('tr.client-row[data-client="gallo"] .reason')
        .innerText(),
      /fattur|scadut|pagament/i,
    );
    await screenshot("portfolio-it");

    // A page opened later without a language in the address stays Italian.
    await visit(`/receivables?as_of=${AS_OF}`);
    await page.locator(".aging-table").waitFor();
    assert.equal(await page.locator("h1").innerText(), "Crediti verso clienti");
    await visit(`/clients/gallo?as_of=${AS_OF}`);
    await page.locator("article.sign-card").first().waitFor();
    assert.match(await page.locator(".signs h2").innerText(), /I sei segnali/);
    assert.match(
      await page.locator(".client-verdict").innerText(),
      /Chiudere il rapporto/,
    );
    await page.locator(".lang-switch button", { hasText: "EN" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.match(await page.locator(".signs h2").innerText(), /The six signs/);
  });

  test("receivables show aging and a statement, with CSV downloads", async () => {
    await visit(`/receivables?as_of=${AS_OF}&lang=en&client=gallo`);
    await page.locator(".aging-table tbody tr").first().waitFor();
    assert.ok(
      (await page.locator('.aging-table tr[data-client="gallo"]').count()) ===
        1,
      "gallo owes money",
    );
    await page.locator('.statement[data-client="gallo"]').waitFor();
    assert.ok(
      (await page.locator(".statement tbody tr").count()) >= 1,
      "statement rows",
    );
    // Who to chase first: the rows go by amount past due, most first.
    const aging = await api(`/aging?as_of=${AS_OF}`);
    const pastDue = (row) =>
      Object.entries(row.buckets)
        .filter(([bucket]) => bucket !== "current")
        .reduce((sum, [, amount]) => sum + Number(amount), 0);
    const expected = [...aging.clients]
      .sort((a, b) => pastDue(b) - pastDue(a) || a.name.localeCompare(b.name))
      .map((row) => row.client);
    assert.deepEqual(
      await page
        .locator(".aging-table tbody tr")
        .evaluateAll((rows) => rows.map((row) => row.dataset.client)),
      expected,
    );
    for (const link of await page.locator("a[download]").all()) {
      const href = await link.getAttribute("href");
      const response = await fetch(new URL(href, `${BASE}/`));
      assert.equal(response.status, 200, href);
      assert.match(
        response.headers.get("content-type") ?? "",
        /text\/csv/,
        href,
      );
    }
    await screenshot("receivables");
  });

  test("from the keyboard alone: skip to the content, reach act now's letter, pick a letter", async () => {
    // A fresh load: the page puts focus on its content, as after every navigation.
    await page.goto("about:blank");
    await visit(`/?as_of=${AS_OF}&lang=en`);
    await page.locator(".act-now-item a.button").first().waitFor();
    // Backwards through the header, the skip link is the first stop; Enter goes back to
    // the content.
    let onSkipLink = false;
    for (let i = 0; i < 30 && !onSkipLink; i++) {
      await page.keyboard.press("Shift+Tab");
      onSkipLink = await page.evaluate(
        () => document.activeElement?.className === "skip-link",
      );
    }
    assert.ok(onSkipLink, "the skip link is reachable from the keyboard");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
    // Tab on to the first "Write the letter" of act now, each stop visibly focused.
    const target = await page
      .locator(".act-now-item a.button")
      .first()
      .getAttribute("href");
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        return {
          href: el?.getAttribute("href") ?? null,
          outline: el ? getComputedStyle(el).outlineStyle : "none",
        };
      });
      assert.notEqual(focused.outline, "none", "the focused element shows it");
      reached = focused.href === target;
    }
    assert.ok(reached, "act now's first letter button is reachable with Tab");
    await page.keyboard.press("Enter");
    const kind = page.locator('section.letters select[name="letter-kind"]');
    await kind.waitFor();
    // The letter kind changes from the keyboard, and the letter with it.
    await kind.focus();
    const before = await kind.inputValue();
    await page.keyboard.press(
      before === "termination" ? "ArrowUp" : "ArrowDown",
    );
    await page.waitForFunction(
      (was) =>
        document.querySelector('section.letters select[name="letter-kind"]')
          ?.value !== was &&
        document.querySelector("section.letters .letter-preview")?.dataset
          .kind !== was,
      before,
    );
  });

  test("a client's letters are only those that apply to it", async () => {
    // Brightwave owes nothing and already pays the reference rate. A fresh load, so that
    // no other client's letters are still on the page.
    await page.goto("about:blank");
    await visit(`/clients/brightwave?as_of=${AS_OF}&lang=en`);
    const kind = page.locator('section.letters select[name="letter-kind"]');
    await kind.waitFor();
    const offered = await kind
      .locator("option")
      .evaluateAll((options) => options.map((o) => o.value));
    assert.deepEqual(offered, ["change-order", "office-hours", "termination"]);
    await page.locator("section.letters pre.letter-text").waitFor();
    assert.equal(await page.locator("section.letters .empty").count(), 0);
    // Gallo owes money: the reminder and the formal notice are there.
    await visit(`/clients/gallo?as_of=${AS_OF}&lang=en`);
    await page.waitForFunction(() => {
      const values = [
        ...document.querySelectorAll(
          'section.letters select[name="letter-kind"] option',
        ),
      ].map((o) => o.value);
      return values.includes("reminder") && values.includes("formal-notice");
    });
  });

  test("the late interest figure says why a formal notice may claim less", async () => {
    const gallo = await api(`/clients/gallo/assessment?as_of=${AS_OF}`);
    assert.ok(Number(gallo.economics.statutory_interest) > 0);
    await visit(`/clients/gallo?as_of=${AS_OF}&lang=en`);
    const help = page.locator("#economics-title ~ .interest-help");
    await help.waitFor();
    assert.match(await help.innerText(), /--claim-paid-late/);
  });

  test("the week's alerts sit under act now, each linking to its client", async () => {
    const alerts = await api(`/alerts?as_of=${AS_OF}&lang=it`);
    assert.ok(alerts.alerts.length > 0, "the demo has alerts this week");
    await visit(`/?as_of=${AS_OF}&lang=it`);
    const panel = page.locator("section.alerts");
    await panel.locator(".alerts-list li").first().waitFor();
    assert.equal(
      await panel.locator("h2").innerText(),
      "Avvisi della settimana",
    );
    assert.deepEqual(
      await panel
        .locator(".alerts-list li")
        .evaluateAll((items) => items.map((li) => li.dataset.alert)),
      alerts.alerts.map((a) => a.id),
    );
    const first = panel.locator(".alerts-list li a").first();
    assert.ok(
      (await first.getAttribute("href")).startsWith(
        `#/clients/${alerts.alerts[0].client}`,
      ),
    );
  });

  test("the reminders due sit under the alerts, each with its rule and letter, sent only once confirmed", async () => {
    const dunning = await api(`/dunning?as_of=${AS_OF}&lang=it`);
    const due = dunning.items.filter((item) => item.state === "due");
    assert.ok(due.length > 0, "the demo has reminders due");
    await page.goto("about:blank");
    await visit(`/?as_of=${AS_OF}&lang=it`);
    const panel = page.locator("section.dunning");
    await panel.locator(".dunning-group.due .dunning-item").first().waitFor();
    assert.equal(await panel.locator("h2").innerText(), "Solleciti da inviare");
    assert.deepEqual(
      await panel
        .locator(".dunning-group.due .dunning-item")
        .evaluateAll((items) => items.map((li) => li.dataset.client)),
      due.map((item) => item.client),
    );
    assert.equal(
      await panel.locator(".dunning-group.due summary").first().innerText(),
      due[0].letter.subject,
    );
    assert.match(
      await panel
        .locator(".dunning-group.due .dunning-item")
        .first()
        .innerText(),
      /giorni/,
    );
    await panel
      .locator("button", { hasText: `Invia ${due.length} lettere` })
      .click();
    const confirm = panel.locator(".confirm");
    await confirm.waitFor();
    assert.match(
      await confirm.innerText(),
      new RegExp(due[0].name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
    );
    await confirm.locator("button", { hasText: "Annulla" }).click();
    await confirm.waitFor({ state: "detached" });
    // Confirmed, with no mail server set: the server says so and nothing is recorded.
    await panel
      .locator("button", { hasText: `Invia ${due.length} lettere` })
      .click();
    await confirm.locator("button", { hasText: "Invia ora" }).click();
    await panel
      .locator(".error-box", { hasText: "nessun server di posta" })
      .waitFor();
    const after = await api(`/dunning?as_of=${AS_OF}`);
    assert.equal(
      after.items.filter((item) => item.state === "due").length,
      due.length,
    );
    await screenshot("dunning");
  });

  test("settings edit a client type's dunning ladder and put addio's back", async () => {
    await page.goto("about:blank");
    await visit(`/settings?lang=en`);
    const ladder = page.locator(
      'fieldset.dunning-ladder[data-type="slow_payer"]',
    );
    await ladder.waitFor();
    assert.match(await ladder.locator("legend").innerText(), /\(addio's\)/);
    await ladder.locator('input[type="number"]').first().fill("2");
    const form = page.locator("form.dunning-form");
    await form.locator("button[type=submit]").click();
    await form.locator(".saved", { hasText: "Saved." }).waitFor();
    let stored = (await api("/workspace")).dunning.find(
      (l) => l.type === "slow_payer",
    );
    assert.equal(stored.source, "slow_payer");
    assert.equal(stored.steps[0].after_days, 2);
    await ladder.locator("legend", { hasText: "(yours)" }).waitFor();
    await ladder.locator("button", { hasText: "Use addio's ladder" }).click();
    await form.locator("button[type=submit]").click();
    await ladder.locator("legend", { hasText: "(addio's)" }).waitFor();
    stored = (await api("/workspace")).dunning.find(
      (l) => l.type === "slow_payer",
    );
    assert.equal(stored.source, "");
    assert.equal(stored.steps[0].after_days, 1);
  });

  test("the payment forecast shows each open invoice's risk, in both languages", async () => {
    const forecast = await api(`/forecast?as_of=${AS_OF}`);
    await visit(`/receivables?as_of=${AS_OF}&lang=en`);
    const panel = page.locator('section[aria-labelledby="forecast-title"]');
    await panel.locator(".forecast-table tbody tr").first().waitFor();
    // The riskiest first, as the API ranks them, each with its band.
    const shown = await panel
      .locator(".forecast-table tbody tr")
      .evaluateAll((rows) =>
        rows.map((row) => [row.dataset.invoice, row.dataset.band]),
      );
    assert.deepEqual(
      shown,
      forecast.invoices
        .slice(0, shown.length)
        .map((inv) => [inv.invoice, inv.band]),
    );
    // The chart is drawn once ECharts has loaded, after the rows.
    await panel.locator(".chart svg").first().waitFor();
    assert.equal(await panel.locator("svg").count(), 1, "the 13-week chart");
    assert.match(
      await panel.locator(".forecast-method").innerText(),
      /Late means/,
    );
    await screenshot("forecast");

    // One client's open invoices only, with how it usually pays.
    const someone = forecast.invoices.find(
      (inv) => inv.usually_pays_in_days !== null,
    );
    assert.ok(someone, "a client with a payment history has an open invoice");
    await visit(`/clients/${someone.client}?as_of=${AS_OF}&lang=it`);
    const own = page.locator('section[aria-labelledby="forecast-title"]');
    await own.locator(".forecast-table tbody tr").first().waitFor();
    const invoices = await own
      .locator(".forecast-table tbody tr")
      .evaluateAll((rows) => rows.map((row) => row.dataset.invoice));
    assert.deepEqual(
      invoices,
      forecast.invoices
        .filter((inv) => inv.client === someone.client)
        .map((inv) => inv.invoice),
    );
    assert.equal(
      await own.locator("h2").innerText(),
      "Previsione degli incassi",
    );
    assert.match(
      await own.locator(".usually-pays").innerText(),
      /di solito paga in/,
    );
    assert.match(
      await own.locator(".badge.band").first().innerText(),
      /basso|medio|alto/,
    );
  });

  test("settings list the working hours and every threshold", async () => {
    await visit(`/settings?lang=en`);
    await page.locator(".thresholds-form .setting").first().waitFor();
    const settings = await api("/settings");
    assert.equal(
      await page.locator(".thresholds-form .setting").count(),
      settings.settings.length,
    );
    assert.equal(await page.locator(".working-hours input").count(), 7);
    await screenshot("settings");
  });

  test("settings show shares and rates as percentages, and setting names only on request", async () => {
    await page.goto("about:blank");
    await visit(`/settings?lang=en`);
    const capital = page.locator("#setting-cost_of_capital");
    await capital.waitFor();
    assert.equal(await capital.inputValue(), "10");
    assert.equal(
      await page.locator(".thresholds-form .setting code").count(),
      0,
    );
    await page.locator(".setting-names input").check();
    assert.ok(
      (await page.locator(".thresholds-form .setting code").count()) > 0,
    );
    await capital.fill("12.5");
    const form = page.locator("form.thresholds-form");
    await form.locator("button[type=submit]").click();
    await form.locator(".saved").waitFor();
    const stored = (await api("/settings")).settings.find(
      (s) => s.name === "cost_of_capital",
    );
    assert.equal(stored.value, 0.125);
    // Back to the default, so that the other tests see the workspace they expect.
    await page
      .locator(".setting:has(#setting-cost_of_capital) button.link-button")
      .click();
    // The field shows the default as soon as it is reset; the store has it once the save
    // has been answered.
    const saved = page.waitForResponse(
      (r) =>
        r.url().includes("/api/v1/settings") && r.request().method() !== "GET",
    );
    await form.locator("button[type=submit]").click();
    assert.ok((await saved).ok());
    await page.waitForFunction(
      () => document.querySelector("#setting-cost_of_capital")?.value === "10",
    );
    const back = (await api("/settings")).settings.find(
      (s) => s.name === "cost_of_capital",
    );
    assert.equal(back.overridden, false);
  });

  test("settings edit the business's tax id, checked by the server in the page's language", async () => {
    const form = page.locator("form.settings-form");
    const taxId = form.locator('input[name="tax_id"]');
    await visit(`/settings?lang=en`);
    await taxId.waitFor();
    assert.match(
      await form.locator("label.tax-id").innerText(),
      /Tax id \(VAT number or fiscal code\)/,
    );
    assert.match(
      await form.locator("#tax-id-help").innerText(),
      /E-invoices your business received are recognised by it/,
    );
    await taxId.fill("it 0123 4567 890");
    await form.locator("button[type=submit]").click();
    await form.locator(".saved", { hasText: "Saved." }).waitFor();
    assert.equal((await api("/workspace")).tax_id, "IT01234567890");
    // The form shows it as stored.
    await page.waitForFunction(
      () =>
        document.querySelector('input[name="tax_id"]')?.value ===
        "IT01234567890",
    );

    await visit(`/settings?lang=it`);
    await form
      .locator("label.tax-id", { hasText: "Partita IVA o codice fiscale" })
      .waitFor();
    await taxId.fill("12");
    await form.locator("button[type=submit]").click();
    const error = form.locator(".error-box");
    await error.waitFor();
    assert.match(
      await error.innerText(),
      /tax_id: attesa una partita IVA o un codice fiscale/,
    );
    assert.equal((await api("/workspace")).tax_id, "IT01234567890");
    await screenshot("settings-tax-id");

    await taxId.fill("");
    await form.locator("button[type=submit]").click();
    await form.locator(".saved", { hasText: "Salvato." }).waitFor();
    assert.equal((await api("/workspace")).tax_id, null);
  });

  test("uploading a file shows the preview, then the new records", async () => {
    const dir = mkdtempSync(join(tmpdir(), "addio-upload-"));
    const file = join(dir, "new-client.json");
    writeFileSync(
      file,
      JSON.stringify({
        format: "addio-ledger/1",
        clients: [
          {
            id: "nuovo",
            name: "Studio Nuovo S.r.l.",
            kind: "company",
            country: "IT",
            since: "2026-09-01",
          },
        ],
        contracts: [
          {
            id: "nuovo-k1",
            client: "nuovo",
            sent: "2026-09-01",
            signed: "2026-09-02",
            start: "2026-09-02",
            payment_terms_days: 30,
            hourly_rate: "60.00",
          },
        ],
        invoices: [
          {
            id: "nuovo-1",
            client: "nuovo",
            issued: "2026-09-30",
            due: "2026-10-30",
            amount: "1200.00",
            currency: "EUR",
            status: "issued",
            disputed: false,
          },
        ],
      }),
    );
    try {
      // The file button speaks the dashboard's language, not the browser's.
      await visit(`/import?as_of=${AS_OF}&lang=it`);
      assert.match(
        await page.locator(".file-button").innerText(),
        /Scegli un file/,
      );
      assert.equal(
        await page.locator(".file-name").innerText(),
        "Nessun file scelto",
      );
      await visit(`/import?as_of=${AS_OF}&lang=en`);
      await page.locator("input[type=file]").setInputFiles(file);
      assert.equal(
        await page.locator(".file-name").innerText(),
        "new-client.json",
      );
      await page.locator("button[type=submit]").click();
      const report = page.locator(".import-report");
      await report.waitFor();
      assert.match(
        await report.locator("h2").innerText(),
        /Preview of new-client\.json/,
      );
      assert.match(
        await report.locator(".status").innerText(),
        /Nothing has been written yet/,
      );
      const clients = report.locator('tr[data-type="client"] td');
      assert.equal(await clients.first().innerText(), "1");
      assert.equal(
        (await api(`/assessment?as_of=${AS_OF}`)).clients.some(
          (c) => c.client === "nuovo",
        ),
        false,
      );
      await screenshot("import-preview");

      await page.locator("button", { hasText: "Confirm the import" }).click();
      await page.locator(".import-report .status.written").waitFor();
      await page.locator("a", { hasText: "See the portfolio" }).click();
      await page.locator('tr.client-row[data-client="nuovo"]').waitFor();
      assert.match(
        await page.locator('tr.client-row[data-client="nuovo"]').innerText(),
        /Studio Nuovo/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("screening a prospect checks the answers and shows a decision", async () => {
    await visit(`/screen?as_of=${AS_OF}&lang=en`);
    await page.locator(".intake-form").waitFor();
    assert.equal(
      await page.locator(".intake-form [data-question]").count(),
      10,
    );
    // The defaults are the questionnaire's: no budget and no quote yet.
    assert.equal(await page.locator("#q-budget").inputValue(), "");
    assert.equal(await page.locator("#q-quote").inputValue(), "");
    assert.ok(
      await page
        .locator('input[name="payment_reputation"][value="unknown"]')
        .isChecked(),
    );

    // A bad amount is marked and nothing is sent.
    await page.locator("#q-budget").fill("lots");
    await page.locator("#q-quote").fill("4.000,00");
    await page.locator(".intake-form button[type=submit]").click();
    assert.equal(
      await page.locator("#q-budget").getAttribute("aria-invalid"),
      "true",
    );
    assert.equal(await page.locator(".screening").count(), 0);

    // Their budget and your quote make the ratio, shown as it is typed; a known bad payer
    // is declined.
    await page.locator("#q-budget").fill("3000");
    assert.match(
      await page.locator("#q-budget-help").innerText(),
      /covers 75% of your quote/,
    );
    await page.locator('input[name="payment_reputation"][value="bad"]').check();
    await page.locator('input[name="accepts_deposit"][value="false"]').check();
    await page.locator(".intake-form button[type=submit]").click();
    const result = page.locator(".screening");
    await result.waitFor();
    assert.equal(await result.getAttribute("data-decision"), "decline");
    assert.equal(
      await result.locator(".badge.decision").innerText(),
      "Decline",
    );
    assert.equal(await result.locator(".predicted-sign").count(), 6);
    assert.match(
      await result
        .locator('.predicted-sign[data-sign="non_payment"]')
        .innerText(),
      /red/,
    );
    assert.match(
      await result
        .locator('.predicted-sign[data-sign="underpaying"] .reasons')
        .innerText(),
      /75%/,
    );
    assert.equal(await result.locator(".terms-list > div").count(), 5);
    // The demo's past client with intake answers.
    assert.ok(
      (await result.locator(".similar-table tbody tr").count()) >= 1,
      "similar past clients",
    );
    await screenshot("screen");

    // Italian: the page's words and the server's reasons.
    await page.locator(".lang-switch button", { hasText: "IT" }).click();
    await page.waitForFunction(
      () =>
        document
          .querySelector(".screening .badge.decision")
          ?.textContent?.includes("Rifiutare") &&
        document
          .querySelector('.predicted-sign[data-sign="non_payment"] .reasons')
          ?.textContent?.match(/pag/),
    );
    assert.match(
      await page.locator("header nav").innerText(),
      /Valuta un nuovo cliente/,
    );
    await page.locator(".lang-switch button", { hasText: "EN" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
  });

  test("the client page writes letters: the kind, the language, copy and download", async () => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: BASE,
    });
    await visit(`/clients/colombo?as_of=${AS_OF}&lang=it`);
    const letters = page.locator("section.letters");
    await letters.waitFor();
    assert.equal(
      await letters.locator('select[name="letter-lang"]').inputValue(),
      "it",
    );
    const preview = letters.locator("pre.letter-text");
    await letters
      .locator('select[name="letter-kind"]')
      .selectOption("formal-notice");
    await page.waitForFunction(() =>
      document
        .querySelector("section.letters pre.letter-text")
        ?.textContent?.includes("Diffida ad adempiere"),
    );
    await letters
      .locator('select[name="letter-kind"]')
      .selectOption("reminder");
    await page.waitForFunction(() =>
      document
        .querySelector("section.letters pre.letter-text")
        ?.textContent?.includes("Sollecito di pagamento"),
    );
    const text = await preview.innerText();
    assert.match(text, /Edilizia Colombo/);
    assert.equal(
      text.trim(),
      (
        await (
          await fetch(
            `${BASE}/api/v1/clients/colombo/letters/reminder?as_of=${AS_OF}&lang=it`,
          )
        ).text()
      ).trim(),
      "the preview is the server's letter",
    );

    await letters.locator("button", { hasText: "Copia" }).click();
    await letters.locator(".saved").waitFor();
    assert.equal(
      await letters.locator(".saved").innerText(),
      "Copiata negli appunti.",
    );
    assert.match(
      await page.evaluate(() => navigator.clipboard.readText()),
      /Sollecito di pagamento/,
    );
    const download = letters.locator("a[download]");
    assert.equal(
      await download.getAttribute("download"),
      `reminder-colombo-${AS_OF}.txt`,
    );

    // English, then the HTML letter in a frame that runs no script.
    await letters.locator('select[name="letter-lang"]').selectOption("en");
    await page.waitForFunction(() =>
      document
        .querySelector("section.letters pre.letter-text")
        ?.textContent?.includes("Payment reminder"),
    );
    await letters.locator('select[name="letter-format"]').selectOption("html");
    const frame = letters.locator("iframe.letter-frame");
    await frame.waitFor();
    assert.equal(await frame.getAttribute("sandbox"), "");
    await page
      .frameLocator("section.letters iframe.letter-frame")
      .locator("h1, h2, p", { hasText: "Payment reminder" })
      .first()
      .waitFor();
    // The letter's own style sheet applies under the dashboard's policy (by its hash).
    assert.match(
      await page
        .frameLocator("section.letters iframe.letter-frame")
        .locator("body")
        .evaluate((body) => getComputedStyle(body).fontFamily),
      /Georgia/,
    );
    // Sandboxed without allow-same-origin: the page cannot reach into the letter.
    assert.equal(
      await page.evaluate(
        () =>
          document.querySelector("section.letters iframe.letter-frame")
            .contentDocument,
      ),
      null,
    );
    await screenshot("client-letters");
  });

  test("a phone shows the portfolio without sideways scrolling", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await visit(`/?as_of=${AS_OF}&lang=en`);
      await page.locator("tr.client-row").first().waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      assert.ok(overflow <= 1, `page is ${overflow}px wider than the screen`);
      await screenshot("portfolio-phone");

      await visit(`/screen?as_of=${AS_OF}&lang=it`);
      await page.locator(".intake-form button[type=submit]").click();
      await page.locator(".screening").waitFor();
      const screenOverflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      assert.ok(
        screenOverflow <= 1,
        `screening is ${screenOverflow}px wider than the screen`,
      );
      await screenshot("screen-phone");
    } finally {
      await page.setViewportSize({ width: 1366, height: 900 });
    }
  });

  test("no page is wider than a phone's screen, in either language", async () => {
    const pages = [
      ["/", "tr.client-row"],
      ["/clients/gallo", "article.sign-card"],
      ["/clients/fulmine", "article.sign-card"],
      ["/receivables?client=gallo", ".statement"],
      ["/screen", ".intake-form"],
      ["/import", "input[type=file]"],
      ["/settings", "form"],
      ["/coverage", ".coverage-table"],
    ];
    const wide = [];
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const lang of ["en", "it"]) {
        for (const [path, ready] of pages) {
          const sep = path.includes("?") ? "&" : "?";
          await visit(`${path}${sep}as_of=${AS_OF}&lang=${lang}`);
          await page.locator(ready).first().waitFor();
          await page.waitForFunction(() => !document.querySelector(".loading"));
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          if (overflow > 1)
            wide.push(`${lang} ${path}: ${overflow}px too wide`);
        }
      }
    } finally {
      await page.setViewportSize({ width: 1366, height: 900 });
    }
    assert.deepEqual(wide, []);
  });

  test("a page of another site can neither write nor read", async () => {
    const before = (await api(`/clients?as_of=${AS_OF}`)).clients.length;
    const ledger = JSON.stringify({
      format: "addio-ledger/1",
      clients: [
        { id: "evil-co", name: "Evil", kind: "company", country: "IT" },
      ],
    });
    // The page of another origin: a simple cross-site request (no preflight) and a form.
    const evil = createServer((request, response) => {
      response.setHeader("Content-Type", "text/html; charset=utf-8");
      response.end(`<!doctype html><body>
        <form id="f" method="post" enctype="text/plain"
              action="${BASE}/api/v1/imports?filename=evil.json" target="sink">
          <input name='${ledger.slice(0, -1)}' value='}'></form>
        <iframe name="sink"></iframe>
        <script>
          fetch(${JSON.stringify(`${BASE}/api/v1/imports?filename=evil.json`)}, {
            method: "POST", mode: "no-cors", headers: { "Content-Type": "text/plain" },
            body: ${JSON.stringify(ledger)},
          }).finally(() => { document.getElementById("f").submit(); document.title = "sent"; });
        </script></body>`);
    });
    await new Promise((resolve) => evil.listen(0, "127.0.0.1", resolve));
    const other = await context.newPage();
    try {
      await other.goto(`http://127.0.0.1:${evil.address().port}/`);
      await other.waitForFunction(() => document.title === "sent");
      await other.waitForTimeout(500); // the form's answer, if any, lands in the frame
    } finally {
      await other.close();
      evil.close();
    }
    assert.equal((await api(`/clients?as_of=${AS_OF}`)).clients.length, before);

    // DNS rebinding: a name of another site resolving to the server is not answered.
    const port = new URL(BASE).port;
    const rebound = await context.newPage();
    try {
      const response = await rebound.goto(
        `http://rebind.test:${port}/api/v1/clients`,
      );
      assert.equal(response.status(), 421);
      assert.doesNotMatch(await response.text(), /brightwave/);
    } finally {
      await rebound.close();
    }
  });

  test("a credit note shows on the statement and the client page, invoices at their net amount", async () => {
    // Gallo's largest open invoice gets a credit note of 100.00 on the day shown.
    const before = await api(`/clients/gallo/statement?as_of=${AS_OF}`);
    assert.equal(before.credit_notes, undefined, "the demo has no credit note");
    const cents = (amount) => Math.round(Number(amount) * 100);
    const invoice = [...before.open_items].sort(
      (a, b) => cents(b.amount) - cents(a.amount),
    )[0];
    assert.ok(cents(invoice.amount) > 10000, "an open invoice above 100.00");
    const reason =
      "Two days of design work were billed twice in October; the second block is credited here in full.";
    const imported = await send(
      "POST",
      "/imports?filename=credit-note.json",
      JSON.stringify({
        format: "addio-ledger/1.1",
        credit_notes: [
          {
            id: "nc-web-1",
            client: "gallo",
            invoice: invoice.invoice,
            issued: AS_OF,
            amount: "100.00",
            currency: before.currency,
            reason,
          },
        ],
      }),
      "application/octet-stream",
    );
    assert.equal(imported.status, 200, JSON.stringify(imported.json));
    assert.ok(imported.json.written, JSON.stringify(imported.json.diagnostics));
    const after = await api(`/clients/gallo/statement?as_of=${AS_OF}`);
    const item = after.open_items.find((i) => i.invoice === invoice.invoice);
    assert.equal(item.credited, "100.00");
    assert.equal(cents(item.net), cents(invoice.amount) - 10000);

    await visit(`/receivables?as_of=${AS_OF}&lang=en&client=gallo`);
    const statement = page.locator('.statement[data-client="gallo"]');
    const note = statement.locator(
      '.credit-notes tr[data-credit-note="nc-web-1"]',
    );
    await note.waitFor();
    assert.equal(
      await statement.locator(".credit-notes h4").innerText(),
      "Credit notes",
    );
    const cells = await note.locator("td").allInnerTexts();
    assert.equal(cells[0], "30 Nov 2026");
    assert.equal(cells[1], "nc-web-1");
    assert.equal(cells[2], invoice.invoice);
    assert.equal(digits(cells[3]), "10000");
    const shown = note.locator("td.reason");
    assert.equal(await shown.getAttribute("title"), reason);
    const shortened = await shown.innerText();
    assert.ok(shortened.endsWith("…"), shortened);
    assert.ok(reason.startsWith(shortened.slice(0, -1)), shortened);
    assert.ok(shortened.length < reason.length);
    // The open invoice at its net amount, with what was credited.
    const row = statement.locator(
      `.open-items-table tr[data-invoice="${invoice.invoice}"]`,
    );
    assert.equal(digits(await row.locator("td.credited").innerText()), "10000");
    assert.equal(
      digits(await row.locator("td.net").innerText()),
      digits(item.net),
    );
    const headers = await statement
      .locator(".open-items-table thead th")
      .allTextContents();
    assert.ok(
      headers.includes("Credited") && headers.includes("Net"),
      headers.join(),
    );
    await screenshot("statement-credit-note");

    await visit(`/receivables?as_of=${AS_OF}&lang=it&client=gallo`);
    await statement
      .locator(".credit-notes h4", { hasText: "Note di credito" })
      .waitFor();
    assert.ok(
      (
        await statement.locator(".open-items-table thead th").allTextContents()
      ).includes("Stornato"),
    );

    // The client page lists it too; the day before it was issued, it is not there yet.
    await visit(`/clients/gallo?as_of=${AS_OF}&lang=en`);
    const panel = page.locator("section.credit-notes");
    await panel.locator('tr[data-credit-note="nc-web-1"]').waitFor();
    assert.equal(await panel.locator("h2").innerText(), "Credit notes");
    const answered = page.waitForResponse(
      (r) =>
        r.url().includes("/clients/gallo/statement") &&
        r.url().includes("as_of=2026-11-29"),
    );
    await visit(`/clients/gallo?as_of=2026-11-29&lang=en`);
    await page.locator("article.sign-card").first().waitFor();
    await answered;
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(done)),
    );
    assert.equal(
      (await api(`/clients/gallo/statement?as_of=2026-11-29`)).credit_notes,
      undefined,
    );
    assert.equal(await page.locator("section.credit-notes").count(), 0);
  });

  test("the coverage page lists what the demo holds, and its portfolio needs no notice", async () => {
    const coverage = await api("/coverage?lang=en");
    assert.deepEqual(coverage.unknown, []);
    const answered = page.waitForResponse((r) =>
      r.url().includes("/api/v1/coverage"),
    );
    await visit(`/?as_of=${AS_OF}&lang=en`);
    await page.locator("tr.client-row").first().waitFor();
    await answered;
    assert.equal(await page.locator(".coverage-banner").count(), 0);

    await visit(`/coverage?as_of=${AS_OF}&lang=en`);
    await page.locator(".coverage-table").waitFor();
    const rows = page.locator(".coverage-table tbody tr");
    assert.equal(await rows.count(), coverage.types.length);
    for (const type of coverage.types) {
      const row = page.locator(`.coverage-table tr[data-type="${type.type}"]`);
      assert.equal(
        (await row.locator("td").first().innerText()).replace(/\D/g, ""),
        String(type.records),
        type.type,
      );
    }
    assert.equal(await page.locator(".coverage-next").count(), 0);
  });

  test("a 2,000-client portfolio: a page of rows, few DOM nodes, a small first load; timings printed", async () => {
    // What the first load of any page fetches: the scripts index.html names, gzipped as
    // served. ECharts is loaded later, where a chart is drawn.
    const dist = process.env.ADDIO_WEB_DIST;
    assert.ok(dist, "run.sh names the built dashboard");
    const html = readFileSync(`${dist}/index.html`, "utf8");
    const scripts = [
      ...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g),
    ].map((m) => m[1]);
    assert.ok(scripts.length > 0);
    // With the words of the language shown: the larger of the two, Italian.
    const words = readdirSync(`${dist}/assets`).filter((f) =>
      /^catalogue_it-.*\.js$/.test(f),
    );
    assert.equal(words.length, 1, "one chunk of Italian words");
    scripts.push(`assets/${words[0]}`);
    const firstLoad = scripts.reduce(
      (sum, file) => sum + gzipSync(readFileSync(`${dist}/${file}`)).length,
      0,
    );
    assert.ok(
      firstLoad < 300 * 1024,
      `first load ${Math.round(firstLoad / 1024)} kB of JavaScript gzipped`,
    );
    assert.ok(
      !scripts.some((file) => file.includes("charts")),
      "ECharts is not in it",
    );

    const base = process.env.ADDIO_BIG_URL;
    assert.ok(base, "run.sh starts the 2,000-client server");
    const workspace = await (await fetch(`${base}/api/v1/workspace`)).json();
    assert.equal(workspace.clients, 2000);
    const asOf = workspace.last_record_date;
    const rows = page.locator(".portfolio table tbody tr");
    await page.goto("about:blank");
    let start = Date.now();
    await page.goto(`${base}/#/?as_of=${asOf}&lang=en`);
    await rows.first().waitFor({ timeout: 120000 });
    const firstRows = Date.now() - start;
    start = Date.now();
    await page.goto("about:blank");
    await page.goto(`${base}/#/?as_of=${asOf}&lang=en`);
    await rows.first().waitFor();
    const againRows = Date.now() - start;
    // Every panel drawn, the reminders due of 2,000 clients included.
    await page
      .locator("section.dunning .dunning-item")
      .first()
      .waitFor({ timeout: 120000 });
    // The chart drawn too, so that neither ECharts' loading nor its drawing is timed below
    // as part of a sort.
    await page
      .locator("section.quadrant .chart svg")
      .first()
      .waitFor({ timeout: 120000 });
    await page.waitForLoadState("networkidle");
    const nodes = await page.evaluate(
      () => document.getElementsByTagName("*").length,
    );
    assert.ok(nodes < 5000, `${nodes} DOM nodes`);
    assert.ok((await rows.count()) <= 100, "one page of rows");

    // Sort and filter are timed inside the page, from the click or the keystroke to the
    // first frame showing the new rows, so that the browser driver's own steps are not
    // counted; the filter also from its request to the server, after the typing pause.
    const timeInPage = (step) =>
      page.evaluate(
        (step) =>
          new Promise((resolve) => {
            const firstRow = () =>
              document.querySelector(".portfolio table tbody tr")?.dataset
                .client;
            const before = firstRow();
            const rowCount = document.querySelectorAll(
              ".portfolio table tbody tr",
            ).length;
            const start = performance.now();
            // The request of the new rows, from the resource timeline: an entry is on it
            // once its answer has arrived, before the rows are drawn.
            const asked = () => {
              const entries = performance
                .getEntriesByType("resource")
                .filter(
                  (e) => e.name.includes("/portfolio?") && e.startTime >= start,
                );
              return entries.length > 0 ? entries.at(-1).startTime : null;
            };
            const check = () => {
              const rows = document.querySelectorAll(
                ".portfolio table tbody tr",
              ).length;
              if (firstRow() !== before || rows !== rowCount) {
                const now = performance.now();
                const request = asked();
                resolve({
                  total: now - start,
                  fromRequest: request === null ? null : now - request,
                });
              } else {
                requestAnimationFrame(check);
              }
            };
            if (step.sort) {
              [...document.querySelectorAll(".portfolio thead button")]
                .find((b) => b.textContent.includes(step.sort))
                .click();
            } else {
              const input = document.querySelector(
                '.filters input[type="search"]',
              );
              input.value = step.filter;
              input.dispatchEvent(new Event("input", { bubbles: true }));
            }
            requestAnimationFrame(check);
          }),
        step,
      );
    const sorted = Math.round((await timeInPage({ sort: "Client" })).total);
    const name = (await rows.first().innerText()).split("\n")[0].trim();
    const filter = await timeInPage({ filter: name });
    assert.ok((await rows.count()) < 100, "the filter keeps few rows");
    const typed = Math.round(filter.total);
    assert.ok(filter.fromRequest !== null, "the filter asked the server");
    const filtered = Math.round(filter.fromRequest);
    // The week's alerts of 2,000 clients: the first eight, then all on request.
    const alerts = (
      await (await fetch(`${base}/api/v1/alerts?as_of=${asOf}&lang=en`)).json()
    ).alerts;
    assert.ok(alerts.length > 8, `${alerts.length} alerts`);
    const alertItems = page.locator("section.alerts .alerts-list li");
    assert.equal(await alertItems.count(), 8);
    await page
      .locator("section.alerts button", {
        hasText: `Show all ${alerts.length}`,
      })
      .click();
    assert.equal(await alertItems.count(), alerts.length);
    console.log(
      `     2,000 clients: rows visible in ${firstRows} ms (first request, the server ` +
        `assesses every client), ${againRows} ms loaded again; sort ${sorted} ms, filter ` +
        `${filtered} ms from its request (${typed} ms from typing, the pause included); ` +
        `${nodes} DOM nodes; first load ` +
        `${Math.round(firstLoad / 1024)} kB of JavaScript gzipped`,
    );
  });

  test("a workspace of time entries only says what it cannot judge, in both languages", async () => {
    const base = process.env.ADDIO_TIME_ONLY_URL;
    assert.ok(base, "run.sh starts the time-only server");
    const portfolio = await (
      await fetch(`${base}/api/v1/portfolio?as_of=${AS_OF}`)
    ).json();
    assert.ok(portfolio.clients.length > 0);
    for (const client of portfolio.clients) {
      assert.equal(client.verdict, "insufficient_data", client.client);
    }
    await page.goto(`${base}/#/?as_of=${AS_OF}&lang=en`);
    const banner = page.locator(".coverage-banner");
    await banner.waitFor();
    assert.match(await banner.innerText(), /4 of 6 signs cannot be judged yet/);
    await screenshot("coverage-banner");
    await banner.locator("a").click();
    await page.locator(".coverage-next").waitFor();
    const next = await page
      .locator(".coverage-next-list li")
      .evaluateAll((items) => items.map((item) => item.dataset.type));
    assert.deepEqual(next, ["contract", "invoice", "payment"]);
    assert.match(
      await page
        .locator('.coverage-table tr[data-type="contract"]')
        .innerText(),
      /none recorded/,
    );
    await screenshot("coverage");

    await page.goto(`${base}/#/coverage?as_of=${AS_OF}&lang=it`);
    await page.waitForFunction(() =>
      /Importa le tue fatture/.test(
        document.querySelector(".coverage-next")?.textContent ?? "",
      ),
    );
    assert.equal(
      await page.locator("h1").innerText(),
      "Cosa può giudicare addio",
    );
    assert.match(
      await page.locator('.coverage-table tr[data-type="invoice"]').innerText(),
      /assenti/,
    );
    assert.match(
      await page.locator(".coverage-next").innerText(),
      /Importa le tue fatture/,
    );
  });

  test("an agency of three: each signs in and sees the workspaces and the rights their role gives", async () => {
    const base = process.env.ADDIO_TEAM_URL;
    assert.ok(base, "run.sh starts the team's server");
    const signIn = async (who, password = `${who}'s long password`) => {
      await page.locator("#sign-in-email").fill(`${who}@studio.example`);
      await page.locator("#sign-in-password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
    };
    const signOut = async () => {
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.locator("#sign-in-email").waitFor();
    };
    const sections = () =>
      page
        .locator("header.top nav a")
        .evaluateAll((links) => links.map((a) => a.textContent.trim()));

    // Nothing is shown before signing in; a wrong password is said so.
    await page.goto(`${base}/#/?as_of=${AS_OF}&lang=en`);
    await page.locator("#sign-in-email").waitFor();
    assert.equal(await page.locator("tr.client-row").count(), 0);
    assert.equal(await page.locator("header.top nav").count(), 0);
    await signIn("ana", "not the password");
    await page
      .getByRole("alert")
      .filter({ hasText: "wrong e-mail or password" })
      .waitFor();
    await screenshot("sign-in");

    // The owner: both workspaces, every section, the members page.
    await signIn("ana");
    const switcher = page.getByRole("combobox", { name: "Workspace" });
    await switcher.waitFor();
    assert.deepEqual(
      await switcher
        .locator("option")
        .evaluateAll((o) => o.map((x) => x.textContent)),
      ["default", "North Studio", "South Studio"],
    );
    assert.deepEqual(await sections(), [
      "Portfolio",
      "Receivables",
      "Screen a prospect",
      "Import",
      "Settings",
      "Members",
    ]);
    await switcher.selectOption("south");
    await page.waitForFunction(() => /ws=south/.test(window.location.hash));
    await page.locator("tr.client-row", { hasText: "Alfa S.r.l." }).waitFor();
    await switcher.selectOption("north");
    await page.locator("tr.client-row").first().waitFor();
    await page.getByRole("link", { name: "Members" }).click();
    const vera = page.getByRole("combobox", {
      name: "Role of vera@studio.example",
    });
    await vera.waitFor();
    assert.equal(await vera.inputValue(), "viewer");
    await screenshot("members");
    // The last owner cannot step down: the server says why.
    await page
      .getByRole("combobox", { name: "Role of ana@studio.example" })
      .selectOption("member");
    await page.getByRole("alert").filter({ hasText: "last owner" }).waitFor();
    await signOut();

    // The member: north only, no members page.
    await signIn("luca");
    await page.locator("tr.client-row").first().waitFor();
    assert.equal(
      await page.getByRole("combobox", { name: "Workspace" }).count(),
      0,
    );
    assert.equal(
      await page.locator(".workspace-name").innerText(),
      "Studio Bianchi",
    );
    assert.deepEqual(await sections(), [
      "Portfolio",
      "Receivables",
      "Screen a prospect",
      "Import",
      "Settings",
    ]);
    await signOut();

    // The viewer reads: no import, no screening; a write is refused by the server.
    await signIn("vera");
    await page.locator("tr.client-row").first().waitFor();
    assert.deepEqual(await sections(), [
      "Portfolio",
      "Receivables",
      "Settings",
    ]);
    const refused = await page.evaluate(async () => {
      const session = await (await fetch("api/v1/session")).json();
      const res = await fetch("api/v1/settings?workspace=north", {
        method: "PUT",
        headers: {
          "Content-Type": "application/json",
          "X-CSRF-Token": session.csrf_token,
        },
        body: JSON.stringify({ settings: { grace_days: 9 } }),
      });
      return res.status;
    });
    assert.equal(refused, 403);
    await signOut();

    // The sign-in page in Italian, and accessible.
    await page.goto(`${base}/#/?lang=it`);
    await page.getByRole("heading", { name: "Accedi" }).waitFor();
    await page.evaluate(AXE_SOURCE);
    const result = await page.evaluate(() =>
      window.axe.run(document, {
        runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
      }),
    );
    assert.deepEqual(
      result.violations.map((v) => v.id),
      [],
    );
  });

  test("axe-core finds no WCAG 2.1 AA violation on any page, in both languages, on a laptop and a phone", async () => {
    // Each page with what shows it has loaded.
    const pages = [
      [`${BASE}/#/`, "tr.client-row"],
      [`${BASE}/#/clients/gallo`, "article.sign-card"],
      [`${BASE}/#/clients/fulmine`, "article.sign-card"],
      [`${BASE}/#/receivables`, ".aging-table"],
      [`${BASE}/#/screen`, ".intake-form"],
      [`${BASE}/#/import`, "input[type=file]"],
      [`${BASE}/#/settings`, "form"],
      [`${BASE}/#/coverage`, ".coverage-table"],
      [`${process.env.ADDIO_TIME_ONLY_URL}/#/`, ".coverage-banner"],
    ];
    const failures = [];
    try {
      for (const viewport of [
        { width: 1366, height: 900 },
        { width: 390, height: 844 },
      ]) {
        await page.setViewportSize(viewport);
        for (const lang of ["en", "it"]) {
          for (const [address, ready] of pages) {
            await page.goto(`${address}?as_of=${AS_OF}&lang=${lang}`);
            await page.locator(ready).first().waitFor();
            await page.waitForFunction(
              () => !document.querySelector(".loading"),
            );
            await page.evaluate(AXE_SOURCE);
            const result = await page.evaluate(() =>
              window.axe.run(document, {
                runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
              }),
            );
            for (const violation of result.violations) {
              failures.push(
                `${viewport.width}px ${lang} ${address}: ${violation.id} on ` +
                  violation.nodes
                    .map((node) => node.target.join(" "))
                    .join(", "),
              );
            }
          }
        }
      }
    } finally {
      await page.setViewportSize({ width: 1366, height: 900 });
    }
    assert.deepEqual(failures, []);
  });

  test("errors speak to people: a server that does not answer is tried again, a bad date offers today", async () => {
    // The portfolio's requests fail as if the server had stopped; then it is back.
    const blocked = (route) => route.abort("connectionrefused");
    await page.route("**/api/v1/portfolio*", blocked);
    try {
      await visit(`/?as_of=2026-10-31&lang=it`);
      const box = page.locator(".error-box").first();
      await box.waitFor();
      assert.match(
        await box.innerText(),
        /addio non risponde\. addio serve è ancora in esecuzione\?/,
      );
      assert.doesNotMatch(await box.innerText(), /Failed to fetch/);
    } finally {
      await page.unroute("**/api/v1/portfolio*", blocked);
    }
    // Tried again on its own, without a click.
    await page.locator("tr.client-row").first().waitFor({ timeout: 15000 });

    await visit(`/?as_of=2026-02-30&lang=en`);
    const notice = page.locator(".bad-date");
    await notice.waitFor();
    assert.match(await notice.innerText(), /2026-02-30, is not a real date/);
    await page.locator("tr.client-row").first().waitFor(); // today's portfolio meanwhile
    await notice.locator("button").click();
    await page.waitForFunction(
      () => !window.location.hash.includes("as_of=2026-02-30"),
    );
    assert.equal(await page.locator(".bad-date").count(), 0);
  });

  test("no script error happened on any page", () => {
    assert.deepEqual(pageErrors, []);
  });

  test("the Content-Security-Policy blocked nothing the dashboard does", () => {
    assert.deepEqual(cspViolations, []);
  });
});
