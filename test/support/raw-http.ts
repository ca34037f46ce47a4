// HTTP requests as an arbitrary client sends them (any method, headers and body, valid or not),
// for tests of how the server answers requests that are malformed or abusive.

export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
  /** The body parsed as JSON; undefined when it is not JSON. */
  json: unknown;
}

export interface RawRequest {
  method?: string;
  /** Path and query string, e.g. `/graphql?query=...`. */
  path?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export async function rawRequest(baseUrl: string, request: RawRequest = {}): Promise<RawResponse> {
  const response = await fetch(`${baseUrl}${request.path ?? "/graphql"}`, {
    method: request.method ?? "POST",
    headers: request.headers,
    // Bytes copied into their own ArrayBuffer: the DOM typings that @whatwg-node/fetch (Hive
    // Gateway's) pulls into the program take no view of a shared one.
    body: typeof request.body === "string" ? request.body : request.body && new Uint8Array(request.body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", text, json };
}

/** A JSON POST of a GraphQL request, with extra headers. */
export function postJson(baseUrl: string, payload: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(baseUrl, {
    headers: { "content-type": "application/json", ...headers },
    body: typeof payload === "string" ? payload : JSON.stringify(payload),
  });
}
