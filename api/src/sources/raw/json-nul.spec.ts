import { containsNulCharacter } from './json-nul';

describe('containsNulCharacter', () => {
  it('finds a NUL in a value or a key at any depth', () => {
    expect(containsNulCharacter(JSON.parse('{"a": [{"b": "x\\u0000y"}]}'))).toBe(true);
    expect(containsNulCharacter(JSON.parse('{"k\\u0000": 1}'))).toBe(true);
  });

  it('does not mistake an escaped backslash followed by u0000 for a NUL', () => {
    expect(containsNulCharacter(JSON.parse('{"a": "\\\\u0000"}'))).toBe(false);
    expect(containsNulCharacter({ a: [1, null, true, 'plain'] })).toBe(false);
  });
});
