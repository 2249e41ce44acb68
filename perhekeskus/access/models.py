"""The append-only, hash-chained access and disclosure log.

Each entry stores the hash of the previous entry, and its own hash is
SHA-256 over a canonical serialisation of its fields (see
:func:`perhekeskus.access.chain.canonical`). The code has no update or delete
path, and the database refuses both (triggers on SQLite and PostgreSQL,
migrations ``audit/0002`` and ``access/0002``); signed checkpoints kept
outside the database (:mod:`perhekeskus.access.anchor`) show a log that was
shortened or rewritten behind the database's back. The log refers to people
and records by id only, without foreign keys, so that nothing elsewhere can
cascade into it and it outlives the records it describes.

The tables keep the names they had when the log was the audit app's.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from perhekeskus.core.appendonly import AppendOnlyError, AppendOnlyQuerySet


class AccessLogEntry(models.Model):
    class Action(models.TextChoices):
        READ = "read", _("read")
        LIST = "list", _("listed")
        SEARCH = "search", _("searched")
        EXPORT = "export", _("exported or printed")
        DISCLOSE = "disclose", _("disclosed")
        DISCLOSURE_CHECK = "disclosure_check", _("checked whether disclosure is allowed")
        GRANT = "grant", _("opened special access")
        REVIEW = "review", _("reviewed emergency access")
        WRITE = "write", _("changed")
        DENIED = "denied", _("was refused access")

    class Basis(models.TextChoices):
        RELATIONSHIP = "relationship", _("client relationship")
        TEAM = "team", _("member of the family's team")
        RESPONSIBLE = "responsible", _("the family's responsible worker")
        REFERRAL = "referral", _("request received (referral or consultation)")
        CONSENT = "consent", _("consent")
        STATUTORY = "statutory", _("statutory right")
        EMERGENCY = "emergency", _("emergency access")
        OWN = "own", _("own data")
        GUARDIAN = "guardian", _("guardian of the child")
        AUDIT = "audit", _("supervision of the log")
        NONE = "", _("no basis")

    seq = models.BigIntegerField(_("sequence number"), unique=True)
    occurred_at = models.DateTimeField(_("time"), db_index=True)
    actor_id = models.UUIDField(_("user id"), null=True, blank=True)
    actor_name = models.CharField(_("user"), max_length=300, blank=True)
    role = models.CharField(_("role"), max_length=200, blank=True)
    unit = models.CharField(_("unit"), max_length=300, blank=True)
    organization_id = models.UUIDField(_("organisation id"), null=True, blank=True)
    subject_family_id = models.UUIDField(_("family id"), null=True, blank=True)
    subject_person_id = models.UUIDField(_("person id"), null=True, blank=True)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    target = models.CharField(_("what"), max_length=300, blank=True)
    basis = models.CharField(_("basis"), max_length=20, choices=Basis.choices, blank=True)
    basis_detail = models.CharField(_("basis in detail"), max_length=500, blank=True)
    reason = models.TextField(_("reason given"), blank=True)
    recipient_organization_id = models.UUIDField(_("recipient id"), null=True, blank=True)
    recipient = models.CharField(_("recipient"), max_length=300, blank=True)
    allowed = models.BooleanField(_("allowed"))
    # A record a minor has hidden from their guardians: its reads are hidden too.
    hidden_from_guardians = models.BooleanField(_("hidden from guardians"), default=False)
    ip_address = models.CharField(_("address"), max_length=45, blank=True)
    channel = models.CharField(_("channel"), max_length=10, blank=True)
    prev_hash = models.CharField(_("previous hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64)
    # What of the record was processed, as compact JSON ({"kind": "plan"},
    # {"kind": "appointment", "on": "2026-12-03"} …), so the family can be told
    # in plain words. Entries written before it have none (NULL) and are hashed
    # without it; see :data:`perhekeskus.access.chain.EXTENDED_FIELDS`.
    what = models.CharField(_("what in detail"), max_length=500, null=True, blank=True)  # noqa: DJ001 (NULL: not hashed)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        db_table = "audit_accesslogentry"
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log entries")
        ordering = ["seq"]
        # Each also serves lookups by its first column alone; every index is
        # written on each read of personal data, so there are no more.
        indexes = [
            models.Index(fields=["subject_family_id", "occurred_at"], name="audit_family_time"),
            models.Index(fields=["subject_person_id", "occurred_at"], name="audit_person_time"),
            models.Index(fields=["actor_id", "occurred_at"], name="audit_actor_time"),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.actor_name} {self.action} {self.target}"

    def save(self, *args, **kwargs):
        # Appending goes through the chain (which inserts with SQL of its own).
        raise AppendOnlyError("Access log entries are appended through the hash chain.")

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("The access log is append-only.")


class ChainHead(models.Model):
    """The last entry of the chain: one row, locked by every writer.

    Locking it (``SELECT … FOR UPDATE`` on PostgreSQL) serialises appends so
    that two writers can never both link to the same previous entry.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    seq = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64)

    class Meta:
        db_table = "audit_chainhead"
        verbose_name = _("chain head")

    def __str__(self) -> str:
        return f"#{self.seq} {self.hash[:12]}"
