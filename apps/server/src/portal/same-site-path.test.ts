import { describe, expect, it } from 'vitest';
import { sameSitePath } from './same-site-path.ts';

describe('sameSitePath', () => {
  it('keeps a path of this site, normalised', () => {
    expect(sameSitePath('/items/66?x=1#top')).toBe('/items/66?x=1#top');
    expect(sameSitePath('/agencies/3/../4')).toBe('/agencies/4');
    expect(sameSitePath('/搜索?q=预算')).toBe('/%E6%90%9C%E7%B4%A2?q=%E9%A2%84%E7%AE%97');
  });

  it.each([
    '/\t/evil.example/phish',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '/ /evil.example',
    '/\u202e/evil.example',
    '/\u0000/evil.example',
    '',
    undefined,
  ])('sends %j home instead', (target) => {
    expect(sameSitePath(target)).toBe('/');
  });
});
