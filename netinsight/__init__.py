"""netinsight: informational-interview logs -> referral networks, coverage and follow-up insight."""

from __future__ import annotations

from netinsight.chains import UnknownPersonError, paths_to, referral_chains, referral_path
from netinsight.chaintable import ReferralCycleWarning
from netinsight.cohort import cohort_students, cohort_summary
from netinsight.cohortbreakdowns import cohort_activity, cohort_employers, cohort_funnel, cohort_industries
from netinsight.connectors import bridges, reach_by_depth, shared_connectors, top_connectors
from netinsight.coverage import concentration, coverage_over_time, industry_coverage
from netinsight.document import Report
from netinsight.employers import match_employers, normalize_employer
from netinsight.followup import follow_up_rates, todo
from netinsight.graph import graph_from_log, graph_from_tables, graph_to_tables, write_graph
from netinsight.industries import SECTOR_ALIASES, sector_table
from netinsight.io import read_log, write_log
from netinsight.layout import tidy_tree_layout
from netinsight.linkedin import read_linkedin_connections, warm_paths
from netinsight.outcomes import activity, outcomes
from netinsight.outreach import outreach_status, response_classes
from netinsight.people import introductions_table, people_table, person_ids, tables_from_log
from netinsight.personalreport import personal_report
from netinsight.plots.cohort import (
    plot_cohort_activity,
    plot_cohort_funnel,
    plot_cohort_industries,
    plot_cohort_rates,
)
from netinsight.plots.coverage import plot_coverage, plot_coverage_over_time
from netinsight.plots.followup import plot_activity, plot_follow_up_rates, plot_funnel, plot_thank_you_lag
from netinsight.plots.network import plot_referral_chains, plot_referral_path
from netinsight.policy import FollowUpPolicy
from netinsight.privacy import publish
from netinsight.problems import PROBLEM_CODES, LogReadError, LogValidationError, ValidationError
from netinsight.pseudonyms import MissingKeyError, load_key, pseudonymize
from netinsight.reach import target_status, top_target_coverage
from netinsight.report_excel import write_excel
from netinsight.report_html import render_html, write_html
from netinsight.reports import cohort_report
from netinsight.roster import read_roster
from netinsight.summary import summarize_log, tally
from netinsight.targets import read_targets
from netinsight.validate import validate_log

__version__ = "0.1.0"

__all__ = [
    "PROBLEM_CODES",
    "SECTOR_ALIASES",
    "FollowUpPolicy",
    "LogReadError",
    "LogValidationError",
    "MissingKeyError",
    "ReferralCycleWarning",
    "Report",
    "UnknownPersonError",
    "ValidationError",
    "__version__",
    "activity",
    "bridges",
    "cohort_activity",
    "cohort_employers",
    "cohort_funnel",
    "cohort_industries",
    "cohort_report",
    "cohort_students",
    "cohort_summary",
    "concentration",
    "coverage_over_time",
    "follow_up_rates",
    "graph_from_log",
    "graph_from_tables",
    "graph_to_tables",
    "industry_coverage",
    "introductions_table",
    "load_key",
    "match_employers",
    "normalize_employer",
    "outcomes",
    "outreach_status",
    "paths_to",
    "people_table",
    "person_ids",
    "personal_report",
    "plot_activity",
    "plot_cohort_activity",
    "plot_cohort_funnel",
    "plot_cohort_industries",
    "plot_cohort_rates",
    "plot_coverage",
    "plot_coverage_over_time",
    "plot_follow_up_rates",
    "plot_funnel",
    "plot_referral_chains",
    "plot_referral_path",
    "plot_thank_you_lag",
    "pseudonymize",
    "publish",
    "reach_by_depth",
    "read_linkedin_connections",
    "read_log",
    "read_roster",
    "read_targets",
    "referral_chains",
    "referral_path",
    "render_html",
    "response_classes",
    "sector_table",
    "shared_connectors",
    "summarize_log",
    "tables_from_log",
    "tally",
    "target_status",
    "tidy_tree_layout",
    "todo",
    "top_connectors",
    "top_target_coverage",
    "validate_log",
    "warm_paths",
    "write_excel",
    "write_graph",
    "write_html",
    "write_log",
]
