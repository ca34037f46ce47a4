// Deprecate rather than break. The schema the code builds is compared, with GraphQL Inspector,
// with every version since the check began (schema/CHANGELOG.md, which records each step): a
// breaking change fails, removing a field that was deprecated first is dangerous and allowed, and
// the changelog must list exactly what changed (`npm run schema:changelog` rewrites it).
import fs from "node:fs";
import path from "node:path";
import "reflect-metadata";
import { buildNewsgraphSchema, printNewsgraphSchema } from "../src/schema/build-schema";
import { BASELINE, blobId, breaking, changelogFor, changesBetween, committedVersion, versionsOf } from "./support/schema-changelog";

const CHANGELOG = path.join(__dirname, "..", "schema", "CHANGELOG.md");
const committedChangelog = fs.existsSync(CHANGELOG) ? fs.readFileSync(CHANGELOG, "utf8") : "";
let current: string;

beforeAll(async () => {
  current = printNewsgraphSchema(await buildNewsgraphSchema());
});

test("schema/CHANGELOG.md lists every change since the check began, up to the schema the code builds", async () => {
  const expected = await changelogFor(committedChangelog, current);
  if (process.env.NEWSGRAPH_WRITE_GENERATED === "1") fs.writeFileSync(CHANGELOG, expected);
  expect(committedChangelog).toBe(expected);
});

test("no version since the check began made a breaking change", async () => {
  // The steps up to the code's schema, whether or not the changelog has been rewritten for it yet.
  const steps = versionsOf(await changelogFor(committedChangelog, current)).reverse();
  // One unbroken chain from the baseline.
  expect(steps.map((step, i) => (i === 0 ? BASELINE : steps[i - 1].to) === step.from)).toEqual(steps.map(() => true));
  const currentId = blobId(current);
  const problems: string[] = [];
  for (const { from, to } of steps) {
    const after = to === currentId ? current : committedVersion(to)!;
    for (const message of breaking(await changesBetween(committedVersion(from)!, after))) problems.push(`${to.slice(0, 12)}: ${message}`);
  }
  expect(problems).toEqual([]);
});

/** Article's `title` with its description (no other type's `title` has it). */
const ARTICLE_TITLE = `  """Headline, as recorded by newsgraph."""\n  title: String!\n`;

describe("the check itself, on the real schema", () => {
  test("a breaking change made on purpose is caught: a removed field, a new required argument, a type narrowed", async () => {
    const broken = [
      [ARTICLE_TITLE, ""],
      [`"""The meeting's slug."""\n    slug: String!\n`, `"""The meeting's slug."""\n    slug: String!\n    locale: String!\n`],
      [/^type Country implements Audited & Fact \{/m, "type Country implements Fact {"],
    ].reduce((sdl, [from, to]) => changedOnce(sdl, from as string | RegExp, to as string), current);
    expect(breaking(await changesBetween(current, broken))).toEqual([
      "Field 'title' was removed from object type 'Article'",
      "'Country' object type no longer implements 'Audited' interface",
      "Argument 'locale: String!' added to field 'Query.meetingBySlug'",
    ]);
  });

  test("removing a field that was deprecated first is dangerous, not breaking", async () => {
    const deprecated = changedOnce(current, ARTICLE_TITLE, ARTICLE_TITLE.replace("String!", 'String! @deprecated(reason: "use headline")'));
    const removed = changedOnce(current, ARTICLE_TITLE, "");
    expect(breaking(await changesBetween(deprecated, removed))).toEqual([]);
    expect((await changesBetween(deprecated, removed)).map((change) => [change.criticality.level, change.message])).toEqual([
      ["DANGEROUS", "Field 'title' (deprecated) was removed from object type 'Article'"],
    ]);
  });

  test("the baseline is a committed version", () => {
    expect(committedVersion(BASELINE)).not.toBeNull();
  });
});

/** `sdl` with its first `from` replaced: failing loudly if the schema no longer has it. */
function changedOnce(sdl: string, from: string | RegExp, to: string): string {
  const changed = sdl.replace(from, to);
  if (changed === sdl) throw new Error(`the schema no longer has ${String(from)}: choose another change`);
  return changed;
}
