"""Opening the office's PostgreSQL: a server that cannot be reached, a login refused or a
database that does not exist become coded errors naming the server, never the password."""

from __future__ import annotations

import re

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from ..domain.errors import FieldappError, MigrationError

# A supervisor waits this long for an unreachable server, not the driver's two minutes.
CONNECT_TIMEOUT_S = 10
# SQLSTATE of the server's refusals (PostgreSQL Appendix A), when the driver gives one; psycopg
# gives none for a refused connection, so the server's (English) words are read as well.
_LOGIN = {"28P01", "28000"}  # invalid_password, invalid_authorization_specification
_NO_DATABASE = {"3D000"}  # invalid_catalog_name
_NO_PRIVILEGE = "42501"  # insufficient_privilege
_LOGIN_WORDS = re.compile(r"authentication failed|no pg_hba\.conf entry|"
                          r"role \".*\" does not exist")
_NO_DATABASE_WORDS = re.compile(r"database \".*\" does not exist")
# A server taking TLS connections only (pg_hba hostssl), and a certificate the client's
# sslmode=verify-full refuses (another CA, another host name): libpq's words, no SQLSTATE.
_NEEDS_TLS_WORDS = re.compile(r"pg_hba\.conf (entry|rejects connection) .*no encryption")
_CERTIFICATE_WORDS = re.compile(r"certificate verify failed|server certificate for .* does "
                                r"not match|root certificate file .* does not exist")
_SECRET = re.compile(r"(://[^:/@]*:)[^@]*@")


def engine_for(url: str):
    """A PostgreSQL engine for ``url`` (not yet connected); a malformed URL is said as such."""
    try:
        parsed = make_url(url)
        args = {} if "connect_timeout" in parsed.query else {"connect_timeout": CONNECT_TIMEOUT_S}
        return create_engine(parsed, hide_parameters=True, connect_args=args)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise FieldappError("db.bad_url", url=hidden(url), reason=str(exc)) from exc


def hidden(url: str) -> str:
    """``url`` with its password replaced by ***."""
    return _SECRET.sub(r"\1***@", url)


def problem(exc: BaseException, engine) -> FieldappError | None:
    """The coded error of a failed opening (connection, or tables the account may not make),
    or None when ``exc`` is something else."""
    url = engine.url
    server = f"{url.host or 'localhost'}:{url.port or 5432}"
    if isinstance(exc, FieldappError) and not isinstance(exc, MigrationError):
        return None  # already says what is wrong (pg_trgm missing, say)
    if any(_sqlstate(e) == _NO_PRIVILEGE for e in (exc, exc.__cause__)):
        # A supervisor's account opening a database this version must create or upgrade.
        return FieldappError("db.pg_owner_needed", server=server, user=url.username or "",
                             database=url.database or "")
    if not isinstance(exc, OperationalError):
        return None
    state = getattr(exc.orig, "sqlstate", None)
    reason = _reason(exc, url.password)
    if _NEEDS_TLS_WORDS.search(reason):
        return FieldappError("db.pg_needs_tls", server=server)
    if _CERTIFICATE_WORDS.search(reason):
        return FieldappError("db.pg_certificate", server=server, reason=reason)
    if state in _LOGIN or _LOGIN_WORDS.search(reason):
        return FieldappError("db.pg_login_refused", server=server, user=url.username or "",
                             reason=reason)
    if state in _NO_DATABASE or _NO_DATABASE_WORDS.search(reason):
        return FieldappError("db.pg_no_database", server=server, database=url.database or "")
    if state is None and "FATAL" not in reason:  # no answer from a server at all
        return FieldappError("db.pg_unreachable", server=server, reason=reason)
    return FieldappError("db.pg_refused", server=server, reason=reason)


def _sqlstate(exc: BaseException | None) -> str | None:
    return getattr(getattr(exc, "orig", None), "sqlstate", None)


def _reason(exc: OperationalError, password: str | None) -> str:
    text = " ".join(str(exc.orig).split()) or type(exc.orig).__name__
    return text.replace(password, "***") if password else text
