import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

const refusal = (status: number, code: string, zh: string, en: string) =>
  JSON.stringify({ errors: [{ message: `${zh} (${en})`, extensions: { code, messageZh: zh, messageEn: en } }] });

/**
 * Refuses a POST whose body is larger than `maxBytes` (HTTP 413) before any of it is read, and a POST
 * without Content-Length (HTTP 411), so a streamed body cannot slip past the limit.
 */
export function bodySizeLimit(maxBytes: number): GatewayPlugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      const header = request.headers.get('content-length');
      const length = header === null ? NaN : Number(header);
      const answer = (status: number, body: string) =>
        endResponse(new fetchAPI.Response(body, { status, headers: { 'content-type': 'application/json' } }));
      if (header === null) {
        answer(411, refusal(411, 'BAD_REQUEST', '请求须带 Content-Length 头', 'Send a Content-Length header'));
      } else if (!Number.isFinite(length) || length > maxBytes) {
        answer(
          413,
          refusal(
            413,
            'PAYLOAD_TOO_LARGE',
            `请求体超过 ${maxBytes} 字节上限`,
            `The request body is larger than the ${maxBytes}-byte limit`,
          ),
        );
      }
    },
  } as GatewayPlugin;
}
