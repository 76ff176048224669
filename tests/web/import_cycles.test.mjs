// The dashboard's modules import one another without a cycle (a page importing the shell
// that imports the page gets an undefined binding at load time, depending on the order):
//   node tests/web/import_cycles.test.mjs web/src
// Reads every .ts/.tsx file's relative imports and fails naming the first cycle found.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(process.argv[2] ?? "web/src");

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(from, spec) {
  const base = resolve(dirname(from), spec);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, "index.ts"),
  ]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

const graph = new Map();
for (const file of sources(root)) {
  const text = readFileSync(file, "utf8");
  const targets = [];
  for (const match of text.matchAll(
    /^\s*(?:import|export)\s[^;]*?from\s+'(\.[^']*)'/gms,
  )) {
    // Type-only imports vanish at build time and cannot form a runtime cycle.
    if (/^\s*(?:import|export)\s+type\s/.test(match[0])) continue;
    const target = resolveImport(file, match[1]);
    if (target) targets.push(target);
  }
  graph.set(file, targets);
}
if (graph.size < 5) {
  console.error(`import cycles: only ${graph.size} modules under ${root}`);
  process.exit(1);
}

const state = new Map(); // file -> 'open' | 'done'
function visit(file, path) {
  if (state.get(file) === "done") return null;
  if (state.get(file) === "open")
    return [...path.slice(path.indexOf(file)), file];
  state.set(file, "open");
  for (const target of graph.get(file) ?? []) {
    const cycle = visit(target, [...path, file]);
    if (cycle) return cycle;
  }
  state.set(file, "done");
  return null;
}
for (const file of [...graph.keys()].sort()) {
  const cycle = visit(file, []);
  if (cycle) {
    console.error(
      `import cycle: ${cycle.map((f) => relative(root, f)).join(" -> ")}`,
    );
    process.exit(1);
  }
}
console.log(`import cycles: none among ${graph.size} modules`);
