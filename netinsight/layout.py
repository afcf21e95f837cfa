"""Tidy tree layout: positions for drawing a referral tree, computed without drawing.

Each generation sits on its own level (``y = -depth``), children keep the order given
and sit side by side under their parent, every parent is centred over its first and last
child, and subtrees never overlap, so no two edges cross. Leaves take consecutive slots in
depth-first order, which keeps the layout simple and deterministic. Limits: the tree must
be a tree (one parent per node); a forest is laid out tree after tree, left to right.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["tidy_tree_layout"]


def tidy_tree_layout(
    G: nx.DiGraph | Mapping[Hashable, Sequence[Hashable]],
    *,
    root: Hashable | Sequence[Hashable] | None = None,
    spacing: float = 1.0,
) -> dict[Hashable, tuple[float, float]]:
    """Positions of a tree's nodes: generations on levels, parents centred over children.

    Parameters
    ----------
    G
        A tree as a `networkx.DiGraph` (parent -> child; children in edge order) or a
        mapping parent -> children.
    root
        The root, or several roots laid out side by side (default: every node without a
        parent, in node order).
    spacing
        The horizontal distance between neighbouring leaves.

    Returns
    -------
    dict
        Node -> ``(x, y)``; ``y`` is minus the depth (the root at 0).

    Raises
    ------
    ValueError
        When a node has two parents or the graph has a cycle.

    Examples
    --------
    >>> pos = tidy_tree_layout({"me": ["ana", "cy"], "ana": ["ben", "bo"]})
    >>> pos["me"], pos["ana"], pos["ben"], pos["bo"], pos["cy"]
    ((1.25, 0.0), (0.5, -1.0), (0.0, -2.0), (1.0, -2.0), (2.0, -1.0))
    """
    children: dict[Hashable, list[Hashable]] = {}
    order: list[Hashable] = []
    if isinstance(G, Mapping):
        for parent, kids in G.items():
            children.setdefault(parent, []).extend(kids)
            order.append(parent)
            order.extend(kids)
    else:
        order.extend(G.nodes)
        for parent in G.nodes:
            children[parent] = list(G.successors(parent))
    parent_of: dict[Hashable, Hashable] = {}
    for parent, kids in children.items():
        for kid in kids:
            if kid in parent_of and parent_of[kid] != parent:
                msg = f"`G` is not a tree: {kid!r} has two parents, {parent_of[kid]!r} and {parent!r}"
                raise ValueError(msg)
            parent_of[kid] = parent
    if root is None:
        roots = list(dict.fromkeys(n for n in order if n not in parent_of))
    elif isinstance(root, (list, tuple)):
        roots = list(root)
    else:
        roots = [root]
    pos: dict[Hashable, tuple[float, float]] = {}
    next_leaf = 0.0
    for top in roots:
        # iterative post-order: (node, depth, children visited?)
        stack: list[tuple[Hashable, int, bool]] = [(top, 0, False)]
        while stack:
            node, depth, done = stack.pop()
            kids = children.get(node, [])
            if done:
                xs = [pos[k][0] for k in kids]
                pos[node] = ((xs[0] + xs[-1]) / 2, float(-depth))
            elif not kids:
                if node in pos:
                    msg = f"`G` has a cycle or a repeated node at {node!r}"
                    raise ValueError(msg)
                pos[node] = (next_leaf, float(-depth))
                next_leaf += spacing
            else:
                if node in pos or depth > len(parent_of) + 1:
                    msg = f"`G` has a cycle or a repeated node at {node!r}"
                    raise ValueError(msg)
                pos[node] = (float("nan"), float(-depth))  # placeholder: marks it as being visited
                stack.append((node, depth, True))
                stack.extend((k, depth + 1, False) for k in reversed(kids))
    return pos
