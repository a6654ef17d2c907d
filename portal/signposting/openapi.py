"""This API's own OpenAPI document (``GET /api/oruk/openapi.json``).

Made from the lists of parameters the endpoints themselves check (``oruk.PAGING``,
``oruk.SERVICE_LIST_PARAMETERS``, ``oruk.TERM_PARAMETERS``) and the limits they apply, so it
cannot say other than what they do: a parameter added to an endpoint without a line here
fails ``parameter()``, and the tests check that every route under ``/api/oruk`` is here and
every operation here answers. Answers are described by the Open Referral UK profile's own
schemas, at the addresses the profile publishes them.
"""

from __future__ import annotations

from functools import lru_cache

from portal.signposting import oruk

PROFILE_SCHEMAS = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
UUID = {"type": "string", "format": "uuid"}
BOOLEAN = {"type": "boolean"}

# name: (what it does, its schema)
PARAMETERS: dict[str, tuple[str, dict]] = {
    "page": ("The page of results, from 1.",
             {"type": "integer", "minimum": 1, "maximum": oruk.MAX_PAGE}),
    "per_page": (f"How many results a page holds: up to {oruk.MAX_PER_PAGE}, or up to "
                 f"{oruk.MAX_PER_PAGE_MINIMAL} with minimal=true. {oruk.PER_PAGE} by default.",
                 {"type": "integer", "minimum": 1, "maximum": oruk.MAX_PER_PAGE_MINIMAL}),
    "search": ("Words that must all be found (in the name, description, organisation or "
               "topics; in any of the portal's languages).",
               {"type": "string", "maxLength": oruk.MAX_SEARCH}),
    "taxonomy_term_id": ("Only services with this taxonomy term (one of the portal's topics, "
                         "or a term the council published).", UUID),
    "taxonomy_id": ("Only services with any term of this taxonomy (the portal's topics, or "
                    "one the council's terms name); for /taxonomy_terms, only its terms.",
                    UUID),
    "organization_id": ("Only services this organization provides.", UUID),
    "minimum_age": ("Only services for some ages at or above this one.",
                    {"type": "integer", "minimum": 0, "maximum": oruk.MAX_AGE}),
    "maximum_age": ("Only services for some ages at or below this one.",
                    {"type": "integer", "minimum": 0, "maximum": oruk.MAX_AGE}),
    "modified_after": ("Only services changed on or after this moment (ISO 8601; a date "
                       "alone is its midnight, UTC).", {"type": "string", "format": "date-time"}),
    "full": ("Give each service in full, as /services/{id} does.", BOOLEAN),
    "minimal": ("Give only each service's id and last_modified.", BOOLEAN),
    "format": ("json (pages), or ndjson: every matching service, one a line, without paging "
               "(page and per_page are then refused).",
               {"type": "string", "enum": list(oruk.FORMATS)}),
    "day": ("Only services open on this day of the week, by a schedule in force today: MO, TU, "
            "WE, TH, FR, SA or SU, or its English name.",
            {"type": "string", "enum": [*(code for code in oruk.DAYS.values()),
                                        *oruk.DAYS]}),
    "start_time": ("Only services with a schedule opening at or after this time of day "
                   "(local time), such as 09:30.",
                   {"type": "string", "pattern": "^[0-9]{2}:[0-9]{2}(:[0-9]{2})?$"}),
    "end_time": ("Only services with a schedule closing at or before this time of day "
                 "(local time), such as 17:00. With day and start_time, the same schedule "
                 "must match all three.",
                 {"type": "string", "pattern": "^[0-9]{2}:[0-9]{2}(:[0-9]{2})?$"}),
    "postcode": ("A UK postcode. Alone: only services whose service areas cover it, where "
                 "they say so in postcodes or a GeoJSON extent (an area named only by a place "
                 "name does not leave a service out). With proximity: only places within that "
                 "distance of the postcode's centre, nearest first; a postcode the directory "
                 "cannot place is a 400.", {"type": "string", "maxLength": 20}),
    "proximity": ("With postcode: how far from it, in metres.",
                  {"type": "integer", "minimum": 1, "maximum": oruk.MAX_PROXIMITY}),
    "top_only": ("Only terms without a parent (every topic is one).", BOOLEAN),
    "parent_id": ("Only the terms whose parent is this one.", UUID),
}


def parameter(name: str) -> dict:
    description, schema = PARAMETERS[name]
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": schema}


def profile(path: str) -> dict:
    return {"$ref": PROFILE_SCHEMAS + path}


def page_of(items: dict) -> dict:
    return {"allOf": [{"$ref": "#/components/schemas/Page"}],
            "properties": {"contents": {"type": "array", "items": items}}}


def answer(description: str, schema: dict, media: str = "application/json") -> dict:
    return {"description": description, "content": {media: {"schema": schema}}}


ERRORS = {
    "400": {"$ref": "#/components/responses/BadParameter"},
    "404": {"$ref": "#/components/responses/NotFound"},
}


