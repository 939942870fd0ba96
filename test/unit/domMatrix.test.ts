/** The DOMMatrix stand-in that lets pdfjs read PDFs where no canvas package is installed. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AffineMatrix, provideDomMatrix } from '../../server/src/node/domMatrix';

const entries = (m: AffineMatrix): number[] => [m.a, m.b, m.c, m.d, m.e, m.f];

function assertClose(actual: number[], expected: number[]): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((v, i) => {
    assert.ok(Math.abs(v - expected[i]) < 1e-12, `entry ${i}: ${v} ≠ ${expected[i]} (${actual.join(', ')})`);
  });
}

describe('AffineMatrix', () => {
  test('starts as the identity; takes six numbers or a 4×4 matrix in column order', () => {
    assert.deepEqual(entries(new AffineMatrix()), [1, 0, 0, 1, 0, 0]);
    assert.ok(new AffineMatrix().isIdentity);
    assert.deepEqual(entries(new AffineMatrix([2, 3, 4, 5, 6, 7])), [2, 3, 4, 5, 6, 7]);
    assert.deepEqual(entries(new AffineMatrix([2, 3, 0, 0, 4, 5, 0, 0, 0, 0, 1, 0, 6, 7, 0, 1])), [2, 3, 4, 5, 6, 7]);
    assert.throws(() => new AffineMatrix([1, 2, 3]), /6 or 16/);
  });

  test('multiplySelf post-multiplies and preMultiplySelf pre-multiplies, as DOMMatrix does', () => {
    const m = [1, 2, 3, 4, 5, 6];
    const n = [7, 8, 9, 10, 11, 12];
    // [1 3 5; 2 4 6] × [7 9 11; 8 10 12] worked by hand: a = 1·7+3·8, b = 2·7+4·8, … e = 1·11+3·12+5.
    assert.deepEqual(entries(new AffineMatrix(m).multiplySelf(new AffineMatrix(n))), [31, 46, 39, 58, 52, 76]);
    assert.deepEqual(entries(new AffineMatrix(n).preMultiplySelf(new AffineMatrix(m))), [31, 46, 39, 58, 52, 76]);
    // A partial matrix is the identity elsewhere.
    assert.deepEqual(entries(new AffineMatrix(m).multiply({ e: 1 })), [1, 2, 3, 4, 6, 8]);
  });

  test('scaleSelf then translateSelf maps a glyph box as pdfjs expects (y flipped into [0, 1])', () => {
    const { a, b, c, d, e, f } = new AffineMatrix().scaleSelf(1 / 8, -1 / 4).translateSelf(0, -4);
    assertClose([a, b, c, d, e, f], [1 / 8, 0, 0, -1 / 4, 0, 1]);
    const m = new AffineMatrix().scaleSelf(1 / 8, -1 / 4).translateSelf(0, -4);
    assert.deepEqual(m.transformPoint({ x: 8, y: 0 }), { x: 1, y: 1, z: 0, w: 1 });
    assert.deepEqual(m.transformPoint({ x: 0, y: 4 }), { x: 0, y: 0, z: 0, w: 1 });
  });

  test('scaling about an origin leaves the origin where it is', () => {
    const p = new AffineMatrix().scale(3, 2, 1, 10, 20).transformPoint({ x: 10, y: 20 });
    assert.deepEqual([p.x, p.y], [10, 20]);
  });

  test('a matrix times its inverse is the identity; a singular one inverts to NaN', () => {
    const m = new AffineMatrix([2, 1, -1, 3, 5, -7]);
    assertClose(entries(m.multiply(m.inverse())), [1, 0, 0, 1, 0, 0]);
    assertClose(entries(m.inverse().multiply(m)), [1, 0, 0, 1, 0, 0]);
    assert.ok(entries(new AffineMatrix([1, 2, 2, 4, 0, 0]).invertSelf()).every(Number.isNaN));
  });

  test('the copying methods leave the matrix alone', () => {
    const m = new AffineMatrix([1, 2, 3, 4, 5, 6]);
    m.translate(1, 1);
    m.scale(2);
    m.multiply({ a: 2 });
    m.inverse();
    assert.deepEqual(entries(m), [1, 2, 3, 4, 5, 6]);
  });

  test('provideDomMatrix installs it only where there is no DOMMatrix', () => {
    const scope = globalThis as { DOMMatrix?: unknown };
    const before = scope.DOMMatrix;
    try {
      delete scope.DOMMatrix;
      provideDomMatrix();
      assert.equal(scope.DOMMatrix, AffineMatrix);
      class Other {}
      scope.DOMMatrix = Other;
      provideDomMatrix();
      assert.equal(scope.DOMMatrix, Other);
    } finally {
      if (before === undefined) delete scope.DOMMatrix;
      else scope.DOMMatrix = before;
    }
  });
});
