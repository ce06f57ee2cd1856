"""A fake of the five platforms' publishing APIs on 127.0.0.1, for socialdeck's tests.

Every request is logged (GET /_control/log returns them). By default each endpoint
answers as its platform does on success; POST /_control/script queues answers for the
next requests whose path contains `match`: a status, body and headers, a delay before
answering, or a connection reset. Prints its port on the first line of stdout."""
import json
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
script = []
log = []


def default(path):
    """What the platform answers on success: (status, body, headers)."""
    if path.endswith("/feed") or path.endswith("/photos"):
        page = path.split("/")[-2]
        return 200, {"id": page + "_1001"}, {}
    if path.endswith("/media"):
        return 200, {"id": "17890001"}, {}
    if "/17890001?fields=status_code" in path:
        return 200, {"status_code": "FINISHED", "id": "17890001"}, {}
    if path.endswith("/media_publish"):
        return 200, {"id": "17900002"}, {}
    if "/17900002?fields=permalink" in path:
        return 200, {"permalink": "https://www.instagram.com/p/FAKE123/", "id": "17900002"}, {}
    if path == "/2/tweets":
        return 201, {"data": {"id": "1790000000000000001", "text": "…"}}, {}
    if path == "/rest/posts":
        return 201, None, {"x-restli-id": "urn:li:share:7000000000000000001"}
    if path in ("/v2/post/publish/video/init/", "/v2/post/publish/content/init/"):
        return 200, {"data": {"publish_id": "v_pub_url~v2.1"}, "error": {"code": "ok", "message": ""}}, {}
    if path == "/v2/post/publish/status/fetch/":
        return 200, {"data": {"status": "PUBLISH_COMPLETE", "publicaly_available_post_id": [7300000000000000001]},
                     "error": {"code": "ok", "message": ""}}, {}
    return 404, {"error": {"message": "no such endpoint: " + path}}, {}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.handle_request()

    def do_POST(self):
        self.handle_request()

    def answer(self, status, body, headers):
        data = b"" if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def handle_request(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        if self.path.startswith("/_control/"):
            with lock:
                if self.path == "/_control/script":
                    script.extend(json.loads(body))
                    return self.answer(200, {"queued": len(script)}, {})
                if self.path == "/_control/log":
                    return self.answer(200, list(log), {})
            return self.answer(404, None, {})
        with lock:
            log.append({"method": self.command, "path": self.path, "headers": dict(self.headers.items()), "body": body})
            entry = next((e for e in script if e.get("match", "") in self.path), None)
            if entry is not None:
                script.remove(entry)
        if entry is None:
            return self.answer(*default(self.path))
        if entry.get("delay"):
            time.sleep(entry["delay"])
        if entry.get("reset"):
            # SO_LINGER 0: close with a TCP reset, as a crashed proxy does.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        status, default_body, default_headers = default(self.path)
        self.answer(entry.get("status", status), entry.get("body", default_body), entry.get("headers", default_headers))


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
