// Summarizes a V8 CPU profile (`node --cpu-prof`, e.g. from `npm run bench -- --profile`):
// where the server's CPU time went, by package or project file and by function, idle time
// left out. `skip` leaves out the first seconds (start-up, module loading, warm-up).
// Usage: node dist/bench/profile-summary.js <file.cpuprofile> [top=25] [skip=0]
import fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives: an npm package, a project file, or Node/V8 itself. */
function owner(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const packages = url.split("node_modules/");
  if (packages.length > 1) {
    const parts = packages.at(-1)!.split("/");
    return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith("node:")) return "node internals";
  const project = /\/(dist\/)?(src|bench)\/(.*)$/.exec(url);
  return project ? `${project[2]}/${project[3]}` : url;
}

export function summarize(profile: Profile, top = 25, skipSeconds = 0): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  let elapsedMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    elapsedMs += ms;
    if (elapsedMs >= skipSeconds * 1000) selfMs.set(id, (selfMs.get(id) ?? 0) + ms);
  });
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const [id, ms] of selfMs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === "(idle)") continue;
    busy += ms;
    const who = owner(url, functionName);
    byOwner.set(who, (byOwner.get(who) ?? 0) + ms);
    const fn = `${functionName || "(anonymous)"} ${who}${url ? `:${lineNumber + 1}` : ""}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  const table = (title: string, map: Map<string, number>) => [
    `${title}`,
    ...[...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => `${((100 * ms) / busy).toFixed(1).padStart(6)} %  ${name}`),
  ];
  return [
    `busy CPU time: ${(busy / 1000).toFixed(1)} s (idle left out)`,
    "",
    ...table("self time by package / file:", byOwner),
    "",
    ...table("self time by function:", byFunction),
  ].join("\n");
}

if (require.main === module) {
  const [file, top, skip] = process.argv.slice(2);
  if (!file) {
    console.error("usage: node dist/bench/profile-summary.js <file.cpuprofile> [top] [skip seconds]");
    process.exit(2);
  }
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  console.log(summarize(profile, top ? Number(top) : 25, skip ? Number(skip) : 0));
}
