"""Finding sentences as message IDs with parameters, rendered into any language of a gettext catalogue.

A check never writes a finished sentence. It marks the English sentence with `N_()` (a no-op that
`pybabel extract` collects) and passes the facts as parameters:

    finding("HELP-01", "fail", msg(N_("No help page found on the {n} pages visited."), n=seen))

The English sentence, with `{name}` placeholders filled by `str.format`, is the message id; the
Dutch one lives in the reports' catalogue (reports/locale/nl/LC_MESSAGES/messages.po). Where the
sentence of another language depends on a count (Dutch "pagina" / "pagina's"), `nmsg()` gives a
singular and a plural id chosen by the parameter `n`, as `ngettext` does. A parameter that is itself
a word ("button", "knop") is a Message too, rendered in the same language before it is inserted;
a list parameter is rendered item by item and joined with ", ". `pmsg()` adds a context where the
same English words read differently in another language, depending on where they stand.

This module is on the ground floor: it imports nothing of ours but the result model, and renders
with the standard library's gettext (English, the ids themselves, needs no catalogue at all).
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable, Sequence

from safehaven.models import Finding, Message, MessageParam

ENGLISH = gettext.NullTranslations()


def N_(message: str) -> str:
    """Mark `message` as a message id for extraction; returns it unchanged."""
    return message


def msg(message: str, /, **params: MessageParam) -> Message:
    """A message id (marked with N_) with its parameters."""
    return Message(message=message, params=params)


def nmsg(singular: str, plural: str, /, n: int, **params: MessageParam) -> Message:
    """A message whose wording depends on the count `n` (ngettext-style; extracted as `nmsg:1,2`)."""
    return Message(message=singular, plural=plural, params={"n": n, **params})


def pmsg(context: str, message: str, /, **params: MessageParam) -> Message:
    """A message id with a context (gettext's msgctxt; extracted as `pmsg:1c,2`): the same English words
    that another language says differently in another place ("a timeframe" / "een termijn" / "termijn")."""
    return Message(message=message, context=context, params=params)


def chain(items: Sequence[MessageParam], between: str, last: str | None = None) -> MessageParam:
    """Fold `items` into one parameter with two-place message ids: `between` ("{head}, {item}") joins
    each item to those before it, `last` ("{head} and {last}") the last one (default: `between`)."""
    head: MessageParam = items[0]
    for i, item in enumerate(items[1:], start=1):
        if i == len(items) - 1 and last is not None:
            return msg(last, head=head, last=item)
        head = msg(between, head=head, item=item)
    return head


def join(items: Sequence[MessageParam], last: str = "and") -> MessageParam:
    """`a`, `a and b`, `a, b and c` (or `or`) as a message, so that the words and the conjunction translate."""
    return chain(items, N_("{head}, {item}"), N_("{head} or {last}") if last == "or" else N_("{head} and {last}"))


def render(message: Message, translations: gettext.NullTranslations | None = None) -> str:
    """The message in the language of `translations` (English when None), its parameters filled in."""
    if not message.message:
        return ""
    t = translations or ENGLISH
    if message.plural:
        text = t.ngettext(message.message, message.plural, int(message.params.get("n", 0)))  # type: ignore[arg-type]
    elif message.context:
        text = t.pgettext(message.context, message.message)
    else:
        text = t.gettext(message.message)
    return text.format(**{k: _value(v, t) for k, v in message.params.items()})


def render_finding(finding: Finding, translations: gettext.NullTranslations | None = None, lang: str = "en") -> str:
    """A finding's sentence in the language of `translations`; a finding without a message id (an older
    run, a manual finding) has only its stored sentences: `summaries[lang]`, else the English `summary`."""
    if finding.message:
        return render(Message(message=finding.message, plural=finding.plural, params=finding.params), translations)
    return finding.summaries.get(lang, "") or finding.summary


def _value(value: MessageParam, t: gettext.NullTranslations) -> str | int | float:
    if isinstance(value, Message):
        return render(value, t)
    if isinstance(value, list):
        return ", ".join(str(_value(v, t)) for v in value)
    return value


def messages(values: Iterable[Message]) -> list[Message]:
    """Every message in `values` with the messages nested in their parameters (for tests and tools)."""
    out: list[Message] = []
    stack = list(values)
    while stack:
        m = stack.pop(0)
        out.append(m)
        for v in m.params.values():
            stack.extend(x for x in (v if isinstance(v, list) else [v]) if isinstance(x, Message))
    return out
