"""Passwords: Argon2id with library defaults, never shown, never logged, a plain minimum-length rule."""

from __future__ import annotations

import copy
import logging
import pickle
import sys

import pytest
from argon2 import PasswordHasher

from intake_app.access.accounts import Account
from intake_app.access.passwords import MIN_PASSWORD_LENGTH, Passwords, Secret, WeakPassword, check_new_password
from intake_app.access.roles import Role
from intake_app.crashlog import describe

PASSWORD = "correct horse battery staple"


def test_a_secret_never_shows_itself() -> None:
    secret = Secret(PASSWORD)
    shown = [repr(secret), str(secret), f"{secret}", f"{secret!r}", "%s" % (secret,), format(secret, ""),  # noqa: UP031
             repr([secret]), repr({"password": secret})]
    for text in shown:
        assert PASSWORD not in text
        assert "****" in text
    assert secret.reveal() == PASSWORD
    assert len(secret) == len(PASSWORD)


def test_a_secret_cannot_be_pickled_copied_or_changed() -> None:
    secret = Secret(PASSWORD)
    with pytest.raises(TypeError):
        pickle.dumps(secret)
    with pytest.raises(TypeError):
        copy.copy(secret)
    with pytest.raises(AttributeError):
        secret._value = "other"
    with pytest.raises(TypeError):
        hash(secret)
    assert Secret("a") == Secret("a")
    assert Secret("a") != Secret("b")


def test_hashes_are_argon2id_with_the_library_defaults_or_stronger() -> None:
    passwords = Passwords()
    stored = passwords.hash(Secret(PASSWORD))
    assert stored.startswith("$argon2id$v=19$")
    params = dict(p.split("=") for p in stored.split("$")[3].split(","))
    default = PasswordHasher()
    assert int(params["m"]) >= default.memory_cost >= 65536
    assert int(params["t"]) >= default.time_cost >= 3
    assert PASSWORD not in stored
    assert passwords.verify(stored, Secret(PASSWORD))
    assert not passwords.verify(stored, Secret(PASSWORD + "!"))
    assert not passwords.needs_rehash(stored)


def test_weaker_hashes_need_a_rehash_and_broken_ones_never_verify() -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1).hash(PASSWORD)
    passwords = Passwords()
    assert passwords.verify(weak, Secret(PASSWORD))
    assert passwords.needs_rehash(weak)
    assert not passwords.verify("not a hash", Secret(PASSWORD))
    assert not passwords.verify("", Secret(PASSWORD))
    assert passwords.needs_rehash("not a hash")


def test_only_argon2id_is_accepted() -> None:
    from argon2 import Type

    with pytest.raises(ValueError, match="Argon2id"):
        Passwords(PasswordHasher(type=Type.I))


def test_the_same_password_typed_another_way_matches(fast_passwords: Passwords) -> None:
    stored = fast_passwords.hash(Secret("ＰＡＳＳＷＯＲＤ１２３４５６"))  # full-width letters and digits
    assert fast_passwords.verify(stored, Secret("PASSWORD123456"))


@pytest.mark.parametrize(
    ("password", "words"),
    [
        ("Zq9!kx", f"at least {MIN_PASSWORD_LENGTH} characters"),
        ("x" * (MIN_PASSWORD_LENGTH - 1), "too short"),
        (" " * 20, "only spaces"),
        ("twelve chars\nmore", "control characters"),
        ("ana.ruiz.ana.ruiz", "cannot be the account name"),
        ("y" * 2000, "too long"),
    ],
)
def test_weak_new_passwords_get_a_plain_message_without_the_password(password: str, words: str) -> None:
    with pytest.raises(WeakPassword, match=words) as caught:
        check_new_password(Secret(password), account_name="ana.ruiz.ana.ruiz")
    if password.strip():
        assert password.strip() not in str(caught.value) + caught.value.hint
        assert password.strip() not in repr(caught.value)


def test_a_good_password_passes() -> None:
    secret = Secret("x" * MIN_PASSWORD_LENGTH)
    assert check_new_password(secret, account_name="ana") is secret


def test_an_account_repr_shows_no_hash(fast_passwords: Passwords) -> None:
    stored = fast_passwords.hash(Secret(PASSWORD))
    account = Account("ana", "Ana Ruiz", Role.CLINICIAN, stored)
    assert stored not in repr(account)
    assert "argon2" not in repr(account)


def test_passwords_reach_neither_the_log_nor_the_crash_log(
    fast_passwords: Passwords, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = Secret(PASSWORD)
    stored = fast_passwords.hash(secret)
    logging.getLogger("intake_app").info("signing in %s %r", secret, secret)
    try:
        fast_passwords.verify(stored, secret)
        raise RuntimeError(f"failed with {secret}")
    except RuntimeError:
        exc_type, _, tb = sys.exc_info()
        assert exc_type is not None
        crash = describe(exc_type, tb)
    assert PASSWORD not in caplog.text
    assert PASSWORD not in crash
