"""The API's own OpenAPI document (``/api/oruk/openapi.json``, portal/signposting/openapi.py)
is a valid OpenAPI 3.1 document, names every endpoint the API has and nothing it lacks, and
is true to what the API serves: schemathesis generates requests from it, good and bad, and
every answer must be documented, never a 5xx, and match the profile's schemas."""

from __future__ import annotations

import json
import re

import schemathesis
from hypothesis import HealthCheck, settings
from openapi_spec_validator import validate
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from portal.signposting import openapi, oruk

from .oruk_support import SCHEMAS

LOCAL = SCHEMAS.as_uri() + "/"


def offline(document: dict) -> dict:
    """The document with the profile's schema addresses pointing at the copies here."""
    text = json.dumps(document).replace(openapi.PROFILE_SCHEMAS, LOCAL)
    return json.loads(text)


def test_the_document_is_valid_openapi_3_1(client, db):
    served = client.get("/api/oruk/openapi.json")
    assert served.status_code == 200
    assert served.headers["Access-Control-Allow-Origin"] == "*"
    document = served.get_json()
    assert document == json.loads(json.dumps(openapi.document()))
    validate(offline(document))


def test_every_endpoint_is_in_the_document_and_nothing_else(app):
    document = openapi.document()
    routes = {re.sub(r"<\w+>", "{id}", rule.rule.removeprefix(oruk.bp.url_prefix))
              for rule in app.url_map.iter_rules() if rule.endpoint.startswith("oruk.")}
    assert routes == set(document["paths"])


schema = schemathesis.openapi.from_dict(offline(openapi.document()))


# The API only reads: the app and its directory are the same for every generated request.
@schema.parametrize()
@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_the_api_answers_as_its_document_says(case, app, directory):
    # Uncompressed: the in-process transport gives the body as sent.
    case.call_and_validate(app=app, base_url="http://localhost/api/oruk",
                           headers={"Accept-Encoding": "identity"}, checks=[
        not_a_server_error, status_code_conformance, content_type_conformance,
        response_schema_conformance])
