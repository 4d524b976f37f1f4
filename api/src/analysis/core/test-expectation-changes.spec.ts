import { defaultAnalysisConfig as config } from './analysis-config';
import { readTestExpectationChanges, touchesTestFiles } from './test-expectation-changes';

const globs = config.testFileGlobs;

const changedJestExpectation = `diff --git a/src/billing/vat.ts b/src/billing/vat.ts
--- a/src/billing/vat.ts
+++ b/src/billing/vat.ts
@@ -10,1 +10,1 @@ export function vat(amount: number) {
-  return Math.round(amount * 0.2);
+  return Math.round(amount * 0.2 * 100) / 100;
diff --git a/src/billing/vat.spec.ts b/src/billing/vat.spec.ts
--- a/src/billing/vat.spec.ts
+++ b/src/billing/vat.spec.ts
@@ -5,3 +5,3 @@ describe('vat', () => {
   it('rounds', () => {
-    expect(vat(10.05)).toBe(2);
+    expect(vat(10.05)).toBe(2.01);
   });
`;

const addsTestOnly = `diff --git a/src/cart/total.ts b/src/cart/total.ts
--- a/src/cart/total.ts
+++ b/src/cart/total.ts
@@ -3,0 +4,1 @@
+  if (items.length === 0) return 0;
diff --git a/src/cart/total.test.ts b/src/cart/total.test.ts
--- a/src/cart/total.test.ts
+++ b/src/cart/total.test.ts
@@ -20,0 +21,3 @@
+test('empty cart totals zero', () => {
+  expect(total([])).toEqual(0);
+});
`;

const goTableTest = `diff --git a/pkg/slots/slots_test.go b/pkg/slots/slots_test.go
--- a/pkg/slots/slots_test.go
+++ b/pkg/slots/slots_test.go
@@ -14,2 +14,2 @@ func TestNextSlot(t *testing.T) {
-		{name: "sunday", day: time.Sunday, want: "monday"},
+		{name: "sunday", day: time.Sunday, want: "tuesday"},
`;

const pythonAndSnapshot = `diff --git a/tests/test_report.py b/tests/test_report.py
--- a/tests/test_report.py
+++ b/tests/test_report.py
@@ -30,1 +30,0 @@
-    assert report.total == Decimal("10.00")
diff --git a/web/__snapshots__/header.test.tsx.snap b/web/__snapshots__/header.test.tsx.snap
--- a/web/__snapshots__/header.test.tsx.snap
+++ b/web/__snapshots__/header.test.tsx.snap
@@ -3,1 +3,1 @@
-  <h1>Invoices</h1>
+  <h1>Billing</h1>
`;

const reindentOnly = `--- a/spec/models/order_spec.rb
+++ b/spec/models/order_spec.rb
@@ -8,1 +8,1 @@
-    expect(order.total).to eq(10)
+      expect(order.total).to eq(10)
`;

describe('readTestExpectationChanges', () => {
  it.each<[string, string, { rewrites: boolean; addsOnly: boolean; changed: number }]>([
    [
      'a changed Jest expectation',
      changedJestExpectation,
      { rewrites: true, addsOnly: false, changed: 1 },
    ],
    [
      'a new test for an untested path',
      addsTestOnly,
      { rewrites: false, addsOnly: true, changed: 0 },
    ],
    [
      'a changed expected value in a Go table test',
      goTableTest,
      { rewrites: true, addsOnly: false, changed: 1 },
    ],
    [
      'a deleted pytest assertion and a rewritten snapshot',
      pythonAndSnapshot,
      { rewrites: true, addsOnly: false, changed: 2 },
    ],
    [
      'a re-indented RSpec line in plain diff -u output',
      reindentOnly,
      { rewrites: false, addsOnly: false, changed: 0 },
    ],
  ])('%s', (_name, diff, expected) => {
    const reading = readTestExpectationChanges(diff, globs);
    expect(reading.rewritesExpectations).toBe(expected.rewrites);
    expect(reading.addsTestsOnly).toBe(expected.addsOnly);
    expect(reading.changedAssertions).toHaveLength(expected.changed);
  });

  it('names the file, line and removed assertion', () => {
    expect(readTestExpectationChanges(changedJestExpectation, globs).changedAssertions).toEqual([
      { file: 'src/billing/vat.spec.ts', line: 6, removed: 'expect(vat(10.05)).toBe(2);' },
    ]);
  });

  it('ignores assertion-looking lines outside test files', () => {
    const diff = `diff --git a/src/guard.ts b/src/guard.ts
--- a/src/guard.ts
+++ b/src/guard.ts
@@ -1,1 +1,1 @@
-  assert(user != null)
+  assert(user !== null)
`;
    expect(readTestExpectationChanges(diff, globs)).toMatchObject({
      rewritesExpectations: false,
      testFilesTouched: [],
    });
  });
});

describe('touchesTestFiles', () => {
  it('answers yes for a test file or a snapshot, the files a reading looks at', () => {
    expect(touchesTestFiles(['src/cart.ts', 'src/cart.test.ts'], globs)).toBe(true);
    expect(touchesTestFiles(['src/__snapshots__/cart.tsx.snap'], globs)).toBe(true);
  });

  it('answers no for source files alone, whose reading is empty', () => {
    const paths = ['src/cart.ts', 'README.md'];
    expect(touchesTestFiles(paths, globs)).toBe(false);
    const diff = [
      'diff --git a/src/cart.ts b/src/cart.ts',
      '--- a/src/cart.ts',
      '+++ b/src/cart.ts',
      '@@ -1 +1 @@',
      '-expect(total).toBe(1);',
      '+expect(total).toBe(2);',
      '',
    ].join('\n');
    expect(readTestExpectationChanges(diff, globs).testFilesTouched).toEqual([]);
  });
});
