"""LinkedIn data exports (`linkedin_connections`): the text of ``Connections.csv`` for `personal_log`'s owner.

Limits: 1 to 5,000 connections, drawn against ``personal_log(seed=seed)`` and ``targets(seed=seed)``.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

from netinsight.datasets._arrays import _date_table, _day_number, _floor, _hex, _strings, _take
from netinsight.datasets._catalogue import _tables
from netinsight.datasets._vocabulary import _COMMA_COMPANIES, _COMMA_TITLES, _FIRST, _LAST
from netinsight.datasets.employers import _split_suffix, targets
from netinsight.datasets.logs import _MAX_PER_OWNER, _personal

__all__ = ["linkedin_connections"]

_LINKEDIN_NOTE: Final = (
    'Notes:\r\n"When exporting your connection data, you may notice that some of the email addresses are '
    "missing. You will only see email addresses for connections who have allowed their connections to see "
    "or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. "
    'You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\r\n\r\n'
)


def linkedin_connections(n: int = 80, *, seed: int = 0, older_export: bool = False) -> str:
    """Generate the text of a LinkedIn data export ``Connections.csv`` for `personal_log`'s owner.

    The text starts with LinkedIn's "Notes:" preamble, then the header ``First Name,Last
    Name,URL,Email Address,Company,Position,Connected On`` (no ``URL`` when `older_export`)
    and one row per connection, newest first, CRLF line ends and no byte-order mark. About
    30 % of the connections are contacts of ``personal_log(seed=seed)`` (same names, and the
    same profile URL where the log has one), some work at employers of ``targets(seed=seed)``
    that the log does not reach, the rest elsewhere; emails are mostly empty, a few names or
    companies are blank, and some fields hold commas (quoted).

    Parameters
    ----------
    n
        Number of connections, 1 to 5,000.
    seed
        Seed for `numpy.random.default_rng` (and of the matching `personal_log`).
    older_export
        Leave out the ``URL`` column, as exports before 2023 did.

    Returns
    -------
    str
        The file's text, dates written like ``12 Mar 2021``.

    Examples
    --------
    >>> text = linkedin_connections(5, seed=1)
    >>> text.startswith("Notes:")
    True
    >>> text.split("\\r\\n")[3]
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On'
    >>> len(text.split("\\r\\n"))
    10
    """
    if not 1 <= n <= _MAX_PER_OWNER:
        raise ValueError(f"n must be between 1 and {_MAX_PER_OWNER}, got {n}")
    tab = _tables()
    sim, _pool, last = _personal(60, seed, "2026-01-05", 6)
    goals = targets(seed=seed)
    rng = np.random.default_rng([seed, 3])
    met = np.flatnonzero(sim["is_rep"] == 0)
    n_met = min(met.size, round(0.3 * n))  # contacts of the log, those with a profile URL first
    known = met[np.argsort(rng.random(met.size) - (sim["kind"][met] == 2), kind="stable")[:n_met]]
    n_new = n - n_met
    # people at target employers the log does not reach (advocacy 1), one or two each
    n_firms = len(tab.company_names)
    lookup = pd.Series(np.arange(n_firms), index=list(tab.company_names))
    wanted = lookup.reindex(goals["employer"][goals["advocacy"] == 1]).dropna().to_numpy(np.int64)
    wanted = wanted[~np.isin(wanted, sim["company"])]
    n_target = min(n_new, wanted.size + wanted.size // 2)
    company = np.concatenate(
        [sim["company"][known], np.tile(wanted, 2)[:n_target], rng.integers(0, n_firms, n_new - n_target)]
    ).astype(np.int64)
    sector = tab.sector[company[n_met:]]
    role = np.concatenate(
        [sim["role"][known], tab.role_start[sector] + _floor(rng.random(n_new), tab.role_count[sector])]
    ).astype(np.int64)
    strangers = np.setdiff1d(np.arange(tab.n_reserved, len(tab.name)), sim["name"])
    name = np.concatenate([sim["name"][known], rng.choice(strangers, n_new, replace=False)]).astype(np.int64)
    url_code = np.concatenate([sim["url"][known], rng.integers(0, 16**6, n_new)]).astype(np.int64)
    connected = np.concatenate(
        [
            np.minimum(sim["day"][known] + rng.integers(0, 8, n_met), last),
            rng.integers(_day_number("2018-01-01"), last + 1, n_new),
        ]
    ).astype(np.int64)
    shown = np.concatenate([(sim["kind"][known] == 1) & (rng.random(n_met) < 0.4), rng.random(n_new) < 0.08])
    # employers as LinkedIn shows them: contacts' pages often without the legal suffix
    firm = company + n_firms * np.concatenate([rng.random(n_met) < 0.3, np.zeros(n_new, dtype=bool)])
    title = np.where(rng.random(n) < 0.08, tab.role_count.sum() + rng.integers(0, len(_COMMA_TITLES), n), role)
    odd = n_met + n_target + rng.permutation(n_new - n_target)  # a few odd rows among the others
    if odd.size >= 8:
        firm[odd[:3]] = 2 * n_firms + np.arange(3)  # "Smith, Jones & Co"
        firm[odd[3:6]] = -1  # no employer
        name[odd[6:8]] = -1  # no name, no URL, no email
    firms = _strings([*tab.company_names, *(_split_suffix(c)[0] for c in tab.company_names), *_COMMA_COMPANIES])
    domains = _strings([*tab.domain, "@mail.example"])
    lo, hi = int(connected.min()), int(connected.max())
    frame = pd.DataFrame(
        {
            "First Name": _take(_strings(_FIRST), np.where(name >= 0, name // len(_LAST), -1)),
            "Last Name": _take(_strings(_LAST), np.where(name >= 0, name % len(_LAST), -1)),
            "URL": "https://www.linkedin.com/in/" + _take(tab.slug, name) + "-" + _hex(url_code),
            "Email Address": _take(tab.local, np.where(shown, name, -1))
            + _take(domains, np.where(np.arange(n) < n_met, company, n_firms)),
            "Company": _take(firms, firm),
            "Position": _take(_strings([*tab.role, *_COMMA_TITLES]), title),
            "Connected On": _take(_date_table(lo, hi), 2 * (hi - lo + 1) + connected - lo),  # 12 Mar 2021
        }
    )
    frame = frame.iloc[np.argsort(-connected, kind="stable")]
    if older_export:
        frame = frame.drop(columns="URL")
    return _LINKEDIN_NOTE + frame.to_csv(index=False, lineterminator="\r\n")
