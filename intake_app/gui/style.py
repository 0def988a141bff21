"""The GUI's own additions to the shared theme (resources/style.qss): the form's look and the focus ring.

Applied once, to the whole application: a style sheet set on a widget is re-applied to all of its
children whenever they move, which made building the intake form twice as slow.
"""

# Colours chosen for at least 4.5:1 contrast on a white page.
FORM_STYLE = """
QLabel#help { color: #555b62; }
QLabel#problem { color: #b3261e; font-weight: bold; }
QLabel#redFlagBadge {
    color: #ffffff; background: #b3261e; border-radius: 3px; padding: 1px 6px; font-weight: bold;
}
QFrame#redFlagRow { border-left: 3px solid #c9d1d9; }
QFrame#redFlagRow[fired="true"] { border-left: 4px solid #b3261e; background: rgba(179, 38, 30, 14); }
QFrame#sectionIntro { background: #fff6db; border: 1px solid #e8cf7d; border-radius: 4px; }
QLabel#sideCaption { color: #555b62; }
QListWidget#sectionNav { border: none; border-right: 1px solid #c9ced4; outline: 0; }
QListWidget#sectionNav::item { padding: 6px 8px; }
QListWidget#sectionNav::item:selected { background: #2f62a3; color: #ffffff; }
"""

# A focus ring nobody can miss (a 2-pixel blue outline, or a tinted option), on top of the shared theme.
FOCUS_STYLE = """
QPushButton:focus, QToolButton:focus { border: 2px solid #1d5fa8; }
QLineEdit:focus, QComboBox:focus, QDateEdit:focus, QSpinBox:focus, QPlainTextEdit:focus { border: 2px solid #1d5fa8; }
QCheckBox:focus, QRadioButton:focus { background: #dbe9f8; border: 2px solid #1d5fa8; border-radius: 4px; }
QCheckBox, QRadioButton { border: 2px solid transparent; }
QListWidget:focus, QTableView:focus, QTableWidget:focus, QTextBrowser:focus { border: 2px solid #1d5fa8; }
QToolButton[chip="region"] { border: 1px solid #8fa6bf; border-radius: 10px; padding: 2px 8px; background: #eef3f8; }
QToolButton[chip="region"]:focus { border: 2px solid #1d5fa8; background: #dbe9f8; }
QToolButton#traceToggle { border: none; color: #2b3a4a; }
QLabel#levelChip[level="none"] { background: #eef1f4; color: #3e4c59; }
"""
