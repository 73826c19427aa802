"""What crosses module boundaries: audit definitions, bundle artifacts, findings and results.

Everything here is a pydantic model so that what is written to disk can be validated when it is
read back, and so that a saved bundle from an earlier version fails loudly instead of silently.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# Statuses and areas are facts of the catalogue; the model re-exports them for the code that reads them with it.
from safehaven.catalogue import AREAS as AREAS
from safehaven.catalogue import SCORED_STATUSES as SCORED_STATUSES
from safehaven.catalogue import STATUSES as STATUSES
from safehaven.catalogue import Status as Status
from safehaven.urls import http_url_problem

METHODOLOGY = 1
RESULT_SCHEMA = "safehaven.result/1"
BUNDLE_SCHEMA = "safehaven.bundle/1"

Basis = Literal["observed", "stated", "auditor"]
PageRole = Literal["start", "item", "listing", "signup", "login", "report", "policy", "help", "other"]
RunStatus = Literal["running", "complete", "failed", "incomplete"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


# --------------------------------------------------------------------------- bundle artifacts


class Box(_Model):
    """An element's bounding box in CSS pixels, relative to the full page."""

    x: float
    y: float
    width: float
    height: float


class Element(_Model):
    """One interactive element as the collector saw it (links, buttons, inputs, clickable roles)."""

    tag: str
    role: str | None = None
    name: str = ""
    text: str = ""
    href: str | None = None
    attrs: dict[str, str] = Field(default_factory=dict)
    visible: bool = True
    box: Box | None = None
    in_shadow: bool = False
    frame: str | None = None
    region: str | None = None  # header | nav | footer | main | dialog | aside, from the nearest landmark


class FormField(_Model):
    """One field of a form with the label a person would read."""

    tag: str
    name: str = ""
    label: str = ""
    type: str = ""
    required: bool = False
    options: list[str] = Field(default_factory=list)
    value: str = ""
    placeholder: str = ""
    visible: bool = True


class Form(_Model):
    """A form (or a group of fields acting as one) with its fields and submit labels."""

    action: str | None = None
    method: str = "get"
    name: str = ""
    fields: list[FormField] = Field(default_factory=list)
    submit_labels: list[str] = Field(default_factory=list)
    box: Box | None = None
    in_shadow: bool = False
    frame: str | None = None


class RequestRecord(_Model):
    """A request the page made while loading."""

    url: str
    method: str = "GET"
    resource_type: str = ""
    status: int | None = None
    same_site: bool = True


class BrowserEvent(_Model):
    """A dialog, popup or refused download that happened on a page."""

    kind: Literal["dialog", "popup", "download"]
    detail: str
    url: str | None = None


class WriteRecord(_Model):
    """A write the guard saw: refused (always, in passive mode) or allowed (only during the login steps)."""

    method: str  # POST, PUT, ..., or WEBSOCKET for a message the page sent over a WebSocket
    url: str
    resource_type: str = ""  # document, fetch, xhr, ping (sendBeacon, <a ping>), websocket, ...
    probe: str = ""  # crawl, age_gate, report, contact, signup, login
    action: str = ""  # the click or submit that caused it, when one did
    page_url: str = ""
    allowed: bool = False
    count: int = 1
    detail: str = ""
    during: str = ""  # set when the audit's own step caused it (passing the age gate), not a probed control

    def key(self) -> tuple:
        return (self.method, self.url, self.probe, self.action, self.page_url, self.allowed)

    def line(self) -> str:
        how = f" ({self.resource_type})" if self.resource_type else ""
        times = f" x{self.count}" if self.count > 1 else ""
        return f"{self.method} {self.url[:200]}{how}{times}"


class PageRecord(_Model):
    """Everything saved about one visited page. File paths are relative to the run folder."""

    id: str
    url: str
    final_url: str | None = None
    status: int | None = None
    error: str | None = None
    content_type: str = ""  # of the document's response ("text/html; charset=utf-8")
    title: str = ""
    lang: str = ""
    role: PageRole = "other"
    role_reasons: list[str] = Field(default_factory=list)
    found_from: str | None = None
    link_text: str = ""
    depth: int = 0
    files: dict[str, str] = Field(default_factory=dict)  # dom, text, screenshot
    elements: list[Element] = Field(default_factory=list)
    forms: list[Form] = Field(default_factory=list)
    requests: list[RequestRecord] = Field(default_factory=list)
    events: list[BrowserEvent] = Field(default_factory=list)
    frames: list[str] = Field(default_factory=list)
    elapsed_ms: int = 0
    # What the page is by its content: structured data types, og:type, canonical link, content shape (extract.js)
    signals: dict[str, Any] = Field(default_factory=dict)
    gate_returned: bool = False  # an age gate showed again on this page load (and was passed again)

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and self.status < 400


