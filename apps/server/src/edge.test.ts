import { describeDialects } from '@xxgk/db/testing';
import { expect, it } from 'vitest';
import { httpTest } from './testing.ts';

describeDialects('HTTP: the portal answers the same to everyone', (database) => {
  it('builds absolute links from the configured address, never from a Host header (issue 18 §4)', async () => {
    const { app } = await httpTest(database());
    const home = await app.inject({ method: 'GET', url: '/' });
    const feed = /href="(\/agencies\/\d+\/columns\/\d+\/feed\.atom)"/u.exec(home.body)?.[1];
    const agencyPage = await app.inject({
      method: 'GET',
      url: /href="(\/agencies\/\d+)"/u.exec(home.body)?.[1] ?? '/',
    });
    const column = /href="(\/agencies\/\d+\/columns\/\d+)"/u.exec(agencyPage.body)?.[1];
    const urls = ['/sitemap.xml', '/open/reports.json', feed ?? (column === undefined ? '' : `${column}/feed.atom`)];
    expect(urls[2]).not.toBe('');
    for (const url of urls) {
      const poisoned = await app.inject({ method: 'GET', url, headers: { host: 'evil.example' } });
      expect(poisoned.statusCode, url).toBe(200);
      expect(poisoned.body, url).not.toContain('evil.example');
      if (url !== '/open/reports.json' || poisoned.body.includes('http')) {
        expect(poisoned.body, url).toContain('http://127.0.0.1:3000/');
      }
      // and what is cached for the next reader is clean too
      const next = await app.inject({ method: 'GET', url });
      expect(next.body, url).not.toContain('evil.example');
    }
  });

  it('sends /view back only to a path of this site (issue 18 §5)', async () => {
    const { app } = await httpTest(database());
    for (const back of ['/%09/evil.example/phish', '/%0a/evil.example', '//evil.example', '/%5Cevil.example']) {
      const response = await app.inject({ method: 'GET', url: `/view?large=1&back=${back}` });
      expect(response.statusCode, back).toBe(303);
      expect(response.headers['location'], back).toBe('/');
    }
    const fine = await app.inject({ method: 'GET', url: `/view?large=1&back=${encodeURIComponent('/search?q=预算')}` });
    expect(fine.headers['location']).toBe('/search?q=%E9%A2%84%E7%AE%97');
  });
});
