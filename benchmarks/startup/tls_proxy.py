#!/usr/bin/env python3
"""A TLS front for the dev server on loopback: the action's TLS path end to end, private CA included.

  tls_proxy.py --cert server.pem --key server.key --port 0 --backend http://127.0.0.1:PORT [--events F]
  tls_proxy.py --plain --backend http://127.0.0.1:PORT [--events F]

Terminates HTTPS with the given certificate (or, with --plain, serves HTTP) and forwards each request
(method, path, headers, body) to the backend over plain HTTP; prints the port it listens on as its first
line. With --events, appends one JSON line per request: wall-clock time when its head was read and when
the response was sent, method, path (no query), status. Loopback only. Used by container-proof.sh
(step 6, with a throw-away CA made by openssl) and phases.py (request timeline).
"""
import json
import threading
import time
import argparse
import http.client
import http.server
import ssl
import sys
import urllib.parse

HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection", "host"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cert")
    ap.add_argument("--key")
    ap.add_argument("--plain", action="store_true", help="HTTP, no TLS")
    ap.add_argument("--events", help="append a JSON line per request to this file")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--backend", required=True)
    a = ap.parse_args()
    backend = urllib.parse.urlsplit(a.backend)
    if backend.hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("tls_proxy: the backend must be on loopback")
    if not a.plain and not (a.cert and a.key):
        sys.exit("tls_proxy: --cert and --key, or --plain")
    events = open(a.events, "a") if a.events else None
    lock = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def forward(self):
            t_in = time.time()
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            conn = http.client.HTTPConnection(backend.hostname, backend.port, timeout=30)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP}
            conn.request(self.command, self.path, body=body, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
            self.send_response(resp.status, resp.reason)
            for k, v in resp.getheaders():
                if k.lower() not in HOP and k.lower() != "content-length":
                    self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            self.wfile.flush()
            conn.close()
            if events:
                with lock:
                    events.write(json.dumps({"t_in": t_in, "t_out": time.time(), "method": self.command,
                                             "path": self.path.split("?")[0], "status": resp.status}) + "\n")
                    events.flush()

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = forward

        def log_message(self, fmt, *args):
            sys.stderr.write("tls_proxy: " + (fmt % args) + "\n")

    server = http.server.ThreadingHTTPServer(("127.0.0.1", a.port), Handler)
    if not a.plain:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(a.cert, a.key)
        server.socket = ctx.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
