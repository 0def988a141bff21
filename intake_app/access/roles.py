"""Roles and the ONE permission table: every service action and the roles that may perform it.

Services call `require(actor, action)` first thing in every method, so the GUI and the command line obey
the same rules. The table is the only place a permission is decided; tests walk every action x role.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from intake_app.errors import IntakeError, Phrase, phrase
from intake_app.translation_marks import QT_TRANSLATE_NOOP


class Role(StrEnum):
    FRONT_DESK = "front-desk"
    CLINICIAN = "clinician"
    ADMINISTRATOR = "administrator"
    # The program itself (backups it makes on its own). Never the role of an account.
    SYSTEM = "system"


ACCOUNT_ROLES: tuple[Role, ...] = (Role.FRONT_DESK, Role.CLINICIAN, Role.ADMINISTRATOR)

# Plain words for each role (English, as stored and exported); screens show them through
# QCoreApplication.translate("Role", ...).
ROLE_WORDS: Mapping[Role, str] = {
    Role.FRONT_DESK: QT_TRANSLATE_NOOP("Role", "front-desk"),
    Role.CLINICIAN: QT_TRANSLATE_NOOP("Role", "clinician"),
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("Role", "administrator"),
    Role.SYSTEM: QT_TRANSLATE_NOOP("Role", "the program itself"),
}


class Action(StrEnum):
    """One value per thing a person can ask the program to do (the values are audit/action keys)."""

    REGISTER_PATIENT = "patient.register"
    UPDATE_PATIENT = "patient.update"
    SEARCH = "patient.search"
    VIEW_PATIENT = "patient.view"
    VIEW_INTAKE = "intake.view"
    START_INTAKE = "intake.start"
    SAVE_INTAKE = "intake.save"
    COMPLETE_INTAKE = "intake.complete"
    AMEND_INTAKE = "intake.amend"
    PRINT = "report.print"
    SAVE_PDF = "report.save_pdf"
    ACKNOWLEDGE_RED_FLAG = "intake.acknowledge"
    RESCREEN = "intake.rescreen"
    RECALL_LIST = "recall.list"
    EXPORT = "data.export"
    IMPORT = "data.import"
    RECORD_OUTCOME = "outcome.record"
    MANAGE_ACCOUNTS = "accounts.manage"
    CLINIC_SETTINGS = "settings.change"
    BACKUP = "database.backup"
    RESTORE = "database.restore"
    AUDIT_VIEW = "audit.view"
    AUDIT_EXPORT = "audit.export"
    DEMO_DATA = "database.demo_data"
    DB_UPGRADE = "database.upgrade"


# Plain words for messages: "... cannot <words>" (marked: a refusal shows them in the desk's language).
ACTION_WORDS: Mapping[Action, str] = {
    Action.REGISTER_PATIENT: QT_TRANSLATE_NOOP("IntakeError", "register a patient"),
    Action.UPDATE_PATIENT: QT_TRANSLATE_NOOP("IntakeError", "change a patient's details"),
    Action.SEARCH: QT_TRANSLATE_NOOP("IntakeError", "search for patients"),
    Action.VIEW_PATIENT: QT_TRANSLATE_NOOP("IntakeError", "open a patient"),
    Action.VIEW_INTAKE: QT_TRANSLATE_NOOP("IntakeError", "open an intake"),
    Action.START_INTAKE: QT_TRANSLATE_NOOP("IntakeError", "start an intake"),
    Action.SAVE_INTAKE: QT_TRANSLATE_NOOP("IntakeError", "save an intake"),
    Action.COMPLETE_INTAKE: QT_TRANSLATE_NOOP("IntakeError", "complete an intake"),
    Action.AMEND_INTAKE: QT_TRANSLATE_NOOP("IntakeError", "amend a completed intake"),
    Action.PRINT: QT_TRANSLATE_NOOP("IntakeError", "print a report"),
    Action.SAVE_PDF: QT_TRANSLATE_NOOP("IntakeError", "save a report as a PDF file"),
    Action.ACKNOWLEDGE_RED_FLAG: QT_TRANSLATE_NOOP("IntakeError", "acknowledge a red flag"),
    Action.RESCREEN: QT_TRANSLATE_NOOP("IntakeError", "re-screen intakes with new rules"),
    Action.RECALL_LIST: QT_TRANSLATE_NOOP("IntakeError", "work the recall list"),
    Action.EXPORT: QT_TRANSLATE_NOOP("IntakeError", "export patient data"),
    Action.IMPORT: QT_TRANSLATE_NOOP("IntakeError", "import intake documents"),
    Action.RECORD_OUTCOME: QT_TRANSLATE_NOOP("IntakeError", "record an outcome"),
    Action.MANAGE_ACCOUNTS: QT_TRANSLATE_NOOP("IntakeError", "manage staff accounts"),
    Action.CLINIC_SETTINGS: QT_TRANSLATE_NOOP("IntakeError", "change the clinic settings"),
    Action.BACKUP: QT_TRANSLATE_NOOP("IntakeError", "back up the database"),
    Action.RESTORE: QT_TRANSLATE_NOOP("IntakeError", "restore a backup"),
    Action.AUDIT_VIEW: QT_TRANSLATE_NOOP("IntakeError", "view the audit trail"),
    Action.AUDIT_EXPORT: QT_TRANSLATE_NOOP("IntakeError", "export the audit trail"),
    Action.DEMO_DATA: QT_TRANSLATE_NOOP("IntakeError", "add demonstration data"),
    Action.DB_UPGRADE: QT_TRANSLATE_NOOP("IntakeError", "upgrade the database"),
}

_DESK_WORK = frozenset({
    Action.REGISTER_PATIENT, Action.UPDATE_PATIENT, Action.SEARCH, Action.VIEW_PATIENT, Action.VIEW_INTAKE,
    Action.START_INTAKE, Action.SAVE_INTAKE, Action.COMPLETE_INTAKE, Action.AMEND_INTAKE, Action.PRINT,
    Action.SAVE_PDF,
})
_CLINICAL = frozenset({
    Action.ACKNOWLEDGE_RED_FLAG, Action.RESCREEN, Action.RECALL_LIST, Action.EXPORT, Action.IMPORT,
    Action.RECORD_OUTCOME,
})
_ADMINISTRATION = frozenset({
    Action.EXPORT, Action.IMPORT, Action.MANAGE_ACCOUNTS, Action.CLINIC_SETTINGS, Action.BACKUP, Action.RESTORE,
    Action.AUDIT_VIEW, Action.AUDIT_EXPORT, Action.DEMO_DATA, Action.DB_UPGRADE,
})

_BY_ROLE: Mapping[Role, frozenset[Action]] = {
    Role.FRONT_DESK: _DESK_WORK,
    Role.CLINICIAN: _DESK_WORK | _CLINICAL,
    Role.ADMINISTRATOR: _ADMINISTRATION,
    Role.SYSTEM: frozenset({Action.BACKUP}),
}

# THE permission table: action -> the roles allowed to perform it.
PERMISSIONS: Mapping[Action, frozenset[Role]] = {
    action: frozenset(role for role, actions in _BY_ROLE.items() if action in actions) for action in Action
}


@dataclass(frozen=True)
class Actor:
    """Who is acting: a signed-in account (login name, the name people read, role) or the program itself."""

    name: str
    role: Role
    display_name: str = ""

    @property
    def shown_name(self) -> str:
        return self.display_name or self.name


SYSTEM = Actor(name="system", role=Role.SYSTEM, display_name="the program (automatic)")


class PermissionDenied(IntakeError):
    """The acting account's role does not allow the action (or nobody is signed in). Plain words only."""

    def __init__(self, actor: Actor | None, action: Action) -> None:
        params: dict[str, object] = {"action": phrase(ACTION_WORDS[action]), "needed": _needed(PERMISSIONS[action])}
        if actor is None:
            message = QT_TRANSLATE_NOOP("IntakeError", "Sign in first: to {action} you need {needed}.")
        elif actor.role is Role.SYSTEM:
            message = QT_TRANSLATE_NOOP("IntakeError", "The program cannot {action} on its own.")
        else:
            message = QT_TRANSLATE_NOOP("IntakeError", "{name} is signed in with {account}, which cannot {action}.")
            params.update(name=actor.shown_name, account=phrase(ACCOUNT_WORDS[actor.role]))
        hint = QT_TRANSLATE_NOOP("IntakeError", "This needs {needed}.") if actor is not None else ""
        super().__init__(message, hint=hint, params=params)
        self.actor = actor
        self.action = action


