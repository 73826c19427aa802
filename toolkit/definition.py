"""Audit definitions: TOML files that say which platform to audit and how.

Only `[platform] name` and `url` are required; everything else has a default. Every error names
the key and the problem, e.g. ``platform.url: not a http(s) URL``.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from safehaven.models import PlatformSpec
from safehaven.urls import http_url_problem


class DefinitionError(ValueError):
    """An audit definition that cannot be used; the message names the key and the problem."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PageHints(_Strict):
    """`[pages]`: URLs the collector should visit besides what it discovers."""

    start: list[str] = Field(default_factory=list)
    items: list[str] = Field(default_factory=list)
    signup: list[str] = Field(default_factory=list)
    login: list[str] = Field(default_factory=list)
    policies: list[str] = Field(default_factory=list)
    help: list[str] = Field(default_factory=list)
    report: list[str] = Field(default_factory=list)

    @field_validator("*")
    @classmethod
    def _urls(cls, urls: list[str]) -> list[str]:
        for u in urls:
            _require_http_url(u)
        return urls


class Crawl(_Strict):
    """`[crawl]`: how far and how fast to go."""

    max_pages: int = Field(40, ge=1, le=2000)
    max_items: int = Field(12, ge=1, le=500)
    concurrency: int = Field(2, ge=1, le=16)
    requests_per_second: float = Field(4.0, gt=0, le=50)
    page_timeout: float = Field(20.0, gt=0, le=300)
    settle_ms: int = Field(600, ge=0, le=30000)
    budget: float = Field(1800.0, gt=0, le=86400)  # wall-clock seconds for the whole audit (crawl and probes)
    extra_hosts: list[str] = Field(default_factory=list)


class Device(_Strict):
    """`[device]`: what the browser pretends to be."""

    width: int = Field(1280, ge=320, le=3840)
    height: int = Field(900, ge=320, le=3840)
    mobile: bool = False
    locale: str | None = None
    user_agent_suffix: str = ""


class LoginStep(_Strict):
    action: Literal["goto", "fill", "click", "wait"]
    target: str = ""
    value_env: str | None = None  # secrets come from the environment only
    value: str | None = None


class Login(_Strict):
    """`[login]`: steps to log in, with secrets from environment variables."""

    steps: list[LoginStep] = Field(default_factory=list)


class TestData(_Strict):
    """`[test_data]`: what active probes may type into forms (only with active = true)."""

    __test__ = False  # not a pytest class
    email: str = "safehaven-test@example.invalid"
    name: str = "Safehaven Test"
    under_18_birthdate: str = ""


class AuditDefinition(_Strict):
    """A validated audit definition."""

    platform: PlatformSpec
    pages: PageHints = Field(default_factory=PageHints)
    crawl: Crawl = Field(default_factory=Crawl)
    device: Device = Field(default_factory=Device)
    login: Login | None = None
    test_data: TestData = Field(default_factory=TestData)

    def missing_secrets(self) -> list[str]:
        """Problems with login secrets: each names the key and the environment variable that is not set."""
        if not self.login:
            return []
        return [f"login.steps.{n}.value_env: environment variable {s.value_env} is not set"
                for n, s in enumerate(self.login.steps) if s.value_env and not os.environ.get(s.value_env)]

    def secrets(self) -> list[str]:
        """Values of the secrets this definition takes from the environment (to scrub from output)."""
        if not self.login:
            return []
        return [os.environ[s.value_env] for s in self.login.steps if s.value_env and os.environ.get(s.value_env)]


def _require_http_url(url: str) -> None:
    if problem := http_url_problem(url):
        raise ValueError(problem)


def load_definition(path: str | Path) -> AuditDefinition:
    """Read and validate an audit definition file; raises DefinitionError naming the key."""
    path = Path(path)
    source = str(path)
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise DefinitionError(source, ["file not found"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DefinitionError(source, [f"cannot be read ({exc})"]) from None
    return parse_definition(text, source)


def parse_definition(text: str, source: str = "<definition>") -> AuditDefinition:
    """Validate definition TOML text."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DefinitionError(source, [f"not valid TOML ({exc})"]) from None
    try:
        return AuditDefinition.model_validate(data)
    except ValidationError as exc:
        raise DefinitionError(source, [describe_error(err) for err in exc.errors()]) from None


def describe_error(err: dict) -> str:
    key = ".".join(str(p) for p in err["loc"]) or "(top level)"
    kind = err["type"]
    msg = err["msg"]
    if kind == "missing":
        return f"{key}: missing (required)"
    if kind == "extra_forbidden":
        return f"{key}: unknown key"
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    return f"{key}: {msg}"
