/**
 * Tries links to other sites, for the nightly scan (AppContext.linkProbe): a HEAD request, then GET
 * for servers that refuse HEAD, following redirects, with a time limit. A link is dead when the
 * server answers 404/410 or any status ≥ 400 after the GET, or cannot be reached. The scan tries
 * each address once per run (inspection/findings.ts).
 */
export function httpLinkProbe({ timeoutMs = 8000 }: { timeoutMs?: number } = {}): (
  url: string,
) => Promise<string | null> {
  const attempt = async (url: string, method: 'HEAD' | 'GET'): Promise<number> => {
    const response = await fetch(url, {
      method,
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'user-agent': 'xxgk-link-check/1.0' },
    });
    await response.body?.cancel();
    return response.status;
  };
  const probe = async (url: string): Promise<string | null> => {
    try {
      let status = await attempt(url, 'HEAD');
      if (status >= 400 && status !== 404 && status !== 410) {
        status = await attempt(url, 'GET');
      }
      return status >= 400 ? `HTTP ${status}` : null;
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      return name === 'TimeoutError' ? `${Math.round(timeoutMs / 1000)} 秒内无响应` : '无法连接';
    }
  };
  return probe;
}
