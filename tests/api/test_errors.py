"""Bad parameters answer 400 with a clear message, never 500."""

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
        ("articles", {"page": "2"}, "page 2 is out of range: the last page is 1."),
        (
            "articles",
            {"page": "99999999999999999999"},
            "page 99999999999999999999 is out of range: the last page is 1.",
        ),
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
        (
            "articles",
            {"from-date": "2024-06-02", "to-date": "2024-06-01"},
            "from-date (2024-06-02) is after to-date (2024-06-01).",
        ),
        ("articles", {"topic": "no-such-topic"}, "Unknown topic “no-such-topic”."),
        ("articles", {"country": "XX"}, "Unknown country “XX”."),
        ("articles", {"country": "atlantis"}, "Unknown country “atlantis”."),
        ("articles", {"author": "nobody"}, "Unknown author “nobody”."),
        ("articles", {"q": "x" * 201}, "q is too long: at most 200 characters."),
        ("articles", {"q": "grain\x00"}, "q must not contain NUL characters."),
        ("articles", {"topic": "a\x00b"}, "topic must not contain NUL characters."),
        ("topics", {"page": "2"}, "page 2 is out of range: the last page is 1."),
        ("countries", {"page-size": "100"}, "page-size must be at most 50, not 100."),
        ("people", {"page": "abc"}, "page must be a whole number of at least 1, not “abc”."),
        ("quotes", {"speaker": "nobody"}, "Unknown speaker “nobody”."),
        ("quotes", {"q": "y" * 300}, "q is too long: at most 200 characters."),
    ],
)
def test_bad_parameter_answers_400_with_a_message(api, name, params, message):
    response = api(name, params)

    assert response.status_code == 400
    assert response.data == {"error": message}


def test_page_out_of_range_names_the_last_page(api):
    for _ in range(3):
        ArticleFactory()

    response = api("articles", {"page": "3", "page-size": "2"})

    assert response.status_code == 400
    assert response.data == {"error": "page 3 is out of range: the last page is 2."}


@pytest.mark.parametrize(
    "params", [{"page": ""}, {"topic": ""}, {"q": "   "}, {"from-date": ""}, {"unknown": "1"}]
)
def test_empty_and_unknown_parameters_are_ignored(api, params):
    ArticleFactory()

    response = api("articles", params)

    assert response.status_code == 200
    assert response.data["total"] == 1
