"""HanLP 2.x as a NER backend: a pretrained identifier, a URL, or a local folder.

``hanlp.load`` is called exactly as HanLP's users call it: an identifier from
``hanlp.pretrained`` (``MSRA_NER_ELECTRA_SMALL_ZH``) stands for a URL, which
HanLP downloads into ``HANLP_HOME`` (``~/.hanlp``) on first use; a folder is
loaded as it is (one a ``fit`` saved, or a downloaded model unzipped by hand).
A download that cannot happen becomes one :class:`BackendError` naming the
model, the URL and ``--ner-model /path/to/dir``.

Two kinds of HanLP component are accepted:

- a NER component (``TransformerNamedEntityRecognizer``,
  ``RNNNamedEntityRecognizer``, …): it tags tokens, so each sentence goes in as
  tokens, either characters (a model whose vocabulary is characters, such as
  one trained on char-level TSV) or LAC's words (the pretrained transformer
  models were trained on segmented text);
- a multi-task model (``hanlp.pretrained.mtl``): it reads raw text and
  segments it itself; its NER task is used.

HanLP gives ``(text, label, start, end)`` in token offsets; they are turned
into character offsets, and labels of the known tag sets (MSRA, OntoNotes, PKU)
into our three types (others, such as DATE or MONEY, are dropped).

HanLP only finds names. The rule layer also needs word boundaries to repair
names (``市经济和 | 信息化局``), so LAC's words, which ship with kg, are added
around HanLP's names as ``pos:TAG`` spans: the rules then run exactly as with
the default backend. ``words=False`` leaves them out.
"""
from __future__ import annotations

import io
import os
import re
import socket
import sys
from collections.abc import Iterator, Sequence
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

from ..doc import Span
from ..errors import BackendError, first_line
from .lac import LAC_ENTITY_WORDS

DEFAULT_MODEL = "MSRA_NER_ELECTRA_SMALL_ZH"
INSTALL_HINT = "pip install 'kg[hanlp]' (from a kg checkout: pip install '.[hanlp]')"

#: Tag sets HanLP's models use, onto our types: MSRA (format 1 and 2), OntoNotes,
#: PKU / People's Daily (nr, ns, nt), CoNLL and CLUENER style short tags.
TYPES = {
    "PERSON": "Person", "PER": "Person", "NR": "Person", "P": "Person",
    "GPE": "Region", "LOCATION": "Region", "LOC": "Region", "NS": "Region", "L": "Region",
    "ORGANIZATION": "Organization", "ORG": "Organization", "NT": "Organization", "〇": "Organization",
}
#: Pieces of text handed to HanLP at most this long (transformers read 512 subwords).
MAX_CHARS = 400
#: Seconds a silent connection may hang while HanLP downloads (its own calls set none).
NETWORK_TIMEOUT = 30


def entity_type(label: str) -> str | None:
    """Our type for a HanLP label (``NR``, ``PERSON``, ``ORG``, ``nt`` …), or None."""
    return TYPES.get(label.strip().upper())


