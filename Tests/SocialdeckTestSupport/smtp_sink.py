"""A local SMTP server for the notification email tests (aiosmtpd).

Usage: smtp_sink.py OUTPUT [CERT KEY]
Listens on 127.0.0.1 (a free port, printed on the first line of stdout). With CERT and
KEY it offers STARTTLS and refuses mail before it. A recipient whose address starts
with "refuse" gets 550; every accepted message is appended to OUTPUT as one JSON line
(from, to, data, tls).
"""
import asyncio
import json
import socket
import ssl
import sys
import threading

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, output):
        self.output = output
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("refuse"):
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        record = {
            "from": envelope.mail_from,
            "to": envelope.rcpt_tos,
            "data": envelope.content.decode("utf-8", "replace"),
            "tls": session.ssl is not None,
        }
        with self.lock, open(self.output, "a", encoding="utf-8") as f:
            f.write(json.dumps(record) + "\n")
        return "250 Message accepted"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    output = sys.argv[1]
    options = {}
    if len(sys.argv) >= 4:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(sys.argv[2], sys.argv[3])
        options = {"tls_context": context, "require_starttls": True}
    port = free_port()
    controller = Controller(Sink(output), hostname="127.0.0.1", port=port, **options)
    controller.start()
    print(port, flush=True)
    try:
        threading.Event().wait()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
