// The documentation cannot rot: every ```graphql block and every ```sh block that runs `curl` on
// http://localhost:4000, in README.md and docs/*.md, runs against a seeded server and must answer
// without errors and with the recorded data (test/__snapshots__; `--ci` refuses to write missing
// ones). A block that cannot run against newsgraph alone is marked just before it with
// `<!-- docs-test: skip: <reason> -->`, and shows as skipped with its reason; a query that shows an
// error is marked `<!-- docs-test: errors -->`, and its whole answer must be the ```json block
// that follows it. Every relative link must lead to a file (and a heading, when it names one).
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Kind, OperationTypeNode, parse } from "graphql";
import { startTestServer, type TestServer } from "./support/test-server";
import { bearer, signToken, TEST_JWT_SECRET } from "./support/tokens";

const ROOT = path.join(__dirname, "..");
const FILES = [
  "README.md",
  "bench/README.md",
  ...fs
    .readdirSync(path.join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`),
];
/** The address the documentation uses for a local server. */
const DOCUMENTED_SERVER = /https?:\/\/localhost:4000/g;

interface Block {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  code: string;
  /** The nearest heading above, for the test's name. */
  heading: string;
  skip?: string;
  /** Marked as answering with errors: the answer is the next ```json block of the file. */
  expectErrors?: boolean;
  /** The block after this one in the same file. */
  next?: Block;
}

interface MarkdownFile {
  blocks: Block[];
  /** [text, target, line] of every Markdown link outside code blocks. */
  links: [string, string, number][];
  /** GitHub's anchors of the file's headings. */
  anchors: Set<string>;
}

const MARKER = /^<!--\s*docs-test:\s*(?:skip:\s*(\S.*?)|(errors))\s*-->\s*$/;

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as dashes. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function readMarkdown(file: string): MarkdownFile {
  const lines = fs.readFileSync(path.join(ROOT, file), "utf8").split("\n");
  const result: MarkdownFile = { blocks: [], links: [], anchors: new Set() };
  let open: { fence: string; lang: string; line: number; body: string[] } | undefined;
  let heading = "(top)";
  let marker: { skip?: string; errors: boolean; line: number } | undefined;
  lines.forEach((text, index) => {
    const line = index + 1;
    if (open) {
      if (text.trim() === open.fence) {
        const block: Block = { file, line: open.line, lang: open.lang, code: open.body.join("\n"), heading, skip: marker?.skip, expectErrors: marker?.errors };
        const previous = result.blocks.at(-1);
        if (previous) previous.next = block;
        result.blocks.push(block);
        open = undefined;
        marker = undefined;
      } else {
        open.body.push(text);
      }
      return;
    }
    const fence = /^\s*(`{3,}|~{3,})\s*(\S*)/.exec(text);
    if (fence) {
      open = { fence: fence[1], lang: fence[2].toLowerCase(), line, body: [] };
      return;
    }
    if (/<!--\s*docs-test/.test(text)) {
      const match = MARKER.exec(text.trim());
      if (!match) {
        throw new Error(`${file}:${line}: a docs-test marker reads <!-- docs-test: skip: <reason> --> or <!-- docs-test: errors -->`);
      }
      marker = { skip: match[1], errors: Boolean(match[2]), line };
      return;
    }
    if (text.trim() !== "" && marker) {
      throw new Error(`${file}:${marker.line}: the docs-test marker is not followed by a code block`);
    }
    const title = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
    if (title) {
      heading = title[1];
      result.anchors.add(anchorOf(title[1]));
    }
    for (const link of text.matchAll(/\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      result.links.push([link[1], link[2], line]);
    }
  });
  if (open) throw new Error(`${file}:${open.line}: code block never closed`);
  return result;
}

const markdown = new Map(FILES.map((file) => [file, readMarkdown(file)] as const));

function isCurlBlock(block: Block): boolean {
  return ["sh", "bash", "shell", "console"].includes(block.lang) && /\bcurl\b/.test(block.code) && /localhost:4000/.test(block.code);
}

/** The blocks that are run (or deliberately skipped), named by file, heading and rank. */
const examples = [...markdown.values()].flatMap(({ blocks }) => {
  const runnable = blocks.filter((block) => block.lang === "graphql" || isCurlBlock(block));
  const seen = new Map<string, number>();
  return runnable.map((block) => {
    const key = `${block.file} › ${block.heading}`;
    const rank = (seen.get(key) ?? 0) + 1;
    seen.set(key, rank);
    return [`${key} #${rank}`, block] as const;
  });
});

/** Ids, cursors and timestamps differ from one database to the next; the rest must not. */
function normalize(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((item) => normalize(item));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v, k)]));
  }
  if (typeof value !== "string") return value;
  if (key && /cursor$/i.test(key)) return "<cursor>";
  if (key && /^(createdAt|updatedAt|currentUpdatedAt)$/.test(key)) return "<timestamp>";
  return value.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<uuid>");
}

