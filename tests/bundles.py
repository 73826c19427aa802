"""Build saved evidence bundles by hand, so checks can be tested without a browser.

    run_dir = make_bundle(tmp_path, pages=[page("https://x.test/", role="start", text="...",
                                                elements=[link("Privacy", "/privacy")])])
    bundle = Bundle(run_dir)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from safehaven.bundle import BundleWriter
from safehaven.models import Box, BundleInfo, Element, Form, FormField, PageRecord, PlatformSpec


def link(name: str, href: str, *, region: str | None = None, visible: bool = True, **attrs: str) -> Element:
    return Element(tag="a", role="link", name=name, text=name, href=href, region=region, visible=visible,
                   attrs=dict(attrs), box=Box(x=10, y=10, width=80, height=20))


def button(name: str, *, text: str = "", region: str | None = None, in_shadow: bool = False,
           visible: bool = True, **attrs: str) -> Element:
    return Element(tag="button", role="button", name=name, text=text or name, region=region,
                   in_shadow=in_shadow, visible=visible, attrs=dict(attrs),
                   box=Box(x=10, y=40, width=80, height=20))


def field(label: str, *, type: str = "text", name: str = "", required: bool = False,
          options: list[str] | None = None, value: str = "", tag: str = "input") -> FormField:
    return FormField(tag=tag, label=label, type=type, name=name or label.lower().replace(" ", "_"),
                     required=required, options=options or [], value=value)


def form(*fields: FormField, action: str = "/submit", submit: str = "Send", name: str = "") -> Form:
    return Form(action=action, method="post", fields=list(fields), submit_labels=[submit], name=name)


def page(url: str, *, role: str = "other", text: str = "", status: int = 200, error: str | None = None,
         title: str = "", elements: list[Element] | None = None, forms: list[Form] | None = None,
         lang: str = "en", **extra: Any) -> dict[str, Any]:
    """A page description for make_bundle (text is written to text.txt)."""
    return dict(url=url, role=role, text=text, status=status, error=error, title=title,
                elements=elements or [], forms=forms or [], lang=lang, extra=extra)


def make_bundle(tmp_path: Path, pages: list[dict[str, Any]], *, name: str = "Testplatform",
                url: str = "https://platform.test/", adult: bool = True, language: str | None = None,
                active: bool = False, probes: dict[str, BaseModel] | None = None) -> Path:
    """Write a bundle into tmp_path/run and return the run folder."""
    run_dir = tmp_path / "run"
    writer = BundleWriter(run_dir)
    platform = PlatformSpec(name=name, url=url, adult=adult, language=language, active=active)
    info = BundleInfo(platform=platform, browser="test", started_at="2026-01-01T00:00:00+00:00")
    for n, spec in enumerate(pages, start=1):
        pid = f"p{n:03d}"
        files = {"text": writer.write_text(f"pages/{pid}/text.txt", spec["text"])}
        record = PageRecord(id=pid, url=spec["url"], final_url=spec["url"], status=spec["status"],
                            error=spec["error"], title=spec["title"], lang=spec["lang"], role=spec["role"],
                            files=files, elements=spec["elements"], forms=spec["forms"], **spec["extra"])
        writer.write_model(f"pages/{pid}/page.json", record)
        info.pages.append(pid)
    for pname, model in (probes or {}).items():
        info.probes[pname] = writer.write_model(f"probes/{pname}.json", model)
    writer.write_model("bundle.json", info)
    writer.write_manifest()
    return run_dir