class HanlpBackend:
    name = "hanlp"

    def __init__(self, model: str | Path = DEFAULT_MODEL, *, tokens: str = "auto", words: bool = True,
                 batch_size: int = 64, devices: Any = None):
        """Load ``model``: a pretrained identifier, a URL, or a local folder.

        ``tokens``: what a NER component reads, ``"chars"``, ``"words"`` (LAC's
        segmentation) or ``"auto"`` (characters when its vocabulary is made of
        characters). ``words``: add LAC's words for the rule layer.
        ``devices`` is passed to ``hanlp.load`` (None: HanLP's choice).
        """
        if "HANLP_VERBOSE" not in os.environ and not (sys.stderr and sys.stderr.isatty()):
            # HanLP's download progress bars write to the stderr it saw at import: keep logs clean
            os.environ["HANLP_VERBOSE"] = "0"
        try:
            import hanlp
        except ImportError as e:
            raise BackendError(f"the hanlp NER backend needs HanLP, which is not installed ({e}); "
                               f"install it with: {INSTALL_HINT}") from e
        if tokens not in ("auto", "chars", "words"):
            raise BackendError(f"tokens must be auto, chars or words, not {tokens!r}")
        self.model = str(model)
        self.batch_size = batch_size
        self.component = _load(hanlp, self.model, devices)
        self.ner_task = _ner_task(self.component, self.model)
        if self.ner_task is None:
            self.tokens = _token_kind(self.component) if tokens == "auto" else tokens
        else:
            self.tokens = "text"  # a multi-task model segments raw text itself
        self.words = words
        self._lac = None
        if words or self.tokens == "words":
            from .lac import LacBackend

            self._lac = LacBackend()

    def recognize(self, texts: Sequence[str]) -> list[list[Span]]:
        """Name spans from HanLP, plus LAC's other words as ``pos:TAG`` spans."""
        lac_spans = self._lac.recognize(texts) if self._lac else [[] for _ in texts]
        pieces: list[tuple[int, int, list[tuple[int, int]]]] = []  # (text index, offset, token offsets)
        for i, text in enumerate(texts):
            for offset, piece in _cut(text, MAX_CHARS):
                tokens = self._tokens(piece, [s for s in lac_spans[i] if offset <= s.start < offset + len(piece)],
                                      offset)
                if tokens:
                    pieces.append((i, offset, tokens))
        names: list[list[Span]] = [[] for _ in texts]
        for k in range(0, len(pieces), self.batch_size):
            batch = pieces[k:k + self.batch_size]
            for (i, offset, tokens), found in zip(batch, self._predict(texts, batch)):
                for label, b, e in found:
                    kind = entity_type(label)
                    if kind and 0 <= b < e <= len(tokens):
                        names[i].append(Span(offset + tokens[b][0], offset + tokens[e - 1][1], kind, "hanlp"))
        out = []
        for i in range(len(texts)):
            spans = _flat(names[i])
            if self.words:
                spans = spans + _words_around(spans, lac_spans[i])
            out.append(sorted(spans, key=lambda s: (s.start, -s.end)))
        return out

    def _tokens(self, piece: str, lac_words: list[Span], offset: int) -> list[tuple[int, int]]:
        """Token offsets into ``piece``: characters or words, white space left out."""
        if self.tokens == "words":
            out = []
            for w in lac_words:
                a, b = w.start - offset, min(w.end - offset, len(piece))
                while a < b and piece[a].isspace():
                    a += 1
                while b > a and piece[b - 1].isspace():
                    b -= 1
                if a < b:
                    out.append((a, b))
            return out
        return [(k, k + 1) for k, c in enumerate(piece) if not c.isspace()]

    def _predict(self, texts, batch) -> list[list[tuple[str, int, int]]]:
        """(label, first token, end token) per piece of the batch."""
        pieces = [[texts[i][offset + a:offset + b] for a, b in tokens] for i, offset, tokens in batch]
        if self.ner_task is None:
            results = self.component(pieces, batch_size=self.batch_size)
            return [[(label, b, e) for _, label, b, e in found] for found in results]
        # a multi-task model: raw text in, its own tokens out; entities are mapped back onto ours
        raw = [texts[i][offset + tokens[0][0]:offset + tokens[-1][1]] for i, offset, tokens in batch]
        doc = self.component(raw, tasks=self.ner_task)
        return [_retokenize(text, tokens, found, piece_tokens)
                for text, tokens, found, piece_tokens in zip(raw, _doc_tokens(doc), doc[self.ner_task],
                                                            (t for _, _, t in batch))]


