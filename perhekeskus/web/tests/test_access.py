"""Every URL of the project declares an access policy."""

import functools

from django.urls import URLPattern, URLResolver, get_resolver
from ninja import NinjaAPI, Router

from perhekeskus.web.access import PUBLIC, mark, policy_of, public


def walk(patterns, prefix=""):
    """(route, name, callback) of every URL pattern, resolvers included."""
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            namespace = f"{entry.namespace}:" if entry.namespace else ""
            for sub_route, name, callback in walk(entry.url_patterns, route):
                yield sub_route, (namespace + name) if name else name, callback
        elif isinstance(entry, URLPattern):
            yield route, entry.name, entry.callback


def all_views():
    return list(walk(get_resolver().url_patterns))


def test_every_url_declares_an_access_policy():
    missing = [
        f"{route} ({name or callback})"
        for route, name, callback in all_views()
        if policy_of(callback) is None
    ]
    assert not missing, "Views without an access policy: " + ", ".join(missing)


def test_the_walk_sees_html_pages_i18n_and_api_operations():
    names = {name for _route, name, _callback in all_views()}
    assert {
        "catalogue:home",
        "catalogue:search",
        "catalogue:service",
        "catalogue:e_services",
        "healthz",
    } <= names
    api_routes = [route for route, _name, _callback in all_views() if route.startswith("api/v1/")]
    # The API's own operations, not only its schema and docs.
    assert any("services" in route for route in api_routes), api_routes


def test_policy_of_finds_no_policy_on_an_unmarked_view():
    def view(request):
        raise AssertionError

    assert policy_of(view) is None
    assert policy_of(functools.partial(view)) is None
    assert policy_of(public(view)) == PUBLIC


def test_policy_of_sees_through_wrappers_and_classes():
    @public
    def inner(request):
        raise AssertionError

    @functools.wraps(inner)
    def outer(request):
        raise AssertionError

    del outer.access_policy  # wraps copied the attribute; the chain must still find it
    assert policy_of(outer) == PUBLIC

    class View:
        access_policy = "staff"

    def as_view(request):
        raise AssertionError

    as_view.view_class = View
    assert policy_of(as_view) == "staff"


def test_api_operations_need_a_policy_each():
    router = Router()

    @router.get("/open")
    @public
    def open_operation(request):
        return {}

    @router.get("/secret")
    def unmarked_operation(request):
        return {}

    @router.post("/open")
    def unmarked_post(request):
        return {}

    api = NinjaAPI(urls_namespace="access-test")
    api.add_router("/", router)
    patterns, _app, _namespace = api.urls

    def operation_policies():
        return {
            str(entry.pattern): policy_of(entry.callback)
            for entry in patterns
            if str(entry.pattern) in ("open", "secret")
        }

    # GET /open is public, but POST /open on the same path is not marked.
    assert operation_policies() == {"open": None, "secret": None}
    mark(unmarked_post, "staff")
    mark(unmarked_operation, PUBLIC)
    assert operation_policies() == {"open": "public,staff", "secret": PUBLIC}
