"""A local stand-in for GOV.UK Notify's HTTP API (``/v2/notifications/sms`` and ``/email``),
as far as the portal uses it: it checks each request's token the way Notify does (a JWT signed
with the API key's secret, HS256, issued by the service id, recent) and keeps what was sent, or
answers with an error the test chooses."""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass, field

import jwt
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response


@dataclass
class NotifyStub:
    service_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    secret: str = field(default_factory=lambda: str(uuid.uuid4()))
    sms_template_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    email_template_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    sent: list = field(default_factory=list)
    # Set to (status, JSON errors) to make the next requests fail as Notify's API does.
    failing: tuple[int, list] | None = None
    url: str = ""

    @property
    def api_key(self) -> str:
        return f"portal_test-{self.service_id}-{self.secret}"

    def texts(self) -> list[dict]:
        return [item for item in self.sent if item["kind"] == "sms"]

    def emails(self) -> list[dict]:
        return [item for item in self.sent if item["kind"] == "email"]

    def __call__(self, environ, start_response):
        request = Request(environ)
        return self.answer(request)(environ, start_response)

    def answer(self, request: Request) -> Response:
        kind = request.path.removeprefix("/v2/notifications/")
        if request.method != "POST" or kind not in ("sms", "email"):
            return self.error(404, "Not found")
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        try:
            claims = jwt.decode(token, self.secret, algorithms=["HS256"],
                                options={"require": ["iss", "iat"]})
        except jwt.PyJWTError as problem:
            return self.error(403, f"Invalid token: {problem}")
        if claims["iss"] != self.service_id or abs(time.time() - claims["iat"]) > 30:
            return self.error(403, "Invalid token: wrong issuer or time")
        if self.failing:
            status, errors = self.failing
            return Response(json.dumps({"status_code": status, "errors": errors}), status,
                            mimetype="application/json")
        body = request.get_json()
        template = self.sms_template_id if kind == "sms" else self.email_template_id
        if body.get("template_id") != template:
            return self.error(400, "template_id is not a valid UUID or not this service's")
        self.sent.append({"kind": kind, **body})
        return Response(json.dumps({"id": str(uuid.uuid4()), "reference": None,
                                    "content": {"body": body["personalisation"]["body"]}}),
                        201, mimetype="application/json")

    @staticmethod
    def error(status: int, message: str) -> Response:
        return Response(json.dumps({"status_code": status, "errors": [
            {"error": "BadRequestError", "message": message}]}), status,
            mimetype="application/json")


def start() -> tuple[NotifyStub, callable]:
    """A stand-in on a free loopback port, and the function that stops it."""
    stub = NotifyStub()
    server = make_server("127.0.0.1", 0, stub, threaded=True)
    stub.url = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        thread.join(timeout=5)

    return stub, stop
