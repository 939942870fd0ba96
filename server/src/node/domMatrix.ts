// pdfjs-dist's legacy build needs a global DOMMatrix, which Node does not have: pdfjs takes one
// from the native package @napi-rs/canvas when it can find it. The VSIX is built without
// dependencies and a copied dist/ has no node_modules above it, so there it finds none and every
// PDF fails with "DOMMatrix is not defined". Reading text needs only 2-D affine matrices (a
// module-level identity matrix, and Type3 glyph outlines in the worker), so this stands in.

/** A 2-D affine matrix [a c e; b d f; 0 0 1] with the part of the DOMMatrix interface pdfjs uses. */
export class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  /** From nothing (identity), six numbers [a, b, c, d, e, f], or a 4×4 matrix in column order. */
  constructor(init?: ArrayLike<number>) {
    if (init === undefined) return;
    if (init.length === 6) [this.a, this.b, this.c, this.d, this.e, this.f] = Array.from(init);
    else if (init.length === 16) this.set(init[0], init[1], init[4], init[5], init[12], init[13]);
    else throw new TypeError(`AffineMatrix: expected 6 or 16 numbers, got ${init.length}`);
  }

  get is2D(): boolean {
    return true;
  }

  get isIdentity(): boolean {
    return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0;
  }

  get m11(): number {
    return this.a;
  }

  get m12(): number {
    return this.b;
  }

  get m21(): number {
    return this.c;
  }

  get m22(): number {
    return this.d;
  }

  get m41(): number {
    return this.e;
  }

  get m42(): number {
    return this.f;
  }

  /** this = this × other */
  multiplySelf(other: AffineLike = {}): this {
    const o = full(other);
    return this.set(
      this.a * o.a + this.c * o.b,
      this.b * o.a + this.d * o.b,
      this.a * o.c + this.c * o.d,
      this.b * o.c + this.d * o.d,
      this.a * o.e + this.c * o.f + this.e,
      this.b * o.e + this.d * o.f + this.f,
    );
  }

  /** this = other × this */
  preMultiplySelf(other: AffineLike = {}): this {
    const o = full(other);
    return this.set(
      o.a * this.a + o.c * this.b,
      o.b * this.a + o.d * this.b,
      o.a * this.c + o.c * this.d,
      o.b * this.c + o.d * this.d,
      o.a * this.e + o.c * this.f + o.e,
      o.b * this.e + o.d * this.f + o.f,
    );
  }

  translateSelf(tx = 0, ty = 0): this {
    return this.multiplySelf({ e: tx, f: ty });
  }

  /** DOMMatrix's scaleSelf(scaleX, scaleY = scaleX, scaleZ, originX, originY): z is ignored. */
  scaleSelf(sx = 1, sy = sx, _sz = 1, originX = 0, originY = 0): this {
    return this.translateSelf(originX, originY).multiplySelf({ a: sx, d: sy }).translateSelf(-originX, -originY);
  }

  /** As DOMMatrix: a matrix that cannot be inverted becomes all NaN. */
  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (det === 0 || !Number.isFinite(det)) return this.set(NaN, NaN, NaN, NaN, NaN, NaN);
    const e = (this.c * this.f - this.d * this.e) / det;
    const f = (this.b * this.e - this.a * this.f) / det;
    return this.set(this.d / det, -this.b / det, -this.c / det, this.a / det, e, f);
  }

  multiply(other?: AffineLike): AffineMatrix {
    return this.copy().multiplySelf(other);
  }

  translate(tx?: number, ty?: number): AffineMatrix {
    return this.copy().translateSelf(tx, ty);
  }

  scale(sx?: number, sy?: number, sz?: number, originX?: number, originY?: number): AffineMatrix {
    return this.copy().scaleSelf(sx, sy, sz, originX, originY);
  }

  inverse(): AffineMatrix {
    return this.copy().invertSelf();
  }

  transformPoint(point: { x?: number; y?: number } = {}): { x: number; y: number; z: number; w: number } {
    const x = point.x ?? 0;
    const y = point.y ?? 0;
    return { x: this.a * x + this.c * y + this.e, y: this.b * x + this.d * y + this.f, z: 0, w: 1 };
  }

  toFloat64Array(): Float64Array {
    return new Float64Array([this.a, this.b, 0, 0, this.c, this.d, 0, 0, 0, 0, 1, 0, this.e, this.f, 0, 1]);
  }

  private copy(): AffineMatrix {
    return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]);
  }

  private set(a: number, b: number, c: number, d: number, e: number, f: number): this {
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    this.e = e;
    this.f = f;
    return this;
  }
}

type AffineLike = Partial<Pick<AffineMatrix, 'a' | 'b' | 'c' | 'd' | 'e' | 'f'>>;

/** Missing entries as in DOMMatrixInit: the identity's. */
function full(m: AffineLike): Required<AffineLike> {
  return { a: m.a ?? 1, b: m.b ?? 0, c: m.c ?? 0, d: m.d ?? 1, e: m.e ?? 0, f: m.f ?? 0 };
}

/** Gives this thread a DOMMatrix before pdfjs loads, unless it already has one. */
export function provideDomMatrix(): void {
  const scope = globalThis as { DOMMatrix?: unknown };
  if (typeof scope.DOMMatrix !== 'function') scope.DOMMatrix = AffineMatrix;
}
