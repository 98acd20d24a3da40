"""Errors the domain and store raise, each saying what is wrong and where."""


class FieldappError(Exception):
    """Base class for errors shown to the user as they are."""


class NewerDatabaseError(FieldappError):
    """The database was written by a newer fieldapp than this one."""


class MigrationError(FieldappError):
    """A schema migration failed; the backup taken before it is named in the message."""


class NotFound(FieldappError):
    """A record asked for by id does not exist."""