class GateObservation(_Model):
    """What a fresh browser met when it opened one URL: an age gate or the content itself."""

    url: str
    entry: Literal["start", "deep_link", "section", "section_item"]  # section: a page with its own gate, and its items
    final_url: str | None = None
    error: str | None = None
    gate: bool = False
    kind: Literal["modal", "interstitial", "redirect", "none"] = "none"
    methods: list[str] = Field(default_factory=list)  # button, checkbox, dob, document, provider
    providers: list[str] = Field(default_factory=list)
    text: str = ""
    controls: list[str] = Field(default_factory=list)
    content_under_overlay: bool = False
    foreign: list[str] = Field(default_factory=list)  # frames and scripts of another origin on the gate
    screenshot: str | None = None
    box: Box | None = None


class AgeGateProbe(_Model):
    """The age-gate probe: fresh-context visits of the start page and of item pages."""

    observations: list[GateObservation] = Field(default_factory=list)
    passed_gate: bool = False
    passed_with: str = ""
    cookies_set: list[dict[str, str]] = Field(default_factory=list)
    storage_set: list[dict[str, str]] = Field(default_factory=list)
    error: str | None = None


class ControlSeen(_Model):
    """A control a probe found and operated (report button, menu, show-number button)."""

    name: str = ""
    tag: str = ""
    href: str | None = None
    how: str = ""  # name | icon
    in_shadow: bool = False
    visible: bool = True
    region: str | None = None
    box: Box | None = None


MAX_CLICKS = 4  # the report probe follows a report control at most this many clicks (and the checks say so)


class ReportAttempt(_Model):
    """Following the report control of one item page: clicks to a form, a mailto, a login wall, or nothing."""

    item_url: str
    control: ControlSeen | None = None
    menu: ControlSeen | None = None
    hidden_controls: int = 0
    clicks: int | None = None
    outcome: Literal["form", "mailto", "login", "none", "error"] = "none"
    outcome_url: str | None = None
    steps: list[str] = Field(default_factory=list)
    form: Form | None = None
    mailto: str | None = None
    control_screenshot: str | None = None
    control_box_in_shot: Box | None = None  # the control's box within control_screenshot
    outcome_screenshot: str | None = None
    error: str | None = None
    form_behind_login: Form | None = None  # the form reached after logging in with the definition's [login]
    behind_login_url: str | None = None
    refused_writes: list[str] = Field(default_factory=list)  # writes the clicks tried, refused by the guard
    # the visible text of the dialog the report form opened in: its own words on what happens next
    # ("You get a reference number at once; we decide within 24 hours"), which no page of the site may repeat
    outcome_text: str = ""


class ReportProbe(_Model):
    """The report probe over the sampled item pages."""

    attempts: list[ReportAttempt] = Field(default_factory=list)
    refused_requests: list[str] = Field(default_factory=list)


class ContactAttempt(_Model):
    """Clicking a "show number" or "send message" control on an item page, logged out (never sending)."""

    item_url: str
    kind: Literal["show_number", "message"]
    control: ControlSeen
    outcome: Literal["revealed", "form", "login", "nothing", "error"] = "nothing"
    revealed: list[str] = Field(default_factory=list)
    outcome_url: str | None = None
    screenshot: str | None = None
    box_in_shot: Box | None = None
    error: str | None = None
    refused_writes: list[str] = Field(default_factory=list)  # writes the click tried, refused by the guard


class Popover(_Model):
    """What opened in place when an author's name or avatar on an item page was clicked: a user card, a popover, a
    dialog (new visible nodes, the page itself not navigating). Part of that item page, as a visitor sees it."""

    item_url: str
    opener: ControlSeen  # the name or avatar clicked
    author: str = ""  # whose card it is, as far as the opener says (its name, data-user, the profile path)
    role: str = ""  # the role of the container that opened (dialog, menu, tooltip), when it has one
    text: str = ""  # its visible text
    controls: list[Element] = Field(default_factory=list)  # its buttons and links, by accessible name
    screenshot: str | None = None
    box_in_shot: Box | None = None
    refused_writes: list[str] = Field(default_factory=list)  # writes the click tried, refused by the guard


class ContactProbe(_Model):
    """The contact probe over the sampled item pages."""

    attempts: list[ContactAttempt] = Field(default_factory=list)
    refused_requests: list[str] = Field(default_factory=list)
    # block / mute / "who may message me" controls found in menus opened on item pages:
    # {"item_url", "menu", "name"}
    menu_controls: list[dict[str, str]] = Field(default_factory=list)
    # user cards and popovers opened by clicking an author's name or avatar on item pages (older bundles: none)
    popovers: list[Popover] = Field(default_factory=list)


