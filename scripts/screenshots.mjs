// Takes the README's screenshots from the server at $ADDIO_URL (scripts/screenshots starts
// one on the demo): docs/dashboard.png, docs/client.png, docs/portfolio-phone.png and
// docs/client-phone.png.
import { createRequire } from "node:module";

const require = createRequire(new URL("../web/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const BASE = process.env.ADDIO_URL;
const AS_OF = "2026-11-30";
const DOCS = new URL("../docs/", import.meta.url).pathname;

const shots = [
  {
    file: "dashboard.png",
    hash: `/?as_of=${AS_OF}&lang=en`,
    ready: ".act-now-item",
    phone: false,
  },
  {
    file: "client.png",
    hash: `/clients/colombo?as_of=${AS_OF}&lang=en`,
    ready: ".sign-card",
    phone: false,
  },
  {
    file: "portfolio-phone.png",
    hash: `/?as_of=${AS_OF}&lang=it`,
    ready: ".act-now-item",
    phone: true,
  },
  {
    file: "client-phone.png",
    hash: `/clients/colombo?as_of=${AS_OF}&lang=it`,
    ready: ".sign-card",
    phone: true,
  },
];

const browser = await chromium.launch({
  executablePath: process.env.ADDIO_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  for (const shot of shots) {
    const page = await browser.newPage({
      viewport: shot.phone
        ? { width: 390, height: 844 }
        : { width: 1366, height: 900 },
      deviceScaleFactor: shot.phone ? 2 : 1,
      locale: shot.phone ? "it-IT" : "en-GB",
    });
    await page.goto(`${BASE}/#${shot.hash}`);
    await page.locator(shot.ready).first().waitFor();
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `${DOCS}${shot.file}` });
    await page.close();
    console.log(`docs/${shot.file}`);
  }
} finally {
  await browser.close();
}
