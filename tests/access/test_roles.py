"""The permission table, action by action and role by role (written out here, independently of the code)."""

from __future__ import annotations

import pytest

from intake_app.access.roles import (
    ACCOUNT_ROLES,
    ACTION_WORDS,
    PERMISSIONS,
    SYSTEM,
    Action,
    Actor,
    PermissionDenied,
    Role,
    allowed,
    parse_role,
    require,
    requires,
)
from intake_app.errors import IntakeError

F, C, A, S = Role.FRONT_DESK, Role.CLINICIAN, Role.ADMINISTRATOR, Role.SYSTEM

# action -> roles allowed. Front desk does the desk work; a clinician does that plus the clinical work;
# an administrator looks after accounts, settings and the database but does not open patients.
EXPECTED: dict[Action, set[Role]] = {
    Action.REGISTER_PATIENT: {F, C},
    Action.UPDATE_PATIENT: {F, C},
    Action.SEARCH: {F, C},
    Action.VIEW_PATIENT: {F, C},
    Action.VIEW_INTAKE: {F, C},
    Action.START_INTAKE: {F, C},
    Action.SAVE_INTAKE: {F, C},
    Action.COMPLETE_INTAKE: {F, C},
    Action.AMEND_INTAKE: {F, C},
    Action.PRINT: {F, C},
    Action.SAVE_PDF: {F, C},
    Action.ACKNOWLEDGE_RED_FLAG: {C},
    Action.RESCREEN: {C},
    Action.RECALL_LIST: {C},
    Action.EXPORT: {C, A},
    Action.IMPORT: {C, A},
    Action.RECORD_OUTCOME: {C},
    Action.MANAGE_ACCOUNTS: {A},
    Action.CLINIC_SETTINGS: {A},
    Action.BACKUP: {A, S},
    Action.RESTORE: {A},
    Action.AUDIT_VIEW: {A},
    Action.AUDIT_EXPORT: {A},
    Action.DEMO_DATA: {A},
    Action.DB_UPGRADE: {A},
}

CASES = [(action, role) for action in Action for role in Role]


def test_the_expected_table_names_every_action() -> None:
    assert set(EXPECTED) == set(Action)
    assert set(PERMISSIONS) == set(Action)
    assert set(ACTION_WORDS) == set(Action)


@pytest.mark.parametrize(("action", "role"), CASES, ids=[f"{a.value}-{r.value}" for a, r in CASES])
def test_every_action_for_every_role(action: Action, role: Role) -> None:
    actor = Actor(name="someone", role=role, display_name="Sam Someone")
    if role in EXPECTED[action]:
        assert allowed(role, action)
        assert require(actor, action) is actor
    else:
        assert not allowed(role, action)
        with pytest.raises(PermissionDenied) as caught:
            require(actor, action)
        message = str(caught.value)
        assert ACTION_WORDS[action] in message
        assert ("Sam Someone" in message) != (role is Role.SYSTEM)
        # plain words: no action keys, no Python names
        assert action.value not in message
        assert "Role." not in message and "Action." not in message


@pytest.mark.parametrize("action", list(Action), ids=[a.value for a in Action])
def test_nobody_signed_in_may_do_nothing(action: Action) -> None:
    assert not allowed(None, action)
    with pytest.raises(PermissionDenied, match="Sign in first") as caught:
        require(None, action)
    assert isinstance(caught.value, IntakeError)


def test_every_action_can_be_done_by_some_account() -> None:
    assert all(PERMISSIONS[action] & set(ACCOUNT_ROLES) for action in Action)


def test_only_a_clinician_acknowledges_a_red_flag() -> None:
    assert PERMISSIONS[Action.ACKNOWLEDGE_RED_FLAG] == {Role.CLINICIAN}


def test_messages_name_who_may_do_it() -> None:
    with pytest.raises(PermissionDenied) as caught:
        require(Actor("desk1", Role.FRONT_DESK), Action.EXPORT)
    assert str(caught.value) == (
        "desk1 is signed in with a front-desk account, which cannot export patient data. "
        "This needs a clinician or administrator account."
    )
    with pytest.raises(PermissionDenied) as caught:
        require(None, Action.ACKNOWLEDGE_RED_FLAG)
    assert str(caught.value) == "Sign in first: to acknowledge a red flag you need a clinician account."


def test_the_program_itself_may_only_back_up() -> None:
    assert [a for a in Action if allowed(SYSTEM.role, a)] == [Action.BACKUP]
    assert SYSTEM.role not in ACCOUNT_ROLES
    with pytest.raises(PermissionDenied, match=r"^The program cannot restore a backup on its own"):
        require(SYSTEM, Action.RESTORE)


@pytest.mark.parametrize(("typed", "role"), [("front-desk", F), ("Front desk", F), ("CLINICIAN", C),
                                             ("administrator", A), ("front_desk", F)])
def test_roles_are_read_from_what_people_type(typed: str, role: Role) -> None:
    assert parse_role(typed) is role


@pytest.mark.parametrize("typed", ["system", "admin", "", "root"])
def test_unknown_roles_and_the_system_role_are_refused(typed: str) -> None:
    with pytest.raises(IntakeError, match="no role called") as caught:
        parse_role(typed)
    assert "front-desk, clinician, administrator" in str(caught.value)


class _Desk:
    def __init__(self, actor: Actor | None) -> None:
        self.signed_in = actor
        self.calls = 0

    @requires(Action.EXPORT)
    def export(self, n: int) -> int:
        self.calls += 1
        return n * 2


def test_the_decorator_checks_before_the_body_runs() -> None:
    desk = _Desk(Actor("fd", Role.FRONT_DESK))
    with pytest.raises(PermissionDenied):
        desk.export(2)
    assert desk.calls == 0
    desk.signed_in = Actor("dr", Role.CLINICIAN)
    assert desk.export(2) == 4
    assert desk.calls == 1
    assert _Desk.export.__required_action__ is Action.EXPORT  # type: ignore[attr-defined]