class SignupTrial(_Model):
    """Active mode only: an under-18 date of birth typed into a signup form, with the definition's test data.

    The form is sent once, to the platform's own origin, only when the platform's own page lets it go (no
    client-side refusal); `sent` says whether it was, and `outcome` whether the form or the platform's answer
    refused the date ("refused") or took it ("accepted")."""

    url: str
    birthdate: str
    outcome: Literal["refused", "accepted", "not_tried", "error"] = "not_tried"
    message: str = ""
    sent: bool = False  # the submission reached the platform (active mode lets exactly that one through)
    refused_by: Literal["", "form", "platform"] = ""  # who turned the date away: the page's script or the server
    sent_requests: list[str] = Field(default_factory=list)
    blocked_requests: list[str] = Field(default_factory=list)
    screenshot: str | None = None
    error: str | None = None


class BundleInfo(_Model):
    """The index of an evidence bundle (bundle/bundle.json)."""

    schema_: str = Field(BUNDLE_SCHEMA, alias="schema")
    platform: PlatformSpec
    pages: list[str] = Field(default_factory=list)  # page ids, in visit order
    probes: dict[str, str] = Field(default_factory=dict)  # probe name -> file
    browser: str = ""
    user_agent: str = ""
    started_at: str = ""
    finished_at: str = ""
    timings: dict[str, float] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)
    writes: list[WriteRecord] = Field(default_factory=list)  # every write the guard refused (or let through to log in)
    budget_s: float | None = None  # the audit's wall-clock budget
    unfinished: dict[str, str] = Field(default_factory=dict)  # crawl / probe name -> why it did not finish


# --------------------------------------------------------------------------- audit definition


class PlatformSpec(_Model):
    """The `[platform]` table of an audit definition."""

    name: str = Field(min_length=1)
    url: str
    language: Literal["nl", "en"] | None = None
    adult: bool = True
    active: bool = False

    @field_validator("url")
    @classmethod
    def _http_url(cls, url: str) -> str:
        if problem := http_url_problem(url):
            raise ValueError(problem)
        return url


# --------------------------------------------------------------------------- findings and results


class Evidence(_Model):
    """A pointer to what a finding rests on: a file in the run folder, a page, an element box."""

    kind: Literal["screenshot", "page", "dom", "text", "probe"]
    path: str | None = None
    sha256: str | None = None
    url: str | None = None
    box: Box | None = None
    note: str = ""  # in English; the reports show `note_message` in the report's language when it is set
    note_message: Message | None = None


class Quote(_Model):
    """A sentence quoted from the platform's own text."""

    url: str
    text: str


class ReviewFlag(_Model):
    """Why an auditor's judgement is not applied and needs a new look, as data the reports put into words.

    `expired`: the judgement expired on `date`. `changed`: the machine's verdict was `before` when the
    auditor judged it and is `after` now. `note`: a reason stored as a sentence (runs from before flags
    were data), printed as it is."""

    kind: Literal["expired", "changed", "note"]
    date: str | None = None
    before: Status | None = None
    after: Status | None = None
    text: str = ""


class Review(_Model):
    """An auditor's judgement on a check's verdict (from the platform's review file)."""

    status: Status
    machine_status: Status
    reason: str
    reviewer: str
    date: str
    expires: str | None = None
    applied: bool = True
    flag: ReviewFlag | None = None  # why the judgement was not applied and needs a new look
    machine_basis: Basis | None = None  # an applied judgement: the basis of the machine's verdict it replaced

    @field_validator("flag", mode="before")
    @classmethod
    def _sentence_flag(cls, value: Any) -> Any:
        """A run from before flags were data stored the reason as a sentence: keep it as a note."""
        if isinstance(value, str):
            return ReviewFlag(kind="note", text=value) if value else None
        return value


class Message(_Model):
    """A sentence as a message id (English, `{name}` placeholders) with its parameters; see safehaven/i18n.py.

    `plural`, when set, is the plural id: the catalogue picks the form by the parameter `n`. A parameter
    that is a Message is a word or phrase translated on its own; a list is joined with ", "."""

    message: str
    plural: str = ""
    context: str = ""  # gettext's msgctxt, for words another language says differently in different places
    params: dict[str, MessageParam] = Field(default_factory=dict)


MessageParam = str | int | float | Message | list[str | int | float | Message]


class ReportOutcomes(_Model):
    """REPORT-02: on how many item pages the report control led to a form, a login wall, a mailto or nothing."""

    form: int = 0
    login: int = 0
    mailto: int = 0
    none: int = 0


class ReportRoutes(_Model):
    """REPORT-01: site-wide ways to report besides a control on the item: general forms, addresses, links."""

    forms: list[str] = Field(default_factory=list)
    mailto: list[str] = Field(default_factory=list)
    links: list[str] = Field(default_factory=list)