def _load(hanlp, model: str, devices):
    """``hanlp.load`` with HanLP's console chatter held back, failures as BackendError."""
    from hanlp.utils.io_util import hanlp_home

    target = hanlp.pretrained.ALL.get(model, model)
    is_url = re.match(r"https?://", target) is not None
    path = Path(target).expanduser()
    if not is_url:
        if not path.exists():
            raise BackendError(
                f"HanLP model {model!r} not found: give a pretrained identifier (such as {DEFAULT_MODEL}; "
                f"see hanlp.pretrained.ALL), a URL, or a folder holding a saved HanLP model")
        if path.is_file():
            raise BackendError(f"{model}: a file; give the folder of a saved HanLP model (unzip a downloaded one)")
        if not any((path / f).is_file() for f in ("config.json", "meta.json")):
            raise BackendError(f"{model}: not a saved HanLP model (no config.json or meta.json in that folder)")
        target = str(path)
    chatter = io.StringIO()
    timeout = socket.getdefaulttimeout()
    if timeout is None:
        socket.setdefaulttimeout(NETWORK_TIMEOUT)
    try:
        with redirect_stdout(chatter), redirect_stderr(chatter):
            return hanlp.load(target, verbose=False, devices=devices)
    except Exception as e:  # HanLP raises whatever its dependencies raise
        failure = _network_error(e)
        if failure is None:
            raise BackendError(f"HanLP cannot load {model!r}: {first_line(_original(e))}") from e
        url = _url_of(failure) or (target if is_url else "?")
        if not is_url or url.split("#")[0] == target.split("#")[0]:
            raise BackendError(
                f"cannot download HanLP model {model!r} from {url} ({_reason(failure)}); with no network, "
                f"fetch that file elsewhere, unzip it and pass its folder: --ner-model /path/to/dir "
                f"(HanLP keeps downloads in {hanlp_home()})") from failure
        # the model came, a file it depends on (its transformer's tokenizer, say) did not
        raise BackendError(
            f"HanLP model {model!r} needs {url}, which cannot be downloaded ({_reason(failure)}); with no "
            f"network, fetch that file elsewhere and unzip it into {_local_dir(url)}, where HanLP looks "
            f"for it, or pass a model folder that has all it needs: --ner-model /path/to/dir") from failure
    finally:
        if timeout is None:
            socket.setdefaulttimeout(None)


def _ner_task(component, model: str) -> str | None:
    """The NER task of a multi-task model, None for a NER component; others are refused."""
    tasks = getattr(component, "tasks", None)
    if isinstance(tasks, dict) and type(component).__name__ == "MultiTaskLearning":
        names = [t for t in tasks if t.split("/")[0] == "ner"]
        for preferred in ("ner/msra", "ner/ontonotes", "ner/pku", "ner"):
            if preferred in names:
                return preferred
        if names:
            return names[0]
        raise BackendError(f"HanLP model {model!r} is a multi-task model without a NER task "
                           f"(its tasks: {', '.join(tasks)})")
    if "NamedEntityRecognizer" not in type(component).__name__:
        raise BackendError(f"HanLP model {model!r} is a {type(component).__name__}, not a NER component")
    return None


def _token_kind(component) -> str:
    """"chars" for a model whose token vocabulary is characters, else "words"."""
    vocabs = getattr(component, "vocabs", None)
    config = getattr(component, "config", None) or {}
    key = config.get("token_key", "token")
    vocab = vocabs.get(key) if vocabs is not None and hasattr(vocabs, "get") else None
    if vocab is None:  # a transformer reads subwords; HanLP's pretrained ones were trained on words
        return "words"
    special = {getattr(vocab, "pad_token", None), getattr(vocab, "unk_token", None)}
    entries = [t for t in vocab.idx_to_token if t not in special]
    return "chars" if entries and sum(len(t) == 1 for t in entries) >= 0.9 * len(entries) else "words"


def _doc_tokens(doc) -> list[list[str]]:
    for key in doc:
        if key.split("/")[0] == "tok":
            return doc[key]
    raise BackendError("the HanLP multi-task model gave no tokens")


