/**
 * Test guard: no test may open a connection to anything but this machine. Every TCP connection
 * (fetch, undici, ws, discord.js, Bolt) goes through net.Socket#connect, so it is checked there.
 */
import { isIP, Socket } from "node:net";

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function isLoopback(host: string | undefined): boolean {
  if (!host) return true; // Node defaults to localhost
  if (LOOPBACK_NAMES.has(host)) return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  if (isIP(host) === 6)
    return host === "::1" || host === "0:0:0:0:0:0:0:1" || host.startsWith("::ffff:127.");
  return false;
}

const originalConnect = Socket.prototype.connect;
Socket.prototype.connect = function guardedConnect(this: Socket, ...args: unknown[]) {
  const [first, second] = args;
  let host: string | undefined;
  if (typeof first === "object" && first !== null && !Array.isArray(first)) {
    const options = first as { host?: string; path?: string };
    if (options.path === undefined) host = options.host;
  } else if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    host = typeof second === "string" ? second : undefined;
  }
  if (!isLoopback(host)) {
    throw new Error(
      `loopback-only: tests may not connect to ${host}; point the client at a local fake`,
    );
  }
  return (originalConnect as (...a: unknown[]) => Socket).apply(this, args);
} as typeof Socket.prototype.connect;
