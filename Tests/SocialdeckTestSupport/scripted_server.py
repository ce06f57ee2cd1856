"""What socialdeck's fake servers share: a threaded HTTP server on 127.0.0.1 that logs
every request (GET /_control/log), takes scripted answers for the next requests whose
path contains `match` (POST /_control/script), and prints its port on stdout's first line.
A fake subclasses ScriptedHandler and says how to answer in `respond`."""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
script = []
log = []


class ScriptedHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.handle_request()

    def do_POST(self):
        self.handle_request()

    def answer(self, status, body, headers=None):
        if body is None:
            data = b""
        elif isinstance(body, bytes):
            data = body
        else:
            data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def control(self, body):
        """Extra /_control/ endpoints of a fake; None when it has none by that name."""
        return None

    def handle_request(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        if self.path.startswith("/_control/"):
            with lock:
                if self.path == "/_control/script":
                    script.extend(json.loads(body))
                    return self.answer(200, {"queued": len(script)})
                if self.path == "/_control/log":
                    return self.answer(200, list(log))
                extra = self.control(body)
            return self.answer(*extra) if extra else self.answer(404, None)
        with lock:
            log.append({"method": self.command, "path": self.path, "headers": dict(self.headers.items()), "body": body})
            entry = next((e for e in script if e.get("match", "") in self.path), None)
            if entry is not None:
                script.remove(entry)
        self.respond(entry, body)

    def respond(self, entry, body):
        raise NotImplementedError


def serve(handler):
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    server.serve_forever()
