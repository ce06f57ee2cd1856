"""A fake of the five platforms' publishing APIs on 127.0.0.1, for socialdeck's tests.

By default each endpoint answers as its platform does on success; scripted answers
(see scripted_server.py) give a status, body and headers, a delay before answering, or a
connection reset.

It is also the platforms' OAuth 2.0 server: /oauth/authorize sends the browser straight
back to the redirect with a code (as if the person agreed), /oauth/token checks the PKCE
verifier against the challenge and issues tokens, refresh tokens are single-use (as X's
and TikTok's are), and each platform's "who am I" endpoint names an account."""
import base64
import hashlib
import socket
import struct
import time
from urllib.parse import parse_qs, urlencode, urlsplit

from scripted_server import ScriptedHandler, lock, serve

codes = {}
refresh_tokens = set()
access_tokens = set()
issued = [0]


def form(text):
    return {k: v[0] for k, v in parse_qs(text, keep_blank_values=True).items()}


def new_tokens(with_refresh=True, lifetime=7200):
    issued[0] += 1
    n = issued[0]
    access_tokens.add("at-%d" % n)
    answer = {"access_token": "at-%d" % n, "token_type": "bearer", "expires_in": lifetime}
    if with_refresh:
        refresh_tokens.add("rt-%d" % n)
        answer["refresh_token"] = "rt-%d" % n
    return answer


def authorize(query):
    """As if the person agreed: back to the redirect with a code and the state."""
    q = form(query)
    client = q.get("client_id") or q.get("client_key")
    if q.get("response_type") != "code" or not client or q.get("code_challenge_method") != "S256" \
            or not q.get("code_challenge") or not q.get("redirect_uri", "").startswith("http://127.0.0.1:"):
        return 400, {"error": "invalid_request", "error_description": "bad authorization request"}, {}
    if q.get("scope", "") == "deny":
        return 302, None, {"Location": q["redirect_uri"] + "?" + urlencode({"error": "access_denied", "state": q.get("state", ""),
                                                                             "error_description": "The user denied access"})}
    code = "code-%d" % (len(codes) + 1)
    codes[code] = q
    return 302, None, {"Location": q["redirect_uri"] + "?" + urlencode({"code": code, "state": q.get("state", "")})}


def token(body, headers):
    f = form(body)
    grant = f.get("grant_type")
    if grant == "authorization_code":
        asked = codes.pop(f.get("code", ""), None)
        verifier = f.get("code_verifier", "").encode()
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier).digest()).rstrip(b"=").decode()
        if asked is None or asked["redirect_uri"] != f.get("redirect_uri") or asked["code_challenge"] != challenge:
            return 400, {"error": "invalid_grant", "error_description": "code, redirect or verifier does not match"}, {}
        answer = new_tokens()
        answer["open_id"] = "tt-open-1"
        return 200, answer, {}
    if grant == "refresh_token":
        spent = f.get("refresh_token", "")
        if spent not in refresh_tokens:
            return 400, {"error": "invalid_grant", "error_description": "Value passed for the token was invalid."}, {}
        refresh_tokens.discard(spent)
        return 200, new_tokens(), {}
    if grant == "fb_exchange_token":
        if not f.get("client_secret") or f.get("fb_exchange_token") not in access_tokens:
            return 400, {"error": {"message": "Invalid OAuth access token.", "code": 190}}, {}
        return 200, new_tokens(with_refresh=False, lifetime=5184000), {}
    return 400, {"error": "unsupported_grant_type"}, {}


def default(path):
    """What the platform answers on success: (status, body, headers)."""
    if path == "/2/users/me":
        return 200, {"data": {"id": "2244994945", "username": "acmecoffee", "name": "Acme Coffee"}}, {}
    if path == "/v2/userinfo":
        return 200, {"sub": "782bbtaQ", "name": "Rosa Brandt"}, {}
    if path.startswith("/v2/user/info/"):
        return 200, {"data": {"user": {"open_id": "tt-open-1", "display_name": "acmecoffee"}}, "error": {"code": "ok"}}, {}
    if path.startswith("/graph/me/accounts?fields=id"):
        return 200, {"data": [{"id": "1111", "name": "Acme Coffee", "access_token": "page-tok-1111"},
                              {"id": "2222", "name": "Acme Events", "access_token": "page-tok-2222"}]}, {}
    if path.startswith("/graph/me/accounts?fields=instagram_business_account"):
        return 200, {"data": [{"id": "1111", "instagram_business_account": {"id": "17841400001", "username": "acmecoffee"}},
                              {"id": "2222"}]}, {}
    if path.endswith("/feed") or path.endswith("/photos"):
        page = path.split("/")[-2]
        return 200, {"id": page + "_1001"}, {}
    if "/comments?fields=" in path:
        post = path.split("/")[-2]
        if "username" in path:
            return 200, {"data": [{"id": post + "_c1", "username": "lou.makes", "text": "Love the new blend", "timestamp": "2026-11-28T12:00:00+0000"}]}, {}
        return 200, {"data": [{"id": post + "_c1", "from": {"name": "Dana K", "id": "77"}, "message": "Mine arrived cold. Disappointed.",
                               "created_time": "2026-11-28T10:00:00+0000"}]}, {}
    if path.startswith("/2/users/") and "/mentions" in path:
        return 200, {"data": [{"id": "1800000000000000001", "text": "@acmecoffee do you ship to Vienna?", "author_id": "42",
                               "created_at": "2026-11-28T11:00:00.000Z"}],
                     "includes": {"users": [{"id": "42", "username": "sam_reads", "name": "Sam"}]}}, {}
    if path.endswith("/comments") or path.endswith("/replies"):
        return 200, {"id": path.split("/")[-2] + "_reply1"}, {}
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


class Handler(ScriptedHandler):
    def success(self, body):
        with lock:
            if self.path.startswith("/oauth/authorize"):
                return authorize(urlsplit(self.path).query)
            if self.path == "/oauth/token":
                return token(body, self.headers)
        return default(self.path)

    def respond(self, entry, body):
        if entry is None:
            return self.answer(*self.success(body))
        if entry.get("delay"):
            time.sleep(entry["delay"])
        if entry.get("reset"):
            # SO_LINGER 0: close with a TCP reset, as a crashed proxy does.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        status, default_body, default_headers = self.success(body) if "status" not in entry else default(self.path)
        self.answer(entry.get("status", status), entry.get("body", default_body), entry.get("headers", default_headers))


serve(Handler)
