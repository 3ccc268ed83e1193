// `npm start` runs this first: it compiles only when a source is newer than the last build, so a
// start with nothing changed goes straight to the program. Plain JavaScript, so it needs no build.
import { execFileSync } from "node:child_process";
import { readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
/** Written after every build made here (tsc leaves its own build info alone when nothing changed). */
const stamp = join(root, "dist", ".built");
const inputs = [
  "src",
  "commands",
  "scripts",
  "tsconfig.json",
  "tsconfig.build.json",
  "package.json",
];

/** The newest modification time in a file or tree (directories count: a deleted file changes them). */
function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const built = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const changed = Math.max(...inputs.map((input) => newest(join(root, input))));
if (changed > built) {
  // Stamped with the time the build started, so an edit made while it runs is built next time.
  const started = new Date();
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  try {
    execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], {
      stdio: "inherit",
    });
  } catch {
    process.exit(1);
  }
  writeFileSync(stamp, `${started.toISOString()}\n`);
  utimesSync(stamp, started, started);
}
