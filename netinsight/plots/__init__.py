"""Plots (matplotlib): each takes ``ax=None``, draws on it and returns it; nothing is shown or saved.

matplotlib is imported only when a plot is drawn, so ``import netinsight`` stays fast.
"""

from __future__ import annotations
