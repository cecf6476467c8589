import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { httpLinkProbe } from './link-probe.ts';

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    switch (request.url) {
      case '/ok':
        response.writeHead(200).end('ok');
        return;
      case '/moved':
        response.writeHead(301, { location: '/ok' }).end();
        return;
      case '/no-head':
        response.writeHead(request.method === 'HEAD' ? 405 : 200).end();
        return;
      case '/slow':
        setTimeout(() => response.writeHead(200).end(), 3000);
        return;
      default:
        response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

it('tells a working link from a dead one: status, redirects, servers refusing HEAD, no answer, no server', async () => {
  const probe = httpLinkProbe({ timeoutMs: 1000 });
  expect(await probe(`${base}/ok`)).toBeNull();
  expect(await probe(`${base}/moved`)).toBeNull();
  expect(await probe(`${base}/no-head`)).toBeNull();
  expect(await probe(`${base}/gone`)).toBe('HTTP 404');
  expect(await probe(`${base}/slow`)).toBe('1 秒内无响应');
  expect(await probe('http://127.0.0.1:9/nothing')).toBe('无法连接');
});
