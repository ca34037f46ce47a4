// Deprecate rather than break: a field may leave schema/schema.graphql only after a version in
// which it was marked @deprecated. Checked over every committed version of the file, and for
// the schema the code builds now against the last committed one.
import { execFileSync } from "node:child_process";
import path from "node:path";
import "reflect-metadata";
import { buildSchema, type GraphQLSchema, isInputObjectType, isInterfaceType, isObjectType } from "graphql";
import { buildNewsgraphSchema, printNewsgraphSchema } from "../src/schema/build-schema";

const ROOT = path.join(__dirname, "..");
const FILE = "schema/schema.graphql";

function git(...args: string[]): string | null {
  try {
    return execFileSync("git", args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return null;
  }
}

/** Fields that `before` has and `after` lacks although they were not deprecated in `before`. */
export function removedWithoutDeprecation(before: GraphQLSchema, after: GraphQLSchema): string[] {
  const removed: string[] = [];
  for (const type of Object.values(before.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) continue;
    const successor = after.getType(type.name);
    const successorFields =
      successor && (isObjectType(successor) || isInterfaceType(successor) || isInputObjectType(successor))
        ? successor.getFields()
        : {};
    for (const field of Object.values(type.getFields())) {
      if (!(field.name in successorFields) && !field.deprecationReason) removed.push(`${type.name}.${field.name}`);
    }
  }
  return removed;
}

test("the check itself: removing an undeprecated field is caught, a deprecated one is not", () => {
  const v1 = buildSchema(`type Query { a: Int, b: Int @deprecated(reason: "use a"), c: Int }`);
  const v2 = buildSchema(`type Query { a: Int }`);
  expect(removedWithoutDeprecation(v1, v2)).toEqual(["Query.c"]);
});

test("no committed version of the schema dropped a field that was not deprecated before", () => {
  // Each commit against each of its parents: with branches merged, the versions in log order
  // interleave two lines of work, and one branch's version "lacks" what the other added.
  const commits = git("log", "--format=%H %P");
  if (commits === null) {
    console.warn("not a git checkout: the schema history check was skipped");
    return;
  }
  const schemas = new Map<string, GraphQLSchema | null>(); // by blob id
  const schemaAt = (commit: string): GraphQLSchema | null => {
    const blob = git("rev-parse", "--verify", "--quiet", `${commit}:${FILE}`)?.trim();
    if (!blob) return null;
    if (!schemas.has(blob)) schemas.set(blob, buildSchema(git("cat-file", "-p", blob) ?? ""));
    return schemas.get(blob)!;
  };
  const problems = commits
    .split("\n")
    .filter(Boolean)
    .flatMap((line) => {
      const [commit, ...parents] = line.split(" ");
      const after = schemaAt(commit);
      if (!after) return [];
      return parents.flatMap((parent) => {
        const before = schemaAt(parent);
        if (!before || before === after) return [];
        return removedWithoutDeprecation(before, after).map((field) => `${field} removed in ${commit.slice(0, 10)} without deprecation`);
      });
    });
  expect([...new Set(problems)]).toEqual([]);
});

test("the schema the code builds drops no undeprecated field of the last committed schema", async () => {
  const committed = git("show", `HEAD:${FILE}`);
  if (committed === null) {
    console.warn("no committed schema to compare with: skipped");
    return;
  }
  const current = buildSchema(printNewsgraphSchema(await buildNewsgraphSchema()));
  expect(removedWithoutDeprecation(buildSchema(committed), current)).toEqual([]);
});
