"""Bad parameters answer 400 with a clear message, never 500; a page past the last, and no endpoint, 404."""

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("articles", {"page": "x"}, "page must be a whole number of at least 1, not “x”."),
        ("articles", {"page": "0"}, "page must be a whole number of at least 1, not “0”."),
        ("articles", {"page": "-1"}, "page must be a whole number of at least 1, not “-1”."),
        ("articles", {"page": "1.5"}, "page must be a whole number of at least 1, not “1.5”."),
        ("articles", {"page": "٣"}, "page must be a whole number of at least 1, not “٣”."),
        ("articles", {"page": ""}, "page must be a whole number of at least 1, not “”."),
        ("articles", {"page": " 2"}, "page must be a whole number of at least 1, not “ 2”."),
        ("articles", {"page-size": "51"}, "page-size must be at most 50, not 51."),
        ("articles", {"page-size": "0"}, "page-size must be a whole number of at least 1, not “0”."),
        ("articles", {"page-size": "ten"}, "page-size must be a whole number of at least 1, not “ten”."),
        (
            "articles",
            {"from-date": "2024-02-30"},
            "from-date must be a date written YYYY-MM-DD, e.g. 2024-03-26, not “2024-02-30”.",
        ),
        (
            "articles",
            {"from-date": "01/06/2024"},
            "from-date must be a date written YYYY-MM-DD, e.g. 2024-03-26, not “01/06/2024”.",
        ),
        (
            "articles",
            {"to-date": "2024-6-1"},
            "to-date must be a date written YYYY-MM-DD, e.g. 2024-03-26, not “2024-6-1”.",
        ),
        (
            "articles",
            {"to-date": "2024-06-01T00:00"},
            "to-date must be a date written YYYY-MM-DD, e.g. 2024-03-26, not “2024-06-01T00:00”.",
        ),
        ("articles", {"to-date": ""}, "to-date must be a date written YYYY-MM-DD, e.g. 2024-03-26, not “”."),
        (
            "articles",
            {"from-date": "0001-01-01"},
            "from-date must be a day from 1 January 1600 to 31 December 2200, not “0001-01-01”.",
        ),
        (
            "articles",
            {"to-date": "9999-12-31"},
            "to-date must be a day from 1 January 1600 to 31 December 2200, not “9999-12-31”.",
        ),
        (
            "articles",
            {"to-date": "1599-12-31"},
            "to-date must be a day from 1 January 1600 to 31 December 2200, not “1599-12-31”.",
        ),
        ("articles", {"q": "x" * 201}, "q is too long: at most 200 characters."),
        ("articles", {"q": "grain\x00"}, "q must not contain NUL characters."),
        ("articles", {"topic": "a\x00b"}, "topic must not contain NUL characters."),
        ("countries", {"page-size": "100"}, "page-size must be at most 50, not 100."),
        ("people", {"page": "abc"}, "page must be a whole number of at least 1, not “abc”."),
        ("quotes", {"q": "y" * 300}, "q is too long: at most 200 characters."),
    ],
)
def test_bad_parameter_answers_400_with_a_message(api, name, params, message):
    response = api(name, params)

    assert response.status_code == 400
    assert response.data == {"error": message}


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("articles", {"page": "3", "page-size": "2"}, "page 3 is out of range: the last page is 2."),
        (
            "articles",
            {"page": "99999999999999999999"},
            "page 99999999999999999999 is out of range: the last page is 2.",
        ),
        ("topics", {"page": "2"}, "page 2 is out of range: the last page is 1."),
    ],
)
def test_a_page_past_the_last_is_not_found_and_names_the_last_page(api, name, params, message):
    for _ in range(3):
        ArticleFactory().topics.add("Floods")

    response = api(name, {"page-size": "2", **params})

    assert response.status_code == 404
    assert response.data == {"error": message}


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("articles", {"topic": "no-such-topic"}),
        ("articles", {"country": "XX"}),
        ("articles", {"country": "atlantis"}),
        ("articles", {"author": "nobody"}),
        ("quotes", {"speaker": "nobody"}),
    ],
)
def test_a_filter_naming_nothing_gives_an_empty_page(api, name, params):
    ArticleFactory()

    response = api(name, params)

    assert response.status_code == 200
    assert response.data == {
        **{"total": 0, "total_is_exact": True, "pages": 0},
        **{"current_page": 1, "page_size": 10, "results": []},
    }


@pytest.mark.parametrize(
    "path", ["/api/nothing-here", "/api/articles/not%20a%20slug/", "/api/articles/a/b/", "/api/topics/x/"]
)
def test_an_address_under_the_api_that_is_no_endpoint_answers_json_404(client, path):
    response = client.get(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "error": f"No endpoint answers at {response.wsgi_request.path}: /api/ lists them."
    }


def test_a_page_outside_the_api_is_still_the_html_404(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("params", [{"topic": ""}, {"q": "   "}, {"author": ""}, {"unknown": "1"}])
def test_empty_text_and_unknown_parameters_are_ignored(api, params):
    ArticleFactory()

    response = api("articles", params)

    assert response.status_code == 200
    assert response.data["total"] == 1
