#!/usr/bin/env python3
"""`addio dunning --send` and `addio alerts --deliver` against real servers on loopback
(DESIGN.md section 12): an SMTP server (Debian's python3-aiosmtpd) that keeps every
message it accepts, and a webhook receiver that checks each post's HMAC-SHA256 signature.

On the demo portfolio as of 2026-11-30 it checks that:
  - every due step is sent once, to the client's billing address, in the client's language
    (the Italian formal notice with the invoice number, the statutory interest and the
    40 EUR), as UTF-8 text with an HTML alternative, and recorded as an outbound e-mail
    contact of the client;
  - a second run sends nothing;
  - a run killed (SIGKILL) while the server holds a message, then run again, sends nothing
    twice, lists the step it could not confirm, and --release lets it go again;
  - with no server listening nothing is recorded, and the next run sends;
  - alerts reach the webhook signed and the workspace's address by e-mail, once each, a
    500 answer retried.

    send_test.py PATH/TO/addio
"""
import email
import email.policy
import hashlib
import hmac
import http.server
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

from aiosmtpd.controller import Controller

ADDIO = os.path.abspath(sys.argv[1])
AS_OF = "2026-11-30"
SECRET = "test-signing-key"
failures = 0


def check(condition, what, detail=""):
    global failures
    if condition:
        print(f"ok   {what}")
    else:
        failures += 1
        print(f"FAIL {what}{': ' + str(detail)[:2000] if detail else ''}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Mailbox:
    """An SMTP handler keeping each message; `hold` seconds of delay before answering
    the message numbered `hold_at` (1-based), to let a test kill the sender meanwhile."""

    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()
        self.hold_at = 0
        self.hold = 0.0

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
            count = len(self.messages)
        if count == self.hold_at:
            import asyncio
            await asyncio.sleep(self.hold)
        return "250 OK"

    def parsed(self):
        with self.lock:
            return [(f, t, email.message_from_bytes(c, policy=email.policy.default))
                    for f, t, c in self.messages]


def start_smtp(port):
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    return box, controller


class Hooks(http.server.BaseHTTPRequestHandler):
    posts = []
    fail_first = 0  # answer 500 to this many posts first

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Hooks.posts.append((dict(self.headers), body))
        if Hooks.fail_first > 0:
            Hooks.fail_first -= 1
            self.send_response(500)
        else:
            self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def run(*args, env=None, check_ok=True):
    result = subprocess.run([ADDIO, *args], capture_output=True, text=True, env=env)
    if check_ok and result.returncode != 0:
        check(False, "addio " + " ".join(args), result.stderr)
    return result


def body_text(message):
    part = message.get_body(preferencelist=("plain",))
    return part.get_content() if part else ""


def main():
    work = tempfile.mkdtemp(prefix="addio-send-")
    env = dict(os.environ, ADDIO_DB=os.path.join(work, "addio.db"), LANG="en_US.UTF-8",
               ADDIO_TEST_HOOK_SECRET=SECRET, ADDIO_RETRY_FIRST_WAIT_MS="50")
    smtp_port, hook_port = free_port(), free_port()
    try:
        run("init", env=env)
        run("demo", env=env)
        exported = os.path.join(work, "ledger.json")
        run("export", "--format", "json", exported, env=env)
        ledger = json.load(open(exported))
        ledger["workspace"]["smtp"] = {"host": "127.0.0.1", "port": smtp_port,
                                       "security": "none",
                                       "from": "Studio Bianchi <fatture@studiobianchi.it>"}
        ledger["workspace"]["alerts"] = {"webhook": f"http://127.0.0.1:{hook_port}/hook",
                                         "secret_env": "ADDIO_TEST_HOOK_SECRET",
                                         "email": "me@studiobianchi.it"}
        # One client bills to an address of its own, another has none at all.
        for client in ledger["clients"]:
            if client["id"] == "colombo":
                client["billing_email"] = "pagamenti@ediliziacolombo.it"
        json.dump(ledger, open(exported, "w"))
        run("import", exported, env=env)

        def fresh_store(name):
            """A new store holding the demo with the settings above, nothing sent yet."""
            env["ADDIO_DB"] = os.path.join(work, name + ".db")
            run("init", env=env)
            run("import", exported, env=env)

        listed = json.loads(run("dunning", "--as-of", AS_OF, "--format", "json", env=env).stdout)
        due = [i for i in listed["items"] if i["state"] == "due"]
        check(len(due) > 0, "the demo has due steps as of 2026-11-30", listed)
        check(all(i["letter"] and i["letter"]["subject"] for i in due),
              "each due step has its letter")
        colombo = [i for i in due if i["client"] == "colombo"]
        check(colombo and colombo[0]["address"] == "pagamenti@ediliziacolombo.it",
              "billing_email is the address used", colombo)

        box, controller = start_smtp(smtp_port)
        sent = run("dunning", "--as-of", AS_OF, "--send", env=env)
        check(sent.returncode == 0, "dunning --send succeeds", sent.stdout + sent.stderr)
        messages = box.parsed()
        check(len(messages) == len(due), "one message per due step",
              f"{len(messages)} messages for {len(due)} due steps")
        by_address = {i["address"]: i for i in due}
        for sender, recipients, message in messages:
            item = by_address.get(recipients[0]) if len(recipients) == 1 else None
            check(item is not None, f"sent to a due client's billing address {recipients}")
            if item is None:
                continue
            check(sender == "fatture@studiobianchi.it", "the envelope sender is the workspace's")
            check(message["Subject"] == item["letter"]["subject"],
                  f"the subject is the letter's ({item['client']})", message["Subject"])
            check(message.get_content_type() == "multipart/alternative",
                  "plain text with an HTML alternative", message.get_content_type())
            text = body_text(message)
            for invoice in item["invoices"]:
                check(invoice["id"] in text, f"the body names invoice {invoice['id']}")
            if item["lang"] == "it" and item["step"]["action"] == "formal_notice":
                check("Diffida" in message["Subject"] or "diffida" in text.lower(),
                      "an Italian formal notice", message["Subject"])
                check("interessi" in text and "231/2002" in text,
                      "the notice claims statutory interest", text)
                check("40,00" in text, "the notice claims the 40 EUR per invoice", text)
        italian = [m for _, _, m in messages if "à" in body_text(m) or "è" in body_text(m)]
        check(italian, "Italian accents arrive intact in the decoded body")

        again = run("dunning", "--as-of", AS_OF, "--send", env=env)
        check(len(box.parsed()) == len(due), "a second run sends nothing",
              again.stdout + again.stderr)
        check("Nothing is due" in again.stdout, "the second run says so", again.stdout)
        after = os.path.join(work, "after.json")
        run("export", "--format", "json", after, env=env)
        contacts = [c for c in json.load(open(after))["contacts"]
                    if c["id"].startswith("dunning-")]
        check(len(contacts) == len(due) and all(c["direction"] == "outbound" and
                                                c["channel"] == "email" for c in contacts),
              "each message is recorded as an outbound e-mail contact", contacts)
        explained = run("explain", colombo[0]["client"], "--as-of", AS_OF, env=env).stdout
        check("Dunning messages" in explained and "pagamenti@ediliziacolombo.it" in explained,
              "explain shows the message sent", explained[-1500:])

        # Killed while the server holds the second message: nothing is sent twice.
        fresh_store("killed")
        box.messages.clear()
        box.hold_at, box.hold = 2, 30.0
        process = subprocess.Popen([ADDIO, "dunning", "--as-of", AS_OF, "--send"], env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.time() + 60
        while len(box.messages) < 2 and time.time() < deadline:
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait()
        check(len(box.messages) == 2, "the killed run had handed over two messages",
              len(box.messages))
        box.hold_at = 0
        rerun = run("dunning", "--as-of", AS_OF, "--send", env=env, check_ok=False)
        subjects = [(tuple(t), m["Subject"]) for _, t, m in box.parsed()]
        check(len(subjects) == len(set(subjects)), "after the kill, nothing was sent twice",
              subjects)
        check(len(subjects) == len(due), "and every other due step went out",
              f"{len(subjects)} of {len(due)}: {rerun.stdout}")
        listed = json.loads(run("dunning", "--as-of", AS_OF, "--format", "json", env=env).stdout)
        unconfirmed = [i for i in listed["items"] if i["state"] == "unconfirmed"]
        check(len(unconfirmed) == 1, "the step the killed run held is listed as unconfirmed",
              [i["state"] for i in listed["items"]])
        if unconfirmed:
            run("dunning", "--release", unconfirmed[0]["keys"][0], env=env)
            run("dunning", "--as-of", AS_OF, "--send", env=env)
            check(len(box.messages) == len(due) + 1, "a released step is sent again, once",
                  len(box.messages))
        controller.stop()

        # No server: nothing is recorded, so the next run sends.
        fresh_store("down")
        down = run("dunning", "--as-of", AS_OF, "--send", env=env, check_ok=False)
        check(down.returncode != 0 and "the next run tries again" in down.stdout,
              "with no server the run fails and says it will try again", down.stdout)
        box, controller = start_smtp(smtp_port)
        run("dunning", "--as-of", AS_OF, "--send", env=env)
        check(len(box.messages) == len(due), "the next run sends every due step",
              len(box.messages))
        controller.stop()

        # Alerts to the webhook, signed, once each, a 500 retried; and by e-mail.
        box, controller = start_smtp(smtp_port)
        hooks = http.server.ThreadingHTTPServer(("127.0.0.1", hook_port), Hooks)
        threading.Thread(target=hooks.serve_forever, daemon=True).start()
        Hooks.fail_first = 1
        alerts = json.loads(run("alerts", "--as-of", AS_OF, "--format", "json", env=env).stdout)
        expected = {a["id"] for a in alerts["alerts"]}
        check(expected, "the demo has alerts as of 2026-11-30")
        delivered = run("alerts", "--as-of", AS_OF, "--deliver", env=env)
        check(delivered.returncode == 0, "alerts --deliver succeeds",
              delivered.stdout + delivered.stderr)
        ids = []
        for headers, body in Hooks.posts:
            stamp = headers.get("X-Addio-Timestamp", "")
            mac = hmac.new(SECRET.encode(), stamp.encode() + b"." + body, hashlib.sha256)
            check(headers.get("X-Addio-Signature") == "sha256=" + mac.hexdigest(),
                  f"the post for {headers.get('X-Addio-Delivery')} is signed")
            posted = json.loads(body)
            check(len(posted["alerts"]) == 1 and
                  posted["alerts"][0]["id"] == headers.get("X-Addio-Delivery"),
                  "each post holds the alert it names")
            ids.append(headers.get("X-Addio-Delivery"))
        check(len(ids) == len(expected) + 1 and set(ids) == expected,
              "every alert posted, the one answered 500 retried", ids)
        mails = box.parsed()
        check(sorted(m["Subject"] for _, _, m in mails) ==
              sorted("addio alert: " + a["name"] for a in alerts["alerts"]) and
              all(t == ["me@studiobianchi.it"] for _, t, _ in mails),
              "every alert mailed once to the workspace's address",
              [m["Subject"] for _, _, m in mails])
        texts = {body_text(m).strip() for _, _, m in mails}
        check(all(a["text"] in texts for a in alerts["alerts"]), "each mail says what happened")
        count = len(Hooks.posts)
        run("alerts", "--as-of", AS_OF, "--deliver", env=env)
        check(len(Hooks.posts) == count and len(box.messages) == len(mails),
              "a second delivery posts and mails nothing")
        hooks.shutdown()
        controller.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
