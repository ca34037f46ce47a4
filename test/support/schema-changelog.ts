// schema/CHANGELOG.md: every change of schema/schema.graphql since the check began, as
// @graphql-inspector/core's diff classifies it (breaking, dangerous, safe), newest first. Each
// section names the two versions it goes between by their git blob ids, so the file checks
// itself against git: any section can be recomputed from the repository, merges or not, and the
// newest one is the schema the code builds now (committed or not: a blob id is a hash of the text).
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { type Change, CriticalityLevel, diff, DiffRule } from "@graphql-inspector/core";
import { buildSchema } from "graphql";

const ROOT = path.join(__dirname, "..", "..");

/**
 * The version of schema/schema.graphql when the check began (commit a008c21, 2026-12-01). The
 * 39 breaking changes of earlier versions (replayed by issue 16) are history; none may follow.
 */
export const BASELINE = "6837638c09d363870e8792bb14d5756a83ece714";

export const HEADER = `# Schema changelog

Every change of [\`schema.graphql\`](schema.graphql) since the compatibility check began, newest
first, as [GraphQL Inspector](https://the-guild.dev/graphql/inspector) classifies it. Generated:
\`npm run schema:changelog\` rewrites it, and \`test/schema-compat.test.ts\` fails when it is out of
date or when a change is breaking. A field is removed only after a version in which it was
\`@deprecated\` (its removal is then listed as dangerous). Versions are named by the git blob id
of \`schema.graphql\` (\`git cat-file -p <id>\` shows one).
`;

export interface Section {
  from: string;
  to: string;
  changes: Change[];
}

/** The blob id git gives a text (the same as `git hash-object`). */
export function blobId(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

/** A committed version of the schema by blob id, or null when git does not have it. */
export function committedVersion(id: string): string | null {
  try {
    return execFileSync("git", ["cat-file", "-p", id], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return null;
  }
}

/** The changes from one version to the next; removing a deprecated field is dangerous, not breaking. */
export function changesBetween(before: string, after: string): Promise<Change[]> {
  return diff(buildSchema(before), buildSchema(after), [DiffRule.suppressRemovalOfDeprecatedField]);
}

export function breaking(changes: Change[]): string[] {
  return changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking).map((change) => change.message);
}

const GROUPS: [CriticalityLevel, string][] = [
  [CriticalityLevel.Breaking, "Breaking"],
  [CriticalityLevel.Dangerous, "Dangerous"],
  [CriticalityLevel.NonBreaking, "Safe"],
];

export function printChangelog(sections: Section[]): string {
  const printed = sections.map(({ from, to, changes }) => {
    const groups = GROUPS.flatMap(([level, title]) => {
      const lines = changes.filter((change) => change.criticality.level === level).map(printChange);
      return lines.length ? [`### ${title}\n\n${lines.join("\n")}\n`] : [];
    });
    return [`## ${to.slice(0, 12)} (from ${from.slice(0, 12)})\n`, `<!-- from ${from} to ${to} -->\n`, ...groups].join("\n");
  });
  const baseline = `## ${BASELINE.slice(0, 12)}\n\nThe version the check began with.\n`;
  return [HEADER, ...printed, baseline].join("\n");
}

function printChange(change: Change): string {
  const reason = change.criticality.reason ? ` (${change.criticality.reason.replace(/\s+/g, " ").trim()})` : "";
  return `- ${change.path ? `\`${change.path}\`: ` : ""}${change.message.replace(/\s+/g, " ")}${change.criticality.level === CriticalityLevel.NonBreaking ? "" : reason}`;
}

/** The versions a changelog goes through, newest first, as its sections' markers say. */
export function versionsOf(changelog: string): { from: string; to: string }[] {
  return [...changelog.matchAll(/^<!-- from ([0-9a-f]{40}) to ([0-9a-f]{40}) -->$/gm)].map(([, from, to]) => ({ from, to }));
}

/**
 * The changelog for the schema the code builds now: the committed file's sections, recomputed;
 * and, when the code's schema is not the newest version there, a new section for it (or, when
 * the newest section's version was never committed, that section redone up to the code's schema).
 */
export async function changelogFor(committedChangelog: string, current: string): Promise<string> {
  const versions = versionsOf(committedChangelog);
  const currentId = blobId(current);
  const textOf = (id: string) => (id === currentId ? current : committedVersion(id));
  if (versions.length && versions[0].to !== currentId && committedVersion(versions[0].to) === null) versions.shift();
  const newest = versions[0]?.to ?? BASELINE;
  if (newest !== currentId) versions.unshift({ from: newest, to: currentId });
  const sections: Section[] = [];
  for (const { from, to } of versions) {
    const before = textOf(from);
    const after = textOf(to);
    if (before === null || after === null) throw new Error(`schema/CHANGELOG.md names a version git does not have: ${before === null ? from : to}`);
    sections.push({ from, to, changes: await changesBetween(before, after) });
  }
  return printChangelog(sections);
}
