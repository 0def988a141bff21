"""Entry point of the frozen bundle (PyInstaller).

`intake-app --smoke-test` opens the first window on a throw-away database, waits until it has painted,
checks that the picture is not blank, and quits: exit 0 when it painted, 1 when it did not.
`intake-app --report-process` is the application's report process (intake_app.gui.report_process: the
window starts it, and talks to it over its standard input and output). Everything else goes to the normal
command line (`intake_app.cli.main`).
"""

from __future__ import annotations

import os
import sys
import tempfile


def smoke_test(timeout_ms: int = 20000) -> int:
    """Show the first window offscreen (or on the display there is), grab it once painted, quit."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="intake-smoke-") as home:
        # A throw-away data and config folder: the smoke test never touches a clinic's data.
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            os.environ[name] = os.path.join(home, name.lower())
        from PySide6.QtCore import QTimer
        from PySide6.QtGui import QColor

        from intake_app.gui.app import build_window, create_application

        app = create_application(sys.argv[:1])
        window = build_window(f"sqlite:///{os.path.join(home, 'smoke.db')}")
        window.resize(1024, 600)
        window.show()
        result = {"painted": False}

        def check() -> None:
            image = window.grab().toImage()
            if image.isNull() or image.width() == 0:
                return
            first = QColor(image.pixel(0, 0))
            step_x, step_y = max(1, image.width() // 40), max(1, image.height() // 40)
            colours = {
                QColor(image.pixel(x, y)).rgb()
                for x in range(0, image.width(), step_x)
                for y in range(0, image.height(), step_y)
            }
            if len(colours - {first.rgb()}) >= 3:
                result["painted"] = True
                app.quit()

        poll = QTimer()
        poll.setInterval(100)
        poll.timeout.connect(check)
        poll.start()
        QTimer.singleShot(timeout_ms, app.quit)
        app.exec()
        poll.stop()
        window.close()
        print("smoke test: the window painted" if result["painted"] else "smoke test: the window did not paint")
        return 0 if result["painted"] else 1


def main() -> int:
    if sys.argv[1:] == ["--smoke-test"]:
        return smoke_test()
    if sys.argv[1:] == ["--report-process"]:
        from intake_app.gui.report_process import serve

        serve()
        return 0
    from intake_app.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    raise SystemExit(main())
