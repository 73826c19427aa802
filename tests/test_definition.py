"""Audit definitions: the two-key minimum works; every error names the key and the problem."""

from __future__ import annotations

import pytest

from safehaven.urls import leaves_for_inner_network, network_of, site_of
from toolkit.definition import DefinitionError, load_definition, parse_definition


def test_two_key_minimum_gets_the_defaults():
    d = parse_definition('[platform]\nname = "Example"\nurl = "https://example.org/"\n')
    assert d.platform.adult is True and d.platform.active is False and d.crawl.max_pages == 40


@pytest.mark.parametrize("text, message", [
    ('[platform]\nname = "x"\nurl = "ftp://x"\n', "platform.url: not a http(s) URL"),
    ('[platform]\nname = "x"\nurl = "example.org"\n', "platform.url: not a http(s) URL"),
    ('[platform]\nurl = "https://x.org/"\n', "platform.name: missing (required)"),
    ('[platfrom]\nname = "x"\n', "platfrom: unknown key"),
    ('[platform]\nname = "x"\nurl = "https://x.org/"\n[crawl]\nmax_pages = 0\n', "crawl.max_pages: Input should be greater"),
    ('[platform]\nname = "x"\nurl = "https://x.org/"\nlanguage = "de"\n', "platform.language: Input should be 'nl' or 'en'"),
    ('[platform]\nname = "x"\nurl = "https://x.org/"\n[pages]\nitems = ["/ads/1"]\n',
     "pages.items: not a http(s) URL"),
    ('[platform\n', "not valid TOML"),
    ('[platform]\nname = "x"\nurl = "https://admin:hunter2@x.org/"\n',
     "platform.url: holds a user name or password: a secret never goes in the audit definition"),
    ('[platform]\nname = "x"\nurl = "https://x.org/"\n[pages]\nitems = ["https://me@x.org/ads/1"]\n',
     "pages.items: holds a user name or password"),
])
def test_errors_name_the_key_and_the_problem(text, message):
    with pytest.raises(DefinitionError) as info:
        parse_definition(text, "audit.toml")
    assert message.replace("Value error, ", "") in str(info.value) and str(info.value).startswith("audit.toml: ")


def test_missing_file_is_named(tmp_path):
    with pytest.raises(DefinitionError, match="nothere.toml: file not found"):
        load_definition(tmp_path / "nothere.toml")


def test_the_bundled_example_definition_and_review_file_are_valid():
    from pathlib import Path

    from toolkit.review import load_review

    root = Path(__file__).parent.parent / "audits"
    assert load_definition(root / "example.toml").platform.name == "Example"
    assert load_review(root / "example.review.toml").override == []


def test_same_site_uses_the_public_suffix_list():
    assert site_of("https://www.example.co.uk/a") == site_of("https://m.example.co.uk/") == "example.co.uk"
    assert site_of("https://other.co.uk/") != site_of("https://example.co.uk/")
    assert site_of("http://127.0.0.1:8000/") != site_of("http://127.0.0.1:8001/")


@pytest.mark.parametrize("url", ["http://127.0.0.1:70000/", "http://example.org:0/", "http://example.org:port/"])
def test_a_port_out_of_range_is_a_definition_error_naming_the_key(url):
    with pytest.raises(DefinitionError) as caught:
        parse_definition(f'[platform]\nname = "P"\nurl = "{url}"\n')
    assert "platform.url" in str(caught.value) and "port" in str(caught.value)


@pytest.mark.parametrize(("url", "home", "refused"), [
    ("http://169.254.169.254/latest/meta-data/", "https://ads.example/", True),  # a cloud metadata service
    ("http://10.0.0.1/admin", "https://ads.example/", True),
    ("http://192.168.1.1/", "https://ads.example/", True),
    ("http://127.0.0.1:8080/", "https://ads.example/", True),
    ("http://localhost/", "https://ads.example/", True),
    ("http://[::1]/", "https://ads.example/", True),
    ("http://[::ffff:10.1.2.3]/", "https://ads.example/", True),
    ("http://0.0.0.0:5000/", "http://127.0.0.1:5000/", True),
    ("http://169.254.169.254/", "http://127.0.0.1:5000/", True),  # a platform on loopback: link-local is elsewhere
    ("http://127.0.0.1:5001/", "http://localhost:5000/", False),  # the same loopback network
    ("http://10.0.0.7/", "http://10.0.0.5/", False),  # a platform on an intranet stays on it
    ("https://cdn.example.net/x.js", "https://ads.example/", False),  # names are not judged (no DNS lookups)
    ("http://93.184.216.34/", "https://ads.example/", False),  # a public address
])
def test_a_platform_cannot_lead_the_browser_into_the_machines_own_networks(url, home, refused):
    why = leaves_for_inner_network(url, home)
    assert bool(why) is refused, why
    if refused:
        assert network_of(url) in why
