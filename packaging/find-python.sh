#!/bin/sh
# Print the newest Python 3.12+ on this machine (PATH first, then pyenv's versions), else python3.
# Python 3.12+ is preferred: PySide6 6.12.0 has a reference-count fault on 3.11 that the app guards against.
best=""; best_key=0
consider() {
    [ -x "$1" ] || return 0
    key=$("$1" -c 'import sys; v=sys.version_info; print(v[0]*10000+v[1]*100+v[2] if v >= (3, 12) else 0)' 2>/dev/null) || return 0
    if [ "${key:-0}" -gt "$best_key" ]; then best_key=$key; best=$1; fi
}
for name in python3.14 python3.13 python3.12; do
    path=$(command -v "$name" 2>/dev/null) && consider "$path"
done
root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
for path in "$root"/versions/3.1[2-9]*/bin/python3; do consider "$path"; done
if [ -n "$best" ]; then echo "$best"; else command -v python3; fi
