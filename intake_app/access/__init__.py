"""Who may do what, and a record of who did: roles, passwords, lockout, the audit chain, CLI identity.

Plain Python with no Qt and no database: storage persists the dataclasses defined here, services call
`require` before every action, and the CLI and GUI obtain the acting account through these helpers.
See docs/access.md for the design and its limits.
"""

from __future__ import annotations

from intake_app.access.roles import ACCOUNT_ROLES, PERMISSIONS, Action, Actor, PermissionDenied, Role, allowed, require

__all__ = ["ACCOUNT_ROLES", "PERMISSIONS", "Action", "Actor", "PermissionDenied", "Role", "allowed", "require"]