# "a/an <role> account", and the roles an action needs, as whole phrases (the article goes with the word).
ACCOUNT_WORDS: Mapping[Role, str] = {
    Role.FRONT_DESK: QT_TRANSLATE_NOOP("IntakeError", "a front-desk account"),
    Role.CLINICIAN: QT_TRANSLATE_NOOP("IntakeError", "a clinician account"),
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("IntakeError", "an administrator account"),
}
_NEEDED_WORDS: Mapping[tuple[Role, ...], str] = {
    (Role.FRONT_DESK, Role.CLINICIAN): QT_TRANSLATE_NOOP("IntakeError", "a front-desk or clinician account"),
    (Role.CLINICIAN, Role.ADMINISTRATOR): QT_TRANSLATE_NOOP("IntakeError", "a clinician or administrator account"),
    (Role.FRONT_DESK, Role.CLINICIAN, Role.ADMINISTRATOR): QT_TRANSLATE_NOOP(
        "IntakeError", "a front-desk or clinician or administrator account"),
    **{(role,): words for role, words in ACCOUNT_WORDS.items()},
}


def _needed(roles: frozenset[Role]) -> Phrase:
    """The accounts that may do an action ("a front-desk or clinician account")."""
    ordered = tuple(r for r in ACCOUNT_ROLES if r in roles)  # every action has one (a test checks)
    return phrase(_NEEDED_WORDS[ordered])