def _retokenize(text: str, tokens: list[str], found, ours: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """Entities in a multi-task model's token offsets, moved onto our character tokens."""
    bounds, pos = [], 0
    for tok in tokens:
        at = text.find(tok, pos)
        if at < 0:  # a normalized token: assume it covers as many characters
            at = pos
        bounds.append((at, at + len(tok)))
        pos = at + len(tok)
    base = ours[0][0]
    char_to_token = {a - base: n for n, (a, _) in enumerate(ours)}
    end_to_token = {b - base: n + 1 for n, (_, b) in enumerate(ours)}
    out = []
    for _, label, b, e in found:
        if not 0 <= b < e <= len(bounds):
            continue
        first, last = char_to_token.get(bounds[b][0]), end_to_token.get(bounds[e - 1][1])
        if first is not None and last is not None and first < last:
            out.append((label, first, last))
    return out


def _flat(spans: list[Span]) -> list[Span]:
    """Overlapping names (a nested-NER model) keep the longest."""
    kept: list[Span] = []
    for s in sorted(spans, key=lambda s: (-len(s), s.start)):
        if not any(s.start < k.end and k.start < s.end for k in kept):
            kept.append(s)
    return kept


def _words_around(names: list[Span], lac_spans: list[Span]) -> list[Span]:
    """LAC's words outside HanLP's names, as ``pos:TAG`` spans; words a name cuts keep their outer parts."""
    out = []
    for w in lac_spans:
        tag = w.type[4:] if w.type.startswith("pos:") else LAC_ENTITY_WORDS.get(w.type, "n")
        pieces = [(w.start, w.end)]
        for n in names:
            pieces = [p for a, b in pieces for p in ((a, min(b, n.start)), (max(a, n.end), b)) if p[0] < p[1]]
        for a, b in pieces:
            out.append(Span(a, b, f"pos:{tag}" if (a, b) == (w.start, w.end) else "pos:x", "hanlp"))
    return out


def _cut(text: str, limit: int) -> list[tuple[int, str]]:
    from .lac import _cut as cut

    return cut(text, limit)


_NETWORK_WORDS = re.compile(r"connection|network|internet|timed? ?out|max retries|unreachable|"
                            r"name or service not known|name resolution|proxy|ssl", re.IGNORECASE)


def _chain(e: BaseException | None) -> Iterator[BaseException]:
    """``e`` and the exceptions it was raised from or while handling, innermost last."""
    seen = set()
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        yield e
        e = e.__cause__ or e.__context__


def _network_error(e: BaseException) -> BaseException | None:
    """The failed download behind ``e``, if any (HanLP's own error path may raise something else on top)."""
    import urllib.error

    kinds: tuple[type, ...] = (ConnectionError, TimeoutError, socket.timeout, urllib.error.URLError)
    try:
        import requests

        kinds += (requests.RequestException,)
    except ImportError:  # pragma: no cover - hanlp depends on requests
        pass
    for x in _chain(e):
        if isinstance(x, kinds) or (isinstance(x, OSError) and _NETWORK_WORDS.search(str(x))):
            return x
    return None


def _original(e: BaseException) -> BaseException:
    """The error itself, not the one HanLP's reporting raised on top (it imports pkg_resources)."""
    for x in _chain(e):
        if not (isinstance(x, ModuleNotFoundError) and x.name == "pkg_resources"):
            return x
    return e


def _url_of(e: BaseException) -> str | None:
    request = getattr(e, "request", None)
    url = getattr(request, "url", None) or getattr(e, "url", None) or getattr(e, "filename", None)
    if isinstance(url, str) and url.startswith(("http://", "https://")):
        return url
    found = re.search(r"https?://[^\s'\"()]+", str(e))
    return found.group(0).rstrip(".,;") if found else None


def _local_dir(url: str) -> str:
    """The folder HanLP unpacks ``url`` into (``HANLP_HOME/transformers/`` for its transformers)."""
    try:
        from hanlp.utils.io_util import path_from_url

        return str(Path(path_from_url(url.split("#")[0])).parent)
    except (ImportError, AttributeError, TypeError, ValueError):  # pragma: no cover - HanLP changed
        from hanlp.utils.io_util import hanlp_home

        return hanlp_home()


def _reason(e: BaseException) -> str:
    text = str(e)
    for pattern in (r"\[Errno -?\d+\][^'\")]*", r"HTTP Error \d+[^'\"\n]*", r"Connection refused",
                    r"Name or service not known", r"timed out"):
        found = re.search(pattern, text)
        if found:
            return found.group(0).strip()
    status = getattr(e, "code", None) or getattr(getattr(e, "response", None), "status_code", None)
    return f"{type(e).__name__} {status}" if status else type(e).__name__
