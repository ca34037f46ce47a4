// Expected connections in whole-response assertions: `edges(a, b)` is what a client receives
// for a connection field that selected `edges { node { ... } }` and returned nodes a and b.
export function edges<Node>(...nodes: Node[]): { edges: { node: Node }[] } {
  return { edges: nodes.map((node) => ({ node })) };
}
