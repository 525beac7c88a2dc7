"""HTTP to a SPARQL server: one keep-alive connection per thread, credentials from the
environment or ``~/.netrc`` (never from the URL), and messages that never show them.

Credentials: ``KG_STORE_USER`` and ``KG_STORE_PASSWORD``, else the ``machine`` entry of
the server's host in ``~/.netrc`` (or the file ``NETRC`` names). They are sent as HTTP
Digest authentication when the server asks for it (Virtuoso does), else Basic.
"""
from __future__ import annotations

import hashlib
import http.client
import netrc
import os
import re
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..errors import GraphError, InputError

USER_VARIABLE, PASSWORD_VARIABLE = "KG_STORE_USER", "KG_STORE_PASSWORD"


def is_url(location) -> bool:
    """A store's address rather than a folder: ``http://`` or ``https://``."""
    return isinstance(location, str) and location.lower().startswith(("http://", "https://"))


class StoreTimeout(GraphError):
    """The server did not answer within the time limit."""


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes


def credentials(host: str) -> tuple[str, str] | None:
    """(user, password) from the environment, else from the netrc file; None if neither has them."""
    user, password = os.environ.get(USER_VARIABLE), os.environ.get(PASSWORD_VARIABLE)
    if user and password is not None:
        return user, password
    path = os.environ.get("NETRC") or os.path.expanduser("~/.netrc")
    if not os.path.isfile(path):
        return None
    try:
        entry = netrc.netrc(path).authenticators(host)
    except (netrc.NetrcParseError, OSError) as e:
        raise InputError(f"{path}: cannot read it ({getattr(e, 'msg', None) or e})") from None
    if entry and entry[2] is not None:
        return entry[0] or "", entry[2]
    return None


class Client:
    """Requests to one server. Thread-safe: each thread keeps its own connection."""

    def __init__(self, url: str, timeout: float | None = 60.0):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(f"{url!r}: not a store address (http://HOST:PORT/...)")
        if parts.username or parts.password:
            raise InputError("credentials in a store's URL are refused (they would show in logs and process lists); "
                             f"set {USER_VARIABLE} and {PASSWORD_VARIABLE}, or put them in ~/.netrc")
        self.scheme, self.host = parts.scheme, parts.hostname
        self.port = parts.port or (443 if parts.scheme == "https" else 80)
        self.base = parts.path.rstrip("/")
        #: The address as shown in messages (never with credentials).
        self.display = f"{parts.scheme}://{parts.netloc}{parts.path}".rstrip("/")
        self.timeout = timeout
        self.auth = credentials(self.host)
        self._local = threading.local()
        self._challenge: dict[str, str] | None = None
        self._nc = 0
        self._lock = threading.Lock()

    # -- the connection

    def _connection(self, timeout: float | None) -> http.client.HTTPConnection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            cls = http.client.HTTPSConnection if self.scheme == "https" else http.client.HTTPConnection
            conn = self._local.conn = cls(self.host, self.port, timeout=timeout)
        conn.timeout = timeout
        if conn.sock is not None:
            conn.sock.settimeout(timeout)
        return conn

    def _drop(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def close(self) -> None:
        self._drop()

    # -- authentication

    def _authorization(self, method: str, path: str) -> str | None:
        if self.auth is None:
            return None
        user, password = self.auth
        with self._lock:
            challenge = self._challenge
            if challenge is None:
                return None
            if challenge.get("scheme") == "basic":
                import base64

                return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
            self._nc += 1
            nc = f"{self._nc:08x}"
        realm, nonce = challenge.get("realm", ""), challenge.get("nonce", "")
        algorithm = challenge.get("algorithm", "MD5")
        digest = hashlib.sha256 if algorithm.upper().startswith("SHA-256") else hashlib.md5

        def h(text: str) -> str:
            return digest(text.encode("utf-8")).hexdigest()

        cnonce = hashlib.md5(os.urandom(16)).hexdigest()[:16]
        ha1, ha2 = h(f"{user}:{realm}:{password}"), h(f"{method}:{path}")
        qop = "auth" if "auth" in challenge.get("qop", "").split(",") else None
        response = h(f"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}") if qop else h(f"{ha1}:{nonce}:{ha2}")
        fields = [f'username="{user}"', f'realm="{realm}"', f'nonce="{nonce}"', f'uri="{path}"',
                  f'response="{response}"', f"algorithm={algorithm}"]
        if qop:
            fields += [f"qop={qop}", f"nc={nc}", f'cnonce="{cnonce}"']
        if "opaque" in challenge:
            fields.append(f'opaque="{challenge["opaque"]}"')
        return "Digest " + ", ".join(fields)

    def _learn(self, header: str) -> bool:
        """Remember the server's challenge; False if there is nothing to answer it with."""
        if self.auth is None or not header:
            return False
        scheme, _, rest = header.strip().partition(" ")
        challenge = {k.lower(): v for k, v in re.findall(r'(\w+)="?([^",]*)"?', rest)}
        challenge["scheme"] = scheme.lower()
        with self._lock:
            self._challenge, self._nc = challenge, 0
        return True

    # -- requests

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
                timeout: float | None = -1.0, what: str = "a request") -> Reply:
        """One request (``path`` below the base URL, with its query string). Failures to
        reach the server, refused credentials and time-outs are one-line GraphErrors."""
        timeout = self.timeout if timeout == -1.0 else timeout
        target = self.base + path
        for attempt in range(3):
            sent = dict(headers or {})
            authorization = self._authorization(method, target)
            if authorization:
                sent["Authorization"] = authorization
            try:
                conn = self._connection(timeout)
                conn.request(method, target, body=body, headers=sent)
                response = conn.getresponse()
                data = response.read()
            except TimeoutError:
                self._drop()
                raise StoreTimeout(f"{self.display}: no answer to {what} within {timeout:g} s") from None
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as e:
                self._drop()  # a kept-alive connection the server closed: once more on a new one
                if attempt == 0:
                    continue
                raise GraphError(f"{self.display}: the server closed the connection during {what} "
                                 f"({type(e).__name__})") from None
            except OSError as e:
                self._drop()
                raise GraphError(f"{self.display}: cannot reach the store ({e.strerror or type(e).__name__}) "
                                 f"for {what}; is the server running?") from None
            reply = Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, data)
            if response.getheader("connection", "").lower() == "close" or response.will_close:
                self._drop()
            if reply.status == 401 and attempt < 2 and self._learn(reply.headers.get("www-authenticate", "")) \
                    and (attempt == 0 or "stale=true" in reply.headers.get("www-authenticate", "").lower()):
                continue
            if reply.status in (401, 403):
                who = "without credentials" if self.auth is None else "with the credentials given"
                raise GraphError(f"{self.display}: the store refused {what} {who} (HTTP {reply.status}); set "
                                 f"{USER_VARIABLE} and {PASSWORD_VARIABLE}, or a ~/.netrc entry for {self.host}")
            return reply
        raise GraphError(f"{self.display}: the store refused {what}")  # pragma: no cover

    def redact(self, text: str) -> str:
        """``text`` with the credentials (if any) blanked out."""
        if self.auth:
            for secret in self.auth:
                if secret and len(secret) > 2:
                    text = text.replace(secret, "***")
        return text

    def wait(self, seconds: float) -> bool:
        """True once the server answers at all (for tests and scripts that start one)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                self.request("GET", "/", timeout=2)
                return True
            except GraphError:
                time.sleep(0.1)
        return False


__all__ = ["PASSWORD_VARIABLE", "USER_VARIABLE", "Client", "Reply", "StoreTimeout", "credentials", "is_url"]