def allowed(role: Role | None, action: Action) -> bool:
    return role is not None and role in PERMISSIONS[action]


def require(actor: Actor | None, action: Action) -> Actor:
    """Return the actor when its role may perform `action`; raise PermissionDenied otherwise."""
    if actor is None or not allowed(actor.role, action):
        raise PermissionDenied(actor, action)
    return actor


def parse_role(text: str) -> Role:
    """An account role from what a person typed ("front-desk", "Clinician"); a plain error otherwise."""
    wanted = text.strip().lower().replace("_", "-").replace(" ", "-")
    for role in ACCOUNT_ROLES:
        if wanted == role.value:
            return role
    choices = ", ".join(r.value for r in ACCOUNT_ROLES)
    raise IntakeError(
        QT_TRANSLATE_NOOP("IntakeError", "There is no role called {text}."),
        hint=QT_TRANSLATE_NOOP("IntakeError", "Choose one of: {choices}."),
        params={"text": repr(text), "choices": choices},
    )


class HasActor(Protocol):
    @property
    def signed_in(self) -> Actor | None: ...


P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S", bound=HasActor)


def requires(action: Action) -> Callable[[Callable[Concatenate[S, P], R]], Callable[Concatenate[S, P], R]]:
    """Method decorator: check `self.signed_in` against the table before the method body runs."""

    def decorate(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
        @functools.wraps(method)
        def checked(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
            require(self.signed_in, action)
            return method(self, *args, **kwargs)

        checked.__required_action__ = action  # type: ignore[attr-defined]
        return checked

    return decorate


# Every public method of services.Clinic and the action it checks first (`@requires(action)`), so the GUI
# and the command line obey one table. Methods that touch no patient data, or that decide access themselves
# (signing in, the first administrator, the recovery key), are listed in UNCHECKED_SERVICE_METHODS with why.
SERVICE_ACTIONS: Mapping[str, Action] = {
    "search_patients": Action.SEARCH,
    "count_patients": Action.SEARCH,
    "today": Action.SEARCH,
    "likely_duplicates": Action.REGISTER_PATIENT,
    "register_patient": Action.REGISTER_PATIENT,
    "update_patient": Action.UPDATE_PATIENT,
    "patient": Action.VIEW_PATIENT,
    "intakes_for": Action.VIEW_PATIENT,
    "intake": Action.VIEW_INTAKE,
    "revisions": Action.VIEW_INTAKE,
    "start_intake": Action.START_INTAKE,
    "save_draft": Action.SAVE_INTAKE,
    "complete_intake": Action.COMPLETE_INTAKE,
    "amend_intake": Action.AMEND_INTAKE,
    "acknowledge_red_flag": Action.ACKNOWLEDGE_RED_FLAG,
    "referral_pdf": Action.PRINT,
    "handout_pdf": Action.PRINT,
    "rescreen": Action.RESCREEN,
    "recall_list": Action.RECALL_LIST,
    "mark_contacted": Action.RECALL_LIST,
    "record_outcome": Action.RECORD_OUTCOME,
    "import_outcomes_csv": Action.RECORD_OUTCOME,
    "outcomes_for": Action.VIEW_INTAKE,
    "outcomes_due": Action.RECORD_OUTCOME,
    "outcomes_performance": Action.RECORD_OUTCOME,
    "outcomes_report_pdf": Action.RECORD_OUTCOME,
    "import_file": Action.IMPORT,
    "export_documents": Action.EXPORT,
    "add_demo_data": Action.DEMO_DATA,
    "backup": Action.BACKUP,
    "note_printed": Action.PRINT,
    "note_pdf_saved": Action.SAVE_PDF,
    "restore": Action.RESTORE,
    "upgrade": Action.DB_UPGRADE,
    "add_account": Action.MANAGE_ACCOUNTS,
    "list_accounts": Action.MANAGE_ACCOUNTS,
    "disable_account": Action.MANAGE_ACCOUNTS,
    "enable_account": Action.MANAGE_ACCOUNTS,
    "unlock_account": Action.MANAGE_ACCOUNTS,
    "reset_password": Action.MANAGE_ACCOUNTS,
    "save_clinic_settings": Action.CLINIC_SETTINGS,
    "audit_entries": Action.AUDIT_VIEW,
    "count_audit_entries": Action.AUDIT_VIEW,
    "verify_audit": Action.AUDIT_VIEW,
    "audit_csv": Action.AUDIT_EXPORT,
}

UNCHECKED_SERVICE_METHODS: Mapping[str, str] = {
    "open": "opens the database; every later call checks",
    "close": "closes the database connection",
    "group": "the shared file group from settings",
    "check_patient": "validates typed details; reads and writes nothing",
    "document": "builds a document from answers; reads and writes nothing",
    "validate_file": "checks a file; touches no database",
    "sqlite_version": "library version only",
    "describe_database": "where the database is, without a password",
    "signed_in": "who is signed in",
    "locked": "whether the window is locked",
    "idle_minutes": "when the window locks (a number, no patient data)",
    "daily_backup": "the program's own backup, made and recorded as the program itself (require(SYSTEM, BACKUP))",
    "lock": "locks the caller's own session",
    "has_accounts": "decides whether the first-run setup is shown",
    "create_first_administrator": "allowed only while there are no accounts (checked inside)",
    "sign_in": "decides access itself (password, lockout)",
    "sign_out": "ends the caller's own session",
    "unlock_session": "needs the signed-in account's own password",
    "change_own_password": "needs the account's own current password",
    "recover_with_key": "needs the one-time recovery key",
    "urgent_waiting": "the lock screen's 'urgent red flag' signal: a count, no patient data",
}


def permission_table_markdown() -> str:
    """The permission table as Markdown, for docs/access.md (a test keeps the document in step)."""
    header = "| Action | " + " | ".join(ROLE_WORDS[r] for r in ACCOUNT_ROLES) + " |"
    lines = [header, "|---|" + "---|" * len(ACCOUNT_ROLES)]
    for action in Action:
        marks = " | ".join("yes" if r in PERMISSIONS[action] else "-" for r in ACCOUNT_ROLES)
        lines.append(f"| {ACTION_WORDS[action][:1].upper()}{ACTION_WORDS[action][1:]} | {marks} |")
    return "\n".join(lines) + "\n"