def operation(summary: str, parameters: tuple[str, ...], ok: dict, *, path_id: str = "",
              not_found: bool = False) -> dict:
    responses = {"200": ok, "400": ERRORS["400"]}
    if not_found:
        responses["404"] = ERRORS["404"]
    listed = [parameter(name) for name in parameters]
    if path_id:
        listed.insert(0, {"name": "id", "in": "path", "required": True,
                          "description": f"The {path_id}'s id.", "schema": UUID})
    return {"get": {"summary": summary, "parameters": listed, "responses": responses}}


@lru_cache(maxsize=1)
def document() -> dict:
    services = oruk.SERVICE_LIST_PARAMETERS
    minimal = {"type": "object", "required": ["id", "last_modified"],
               "properties": {"id": UUID, "last_modified": {"type": "string",
                                                            "format": "date-time"}},
               "additionalProperties": False}
    listed = {"anyOf": [profile("compiled/service_list.json"), profile("compiled/service.json"),
                        minimal]}
    service_list = answer("A page of published services (with format=ndjson, all of them, "
                          "one a line).", page_of(listed))
    service_list["content"]["application/x-ndjson"] = {"schema": listed}
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "Parent Champions Portal: Open Referral UK API",
            "version": oruk.HSDS_VERSION,
            "description": (
                "The portal's directory of services for parents, read-only, in the Open "
                "Referral UK profile of HSDS 3.0. Only published services and topics; texts in "
                "English. Every answer carries Access-Control-Allow-Origin: *. A parameter an "
                "endpoint does not take, one given twice, or a value it cannot read is a 400 "
                "with {\"error\": ...}. Opening hours are local times (Europe/London). The "
                "profile gives /service_at_locations/{id} the schema of a service; this API "
                "answers it, as HSDS 3.0 does, with a service at location."),
        },
        "servers": [{"url": oruk.bp.url_prefix}],
        "paths": {
            "/": {"get": {
                "summary": "What this API is.", "parameters": [],
                "responses": {"200": answer("HSDS version, profile and this document.", {
                    "type": "object", "required": ["version", "profile", "openapi_url"],
                    "properties": {"version": {"type": "string"},
                                   "profile": {"type": "string", "format": "uri"},
                                   "openapi_url": {"type": "string", "format": "uri"}}}),
                    "400": ERRORS["400"]}}},
            "/openapi.json": {"get": {
                "summary": "This document.", "parameters": [],
                "responses": {"200": answer("This OpenAPI document.", {"type": "object"}),
                              "400": ERRORS["400"]}}},
            "/services": operation("Published services, a page at a time.", services,
                                   service_list),
            "/services/{id}": operation(
                "One published service, in full.", (),
                answer("The service.", profile("compiled/service.json")),
                path_id="service", not_found=True),
            "/service_at_locations": operation(
                "Where published services are offered, a page at a time.",
                oruk.PLACE_LIST_PARAMETERS,
                answer("A page of services at locations.",
                       page_of(profile("compiled/service_at_location_list.json")))),
            "/service_at_locations/{id}": operation(
                "One place a published service is offered, with its location and the service "
                "in full.", (),
                answer("The service at location.", profile("compiled/service_at_location.json")),
                path_id="service at location", not_found=True),
            "/taxonomies": operation(
                "The taxonomies: the portal's topics, and those the council's terms name.",
                oruk.PAGING,
                answer("A page of taxonomies.", page_of(profile("taxonomy.json")))),
            "/taxonomies/{id}": operation(
                "The taxonomy, with its terms.", (),
                answer("The taxonomy.", profile("taxonomy.json")),
                path_id="taxonomy", not_found=True),
            "/taxonomy_terms": operation(
                "The published topics, as taxonomy terms, then the council's own terms.",
                oruk.TERM_PARAMETERS,
                answer("A page of taxonomy terms.", page_of(profile("taxonomy_term.json")))),
            "/taxonomy_terms/{id}": operation(
                "One published topic as a taxonomy term, or one of the council's terms.", (),
                answer("The taxonomy term.", profile("taxonomy_term.json")),
                path_id="taxonomy term", not_found=True),
        },
        "components": {
            "schemas": {
                "Page": {"type": "object", "required": [
                    "total_items", "total_pages", "page_number", "size", "first_page",
                    "last_page", "empty", "contents"], "properties": {
                    "total_items": {"type": "integer", "minimum": 0},
                    "total_pages": {"type": "integer", "minimum": 0},
                    "page_number": {"type": "integer", "minimum": 1},
                    "size": {"type": "integer", "minimum": 0},
                    "first_page": {"type": "boolean"}, "last_page": {"type": "boolean"},
                    "empty": {"type": "boolean"}, "contents": {"type": "array"}}},
                "Error": {"type": "object", "required": ["error"],
                          "properties": {"error": {"type": "string", "minLength": 1}}},
            },
            "responses": {
                "BadParameter": answer("A parameter the endpoint does not take, given twice, "
                                       "or with a value it cannot read; the error says which.",
                                       {"$ref": "#/components/schemas/Error"}),
                "NotFound": answer("Nothing published has this id.",
                                   {"$ref": "#/components/schemas/Error"}),
            },
        },
    }