class ContactRoutes(_Model):
    """The platform's general contact (REPORT-06, EVIDENCE-05): its own addresses (mailto:) and contact pages."""

    mailto: list[str] = Field(default_factory=list)
    pages: list[str] = Field(default_factory=list)


class Facts(_Model):
    """The facts of a finding that code reads back (the area levels of checks/, the review, the reports);
    `Finding.details` holds the rest, information for a human reader. A check passes them to `finding()`
    by name like any detail; each is set by the check named beside it."""

    outcomes: ReportOutcomes | None = None  # REPORT-02
    general_routes: ReportRoutes | None = None  # REPORT-01
    general_contact: ContactRoutes | None = None  # REPORT-06, EVIDENCE-05
    vague_statements: int | None = None  # EVIDENCE-02: retention statements without a period
    deletion_promise: bool | None = None  # EVIDENCE-03: removed content is deleted at once, nothing kept
    max_default_preservation_days: int | None = None  # EVIDENCE-03
    crimes_named: list[str] | None = None  # EVIDENCE-04: crimes the platform says it reports of its own accord


class AuditorNote(_Model):
    """Who wrote an auditor's manual finding (from the review file), with its title and reason."""

    title: str
    reviewer: str
    date: str
    reason: str = ""


FACT_KEYS: frozenset[str] = frozenset(Facts.model_fields)


class Finding(_Model):
    """The verdict of one check on one run."""

    check: str
    area: str
    status: Status
    score: float | None = None
    basis: Basis = "observed"
    summary: str = ""  # the sentence in English: `message` rendered with `params`
    message: str = ""  # the message id of the sentence (absent in runs from before message ids)
    plural: str = ""  # its plural id, when the wording depends on params["n"]
    params: dict[str, MessageParam] = Field(default_factory=dict)
    level: int | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    details: dict[str, Any] = Field(default_factory=dict)
    # Runs from before message ids: the summary in other languages, e.g. {"nl": ...}. Newer runs have
    # `message` and `params`, rendered in any language by the reports.
    summaries: dict[str, str] = Field(default_factory=dict)
    review: Review | None = None
    facts: Facts = Field(default_factory=Facts)
    auditor: AuditorNote | None = None  # a manual finding: the auditor who wrote it

    @model_validator(mode="before")
    @classmethod
    def _facts_from_details(cls, data: Any) -> Any:
        """Runs from before Facts kept these facts in `details` (and manual findings their auditor there)."""
        if not isinstance(data, dict) or not isinstance(data.get("details"), dict):
            return data
        details = data["details"]
        if "facts" not in data and FACT_KEYS & details.keys():
            data = {**data, "facts": {k: details[k] for k in FACT_KEYS & details.keys()},
                    "details": {k: v for k, v in details.items() if k not in FACT_KEYS}}
        if "auditor" not in data and data.get("basis") == "auditor" and {"title", "reviewer", "date"} <= details.keys():
            data = {**data, "auditor": {k: details[k] for k in ("title", "reviewer", "date", "reason") if k in details},
                    "details": {k: v for k, v in data["details"].items() if k not in ("title", "reviewer", "date",
                                                                                       "reason")}}
        return data


class AreaScore(_Model):
    score: float | None = None
    level: int = 0
    scored: int = 0
    total: int = 0
    unassessed: list[str] = Field(default_factory=list)  # checks of the area that are not_assessed or error
    assessed: bool = True  # False: the check the level rests on was not assessed, so the level is unknown


class ScoreCard(_Model):
    overall: float | None = None
    grade: str = "E"
    provisional: bool = False
    coverage: float = 0.0
    caps: list[str] = Field(default_factory=list)
    areas: dict[str, AreaScore] = Field(default_factory=dict)


class RunInfo(_Model):
    id: str
    started_at: str
    finished_at: str | None = None
    tool_version: str
    browser: str = ""
    status: RunStatus = "complete"
    manifest_sha256: str | None = None


class PageSummary(_Model):
    url: str
    final_url: str | None = None
    role: PageRole = "other"
    status: int | None = None
    title: str = ""
    error: str | None = None


class Result(_Model):
    """result.json: the stable result contract (schema safehaven.result/1)."""

    schema_: str = Field(RESULT_SCHEMA, alias="schema")
    methodology: int = METHODOLOGY
    platform: PlatformSpec
    run: RunInfo
    score: ScoreCard
    findings: list[Finding]
    manual: list[Finding] = Field(default_factory=list)  # auditor findings outside the catalogue (not scored)
    pages: list[PageSummary] = Field(default_factory=list)

    def finding(self, check_id: str) -> Finding:
        return next(f for f in self.findings if f.check == check_id)

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True, indent=2)


BundleInfo.model_rebuild()
Message.model_rebuild()
Evidence.model_rebuild()
Finding.model_rebuild()
