"""The window's side of signing in and locking (a mixin of MainWindow, kept apart so each file reads as
one concern): which screen shows, which menu entries the role may use, what happens to open work and
dialogs when the window locks, unlocks or another person signs in. session.py decides when.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from intake_app.access.roles import ROLE_WORDS, Action, Actor, allowed
from intake_app.errors import IntakeError

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLabel, QMenu, QStackedWidget, QStatusBar

    from intake_app.gui.admin_page import AdminPage
    from intake_app.gui.intake_page import IntakePage
    from intake_app.gui.patients import PatientsPanel
    from intake_app.gui.session import Session
    from intake_app.gui.today import TodayPanel

    _Base = QWidget
else:
    _Base = object


class AccessViews(_Base):
    """Screens and menus by who is signed in; the window supplies the widgets named below."""

    if TYPE_CHECKING:
        clinic: Any
        session: Session
        shell: QStackedWidget
        stack: QStackedWidget
        patients_page: QWidget
        patients: PatientsPanel
        today: TodayPanel
        admin_page: AdminPage
        intake_page: IntakePage | None
        user_label: QLabel
        menus: tuple[QMenu, ...]
        act_save: QAction
        act_print: QAction
        _needs: dict[QAction, Action | None]
        _hidden_dialogs: list[QWidget]

        def statusBar(self) -> QStatusBar: ...  # noqa: N802 (Qt name)
        def offer_recovery(self) -> None: ...

    def _update_actions(self) -> None:
        """Only what the signed-in role may do is shown; nothing but Quit and About while locked or signed out."""
        actor = self.session.actor
        working = actor is not None and not self.session.locked
        for action, needs in self._needs.items():
            may = working and (needs is None or allowed(actor.role if actor else None, needs))
            action.setVisible(may)
            action.setEnabled(may)  # a hidden entry's shortcut does nothing either
        for menu in self.menus:
            menu.menuAction().setVisible(any(a.isVisible() for a in menu.actions() if not a.isSeparator())
                                         or menu is self.menus[0])
        in_intake = self.intake_page is not None and self.stack.currentWidget() is self.intake_page
        self.act_save.setEnabled(in_intake and self.act_save.isVisible())
        self.act_print.setEnabled(in_intake and self.act_print.isVisible())

    def show_screen(self, screen: QWidget) -> None:
        self.shell.setCurrentWidget(screen)
        self._update_actions()

    def start_work(self, actor: Actor) -> None:
        """Signed in: a desk or clinical account sees the patients, an administrator the admin tools."""
        self.user_label.setText(self.tr("Signed in: {0} ({1})").format(actor.shown_name, ROLE_WORDS[actor.role]))
        if allowed(actor.role, Action.SEARCH):
            first = self.patients.clinic is None
            self.today.recalls_allowed = allowed(actor.role, Action.RECALL_LIST)
            self.today.set_clinic(self.clinic)  # today's short list first, then the patient list's first page
            self.patients.set_clinic(self.clinic)
            self.stack.setCurrentWidget(self.patients_page)
            self.show_screen(self.stack)
            self.patients.search.setFocus()  # type a name straight away
            if first:
                QTimer.singleShot(0, self.offer_recovery)
        else:
            self.admin_page.show_for(actor)
            self.show_screen(self.admin_page)

    def end_work(self) -> None:
        """Signed out: timers stop; the sign-in screen covers everything."""
        self.today.timer.stop()
        self.user_label.setText("")
        self._update_actions()

    def before_lock(self) -> None:
        """Save unsaved answers through the page's own save path, stop background refreshes, hide open
        dialogs (they may show patient data); the intake itself stays open underneath."""
        page = self.intake_page
        if page is not None and page.record is not None:
            try:
                page.save_now_blocking()
            except IntakeError as exc:  # e.g. an answer not valid yet: the recovery journal keeps them
                self.statusBar().showMessage(exc.message, 10000)
            page.autosave.stop()
        self.today.timer.stop()
        self._hidden_dialogs = [w for w in QApplication.topLevelWidgets()
                                if w is not self and w.isVisible() and isinstance(w, QDialog)]
        for dialog in self._hidden_dialogs:
            dialog.hide()

    def after_unlock(self) -> None:
        """Unlocked by the same person: everything as it was."""
        page = self.intake_page
        if page is not None and page.record is not None and not page.read_only:
            page.autosave.start()
        actor = self.session.actor
        if actor is not None and allowed(actor.role, Action.SEARCH):
            self.today.timer.start()
            self.show_screen(self.stack)
        else:
            self.show_screen(self.admin_page)
        for dialog in self._hidden_dialogs:
            dialog.show()
        self._hidden_dialogs = []

    def close_for_switch(self) -> None:
        """Someone else signs in at the lock screen: the first person's intake (saved at the lock) and
        dialogs close; answers that could not be saved stay in the recovery journal."""
        for dialog in self._hidden_dialogs:
            dialog.close()
        self._hidden_dialogs = []
        page = self.intake_page
        if page is not None and page.record is not None:
            page.close_record()
        self.stack.setCurrentWidget(self.patients_page)

