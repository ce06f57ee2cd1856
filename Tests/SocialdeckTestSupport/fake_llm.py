"""A fake of two LLM APIs on 127.0.0.1, for socialdeck's tests: OpenAI-compatible Chat
Completions (POST /v1/chat/completions), Embeddings (POST /v1/embeddings: each text's
words hashed into 64 dimensions, so texts sharing words point the same way) and Images
(POST /v1/images/generations: a 1×1 PNG), and Anthropic Messages (POST /v1/messages).

Scripted answers (see scripted_server.py) give the model's text (`content`) and the
`usage` to report, or a raw `status`/`body`/`headers`, and a `delay` before answering.
Unscripted requests get the default content, settable with POST /_control/default."""
import base64
import hashlib
import json
import math
import re
import time

from scripted_server import ScriptedHandler, lock, serve

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


# A 1×1 PNG, what the images endpoint hands back as base64.
PIXEL = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db0000000"
    "0049454e44ae426082")).decode()


def embedding(text):
    vector = [0.0] * 64
    for word in re.findall(r"\w+", text.lower()):
        vector[int(hashlib.md5(word.encode()).hexdigest(), 16) % 64] += 1.0
    norm = math.sqrt(sum(v * v for v in vector)) or 1.0
    return [v / norm for v in vector]


class Handler(ScriptedHandler):
    def control(self, body):
        if self.path == "/_control/default":
            default.update(json.loads(body))
            return 200, {}
        return None

    def respond(self, entry, body):
        try:
            request = json.loads(body) if body else {}
        except ValueError:
            return self.answer(400, {"error": {"message": "the body is not JSON"}})
        if self.path.endswith("/embeddings") and "status" not in (entry or {}):
            texts = request.get("input", [])
            texts = [texts] if isinstance(texts, str) else texts
            return self.answer(200, {"object": "list", "model": request.get("model", ""),
                                     "data": [{"object": "embedding", "index": i, "embedding": embedding(t)} for i, t in enumerate(texts)],
                                     "usage": {"prompt_tokens": sum(words(t) for t in texts), "total_tokens": sum(words(t) for t in texts)}})
        if self.path.endswith("/images/generations") and "status" not in (entry or {}):
            return self.answer(200, {"created": int(time.time()), "data": [{"b64_json": PIXEL}]})
        if not any(self.path.endswith(p) for p in ("/chat/completions", "/messages", "/embeddings", "/images/generations")):
            return self.answer(404, {"error": {"message": "no such endpoint: " + self.path}})
        with lock:
            entry = entry or dict(default)
        if entry.get("delay"):
            time.sleep(entry["delay"])
        if "status" in entry:
            return self.answer(entry["status"], entry.get("body", {"error": {"message": "scripted failure"}}), entry.get("headers"))
        self.answer(200, completion(self.path, request, entry.get("content", "{}"), entry.get("usage")), entry.get("headers"))


serve(Handler)
