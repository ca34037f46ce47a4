// A small deterministic random source, so that every run generates the same data set: the same
// seed gives the same names, dates, links and ids on every machine.

/** sfc32 (a fast, well-distributed 32-bit generator), seeded by a string. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    // Spread the seed string over the four state words (FNV-1a with different offsets).
    const words = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((offset) => {
      let h = offset >>> 0;
      for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
      return h;
    });
    [this.a, this.b, this.c, this.d] = words;
    for (let i = 0; i < 15; i++) this.next(); // discard the first outputs, as sfc32 recommends
  }

  /** A 32-bit unsigned integer. */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor((this.next() / 0x1_0000_0000) * n);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() / 0x1_0000_0000 < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** k distinct integers in [0, n), none of them in `exclude`. */
  distinct(k: number, n: number, exclude: ReadonlySet<number> = new Set()): number[] {
    const chosen = new Set<number>();
    while (chosen.size < k) {
      const value = this.int(n);
      if (!exclude.has(value)) chosen.add(value);
    }
    return [...chosen];
  }

  /** A UUID shaped like a version 4 one (random bits, version and variant set). */
  uuid(): string {
    const hex = [this.next(), this.next(), this.next(), this.next()]
      .map((word) => word.toString(16).padStart(8, "0"))
      .join("");
    const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}
