import { isCrossOriginWrite } from './cross-origin';

const request = (overrides: Partial<Parameters<typeof isCrossOriginWrite>[0]>) => ({
  method: 'POST',
  host: 'radar.acme.test',
  secFetchSite: undefined,
  origin: undefined,
  ...overrides,
});

describe('cross-origin write check', () => {
  it('refuses a form posted from another site', () => {
    expect(isCrossOriginWrite(request({ secFetchSite: 'cross-site' }))).toBe(true);
    expect(isCrossOriginWrite(request({ secFetchSite: 'same-site' }))).toBe(true);
  });

  it('refuses an Origin of another host when the browser sends no fetch metadata', () => {
    expect(isCrossOriginWrite(request({ origin: 'https://evil.test' }))).toBe(true);
    expect(isCrossOriginWrite(request({ origin: 'null' }))).toBe(true);
  });

  it('lets the app itself and non-browser clients write', () => {
    expect(isCrossOriginWrite(request({ secFetchSite: 'same-origin' }))).toBe(false);
    expect(isCrossOriginWrite(request({ origin: 'https://radar.acme.test' }))).toBe(false);
    expect(isCrossOriginWrite(request({}))).toBe(false);
  });

  it('never refuses reads', () => {
    expect(isCrossOriginWrite(request({ method: 'GET', secFetchSite: 'cross-site' }))).toBe(false);
  });
});