function run(command: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("sh", ["-c", command], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

test("the documentation has examples to run, and says why it skips the others", () => {
  const skipped = examples.filter(([, block]) => block.skip);
  expect(examples.length - skipped.length).toBeGreaterThanOrEqual(10);
  for (const { blocks } of markdown.values()) {
    for (const block of blocks) {
      // A block without a language, or a curl in a block of another language, would go unrun unseen.
      if (!block.lang) throw new Error(`${block.file}:${block.line}: a code block names its language`);
      if (/\bcurl\b/.test(block.code) && /localhost:4000/.test(block.code) && !isCurlBlock(block)) {
        throw new Error(`${block.file}:${block.line}: a curl example is a \`\`\`sh block`);
      }
      if ((block.skip || block.expectErrors) && block.lang !== "graphql" && !isCurlBlock(block)) {
        throw new Error(`${block.file}:${block.line}: a docs-test marker on a block that would not run anyway`);
      }
      if (block.expectErrors && block.next?.lang !== "json") {
        throw new Error(`${block.file}:${block.line}: a block marked errors needs its answer as the next, json, block`);
      }
    }
  }
});

test.each(examples.filter(([, block]) => block.lang === "graphql").map(([name, block]) => [name, block] as const))(
  "%s is valid GraphQL",
  (_name, block) => {
    expect(() => parse(block.code)).not.toThrow();
  },
);

for (const [name, block] of examples) {
  if (block.skip) {
    test.skip(`${name} (skipped: ${block.skip})`, () => {});
    continue;
  }
  test(name, async () => {
    if (block.lang === "graphql") {
      const document = parse(block.code);
      const writes = document.definitions.some(
        (definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.MUTATION,
      );
      const { status, body } = await server.graphql(block.code, undefined, writes ? await bearer() : undefined);
      if (block.expectErrors) {
        // The test server adds extensions.sqlStatements, which a production server does not.
        const { extensions: _counts, ...answer } = body;
        expect(answer.errors).toBeDefined();
        expect(answer).toEqual(JSON.parse(block.next!.code));
        expect(status).toBe(200);
        return;
      }
      expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
      expect(normalize(body.data)).toMatchSnapshot();
      return;
    }
    const command = block.code.replace(DOCUMENTED_SERVER, server.url);
    expect(command).not.toMatch(/localhost:4000/);
    const { code, stdout, stderr } = await run(command, { TOKEN: await signToken(), AUTH_JWT_SECRET: TEST_JWT_SECRET });
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const body = JSON.parse(stdout) as { data?: unknown; errors?: unknown };
    if (block.expectErrors) {
      expect(body.errors).toBeDefined();
      expect(body).toEqual(JSON.parse(block.next!.code));
      return;
    }
    if ("data" in body || "errors" in body) {
      expect(body.errors).toBeUndefined();
      expect(normalize(body.data)).toMatchSnapshot();
    } else {
      expect(normalize(body)).toMatchSnapshot();
    }
  });
}

test.each(FILES)("the relative links of %s lead somewhere", (file) => {
  const broken: string[] = [];
  for (const [text, target, line] of markdown.get(file)!.links) {
    if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
    const [pathPart, anchor] = target.split("#", 2);
    const resolved = pathPart ? path.normalize(path.join(path.dirname(file), decodeURIComponent(pathPart))) : file;
    if (!fs.existsSync(path.join(ROOT, resolved))) {
      broken.push(`${file}:${line}: [${text}](${target}): no ${resolved}`);
      continue;
    }
    if (anchor && resolved.endsWith(".md")) {
      const anchors = markdown.get(resolved)?.anchors ?? readMarkdown(resolved).anchors;
      if (!anchors.has(anchor)) broken.push(`${file}:${line}: [${text}](${target}): no heading #${anchor} in ${resolved}`);
    }
  }
  expect(broken).toEqual([]);
});
