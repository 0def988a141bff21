"""The Qt widgets of the intake screen; the only package that imports PySide6."""
