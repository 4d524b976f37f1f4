import { csvField, toCsv } from './csv';

describe('CSV (RFC 4180)', () => {
  it('quotes fields with commas, quotes and line breaks, and leaves others bare', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.25)).toBe('0.25');
  });

  it('writes a header and CRLF-terminated rows', () => {
    expect(
      toCsv(
        ['id', 'note'],
        [
          ['1', 'x,y'],
          ['2', null],
        ],
      ),
    ).toBe('id,note\r\n1,"x,y"\r\n2,\r\n');
  });
});
