"""The rule engine: discovery (:mod:`.loader`), names rules ask for (:mod:`.names`),
matching of comparable claims (:mod:`.matching`) and running (:mod:`.runner`)."""

from checker.engine.loader import Rule, RuleSettings, builtin_rules_dir, load_rules, select
from checker.engine.marks import fail, rule
from checker.engine.names import ArticleClaims, Group, Pair, Series
from checker.engine.runner import RuleOutcome, iter_subjects, run_rules

__all__ = [
    "ArticleClaims",
    "Group",
    "Pair",
    "Rule",
    "RuleOutcome",
    "RuleSettings",
    "Series",
    "builtin_rules_dir",
    "fail",
    "iter_subjects",
    "load_rules",
    "rule",
    "run_rules",
    "select",
]
