"""A fake of two LLM APIs on 127.0.0.1, for socialdeck's tests: OpenAI-compatible Chat
Completions (POST /v1/chat/completions) and Anthropic Messages (POST /v1/messages).

Every request is logged (GET /_control/log returns them). POST /_control/script queues
answers for the next requests whose path contains `match`: the model's text
(`content`), or a raw `status`/`body`/`headers`, a `delay` before answering, and the
`usage` to report. Unscripted requests get `default_content`, settable with
POST /_control/default. Prints its port on the first line of stdout."""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
script = []
log = []
default = {"content": "{}"}


def words(text):
    return max(1, len(text.split()))


def completion(path, request, content, usage):
    """The API's success shape around the model's text, with token counts."""
    prompt = " ".join(str(m.get("content", "")) for m in request.get("messages", [])) + " " + str(request.get("system", ""))
    prompt_tokens = usage.get("prompt", words(prompt)) if usage else words(prompt)
    completion_tokens = usage.get("completion", words(content)) if usage else words(content)
    if path.endswith("/messages"):
        return {"id": "msg_fake", "type": "message", "role": "assistant", "model": request.get("model", ""),
                "content": [{"type": "text", "text": content}], "stop_reason": "end_turn",
                "usage": {"input_tokens": prompt_tokens, "output_tokens": completion_tokens}}
    return {"id": "chatcmpl-fake", "object": "chat.completion", "model": request.get("model", ""),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                      "total_tokens": prompt_tokens + completion_tokens}}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.handle_request()

    def do_POST(self):
        self.handle_request()

    def answer(self, status, body, headers=None):
        data = body if isinstance(body, bytes) else (body.encode() if isinstance(body, str) else json.dumps(body).encode())
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def handle_request(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        if self.path.startswith("/_control/"):
            with lock:
                if self.path == "/_control/script":
                    script.extend(json.loads(raw))
                    return self.answer(200, {"queued": len(script)})
                if self.path == "/_control/default":
                    default.update(json.loads(raw))
                    return self.answer(200, {})
                if self.path == "/_control/log":
                    return self.answer(200, list(log))
            return self.answer(404, {})
        try:
            request = json.loads(raw) if raw else {}
        except ValueError:
            return self.answer(400, {"error": {"message": "the body is not JSON"}})
        with lock:
            log.append({"method": self.command, "path": self.path, "headers": dict(self.headers.items()), "body": raw})
            entry = next((e for e in script if e.get("match", "") in self.path), None)
            if entry is not None:
                script.remove(entry)
            fallback = dict(default)
        if not (self.path.endswith("/chat/completions") or self.path.endswith("/messages")):
            return self.answer(404, {"error": {"message": "no such endpoint: " + self.path}})
        entry = entry or fallback
        if entry.get("delay"):
            time.sleep(entry["delay"])
        if "status" in entry:
            return self.answer(entry["status"], entry.get("body", {"error": {"message": "scripted failure"}}), entry.get("headers"))
        self.answer(200, completion(self.path, request, entry.get("content", "{}"), entry.get("usage")), entry.get("headers"))


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
