"""The rule engine: discovery (:mod:`.loader`), names rules ask for (:mod:`.names`),
incidents (:mod:`.incidents`, with :mod:`.cues`) and running (:mod:`.runner`)."""

from checker.engine.loader import Rule, RuleSettings, builtin_rules_dir, load_rules, select
from checker.engine.marks import fail, rule
from checker.engine.names import ArticleClaims, IncidentView, Pair
from checker.engine.runner import RuleOutcome, iter_subjects, run_rules

__all__ = [
    "ArticleClaims",
    "IncidentView",
    "Pair",
    "Rule",
    "RuleOutcome",
    "RuleSettings",
    "builtin_rules_dir",
    "fail",
    "iter_subjects",
    "load_rules",
    "rule",
    "run_rules",
    "select",
]
