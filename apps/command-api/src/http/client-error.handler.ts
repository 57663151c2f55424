import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import { problem, PROBLEM_CONTENT_TYPE } from '@app/shared/nest';

/**
 * Requests Node's HTTP parser rejects before Fastify sees them (headers too large, malformed request lines) are
 * answered here, on the raw socket, still as RFC 9457 problems: no client input may get a reply of another shape.
 */
export function problemClientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy(error);
    return;
  }
  const details =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? problem(431, 'HEADERS_TOO_LARGE', '请求头过大')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? problem(408, 'REQUEST_TIMEOUT', '请求超时')
        : problem(400, 'MALFORMED_REQUEST', '请求格式错误');
  const body = JSON.stringify(details);
  socket.end(
    `HTTP/1.1 ${details.status} ${STATUS_CODES[details.status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
