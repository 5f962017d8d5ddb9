"""Cerberus schemas for every kind of input file.

Each field may carry `meta: {"help": ...}`: the plain-English description of what is
allowed, used in error messages where Cerberus's own wording would be obscure.
"""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]

AREAS = (
    "clinical",
    "communication",
    "teaching",
    "governance",
    "records",
    "improvement",
    "development",
)
#: duty areas whose work needs a qualified assistant practitioner: a trainee form must change them
QUALIFIED_AREAS = ("clinical", "teaching")
CATEGORIES = ("qualifications", "experience", "knowledge", "skills", "values")
NEEDS = ("essential", "desirable")
STATUSES = ("OFFICIAL", "SECONDARY", "CORROBORATED", "UNCONFIRMED")
HCAS_ZONES = ("none", "inner_london", "outer_london", "fringe")
PAY_BASES = ("band", "annex21")
MIN_PROGRAMME_MONTHS, MAX_PROGRAMME_MONTHS = 12, 48
DEFAULT_PROGRAMME_MONTHS = 24
CONTRACTS = ("permanent", "fixed_term", "secondment", "bank")
WORKING_PATTERNS = (
    "full_time",
    "part_time",
    "flexible_working",
    "shifts",
    "nights",
    "weekends",
    "on_call",
    "term_time",
    "compressed_hours",
)

TEXT = {"type": "string", "empty": False}
OPTIONAL_TEXT = {"type": "string", "nullable": True}
TEXT_LIST = {"type": "list", "schema": TEXT}
CLAUSE_REF = {
    "type": "string",
    "regex": r"CS\d+\.\d+",
    "meta": {"help": "a core standard clause written like CS1.4"},
}
ID = {
    "type": "string",
    "regex": r"[a-z0-9][a-z0-9-]*",
    "meta": {"help": "lower-case letters, digits and hyphens, such as rad-plain-film"},
}
DATE = {"type": "date", "meta": {"help": "a date written YYYY-MM-DD, such as 2026-12-15"}}

SOURCE: Schema = {
    "type": "dict",
    "schema": {
        "title": {**TEXT, "required": True},
        "url": {"type": "string", "regex": r"https?://\S+", "meta": {"help": "a web address"}},
        "status": {"type": "string", "allowed": list(STATUSES), "required": True},
        "note": TEXT,
    },
}
SOURCES: Schema = {"type": "list", "schema": SOURCE}

TRAINEE_DUTY: Schema = {
    "type": "dict",
    "nullable": True,
    "schema": {"text": TEXT, "drop": {"type": "boolean"}},
}
TRAINEE_CRITERION: Schema = {
    "type": "dict",
    "nullable": True,
    "schema": {
        "text": TEXT,
        "need": {"type": "string", "allowed": list(NEEDS)},
        "drop": {"type": "boolean"},
    },
}


def _duty(*, with_id: bool) -> Schema:
    fields: Schema = {
        "area": {"type": "string", "allowed": list(AREAS), "required": True},
        "text": {**TEXT, "required": True},
        "standards": {"type": "list", "schema": CLAUSE_REF, "required": True},
    }
    if with_id:
        fields["id"] = {**ID, "required": True}
    fields["trainee"] = TRAINEE_DUTY
    return {"type": "dict", "schema": fields}


def _criterion(*, with_id: bool) -> Schema:
    fields: Schema = {
        "category": {"type": "string", "allowed": list(CATEGORIES), "required": True},
        "text": {**TEXT, "required": True},
        "need": {"type": "string", "allowed": list(NEEDS), "required": True},
        "assessed": {
            "type": "list",
            "minlength": 1,
            "schema": {"type": "string", "regex": r"[A-Z]", "meta": {"help": "a letter such as A"}},
            "required": True,
        },
        "standards": {"type": "list", "schema": CLAUSE_REF, "required": True},
    }
    if with_id:
        fields["id"] = {**ID, "required": True}
    fields["trainee"] = TRAINEE_CRITERION
    return {"type": "dict", "schema": fields}


WORKING_RELATIONSHIPS: Schema = {
    "type": "dict",
    "schema": {"internal": TEXT_LIST, "external": TEXT_LIST},
}

PROFILE: Schema = {
    "id": {
        "type": "string",
        "regex": r"_?[a-z0-9_]+",
        "required": True,
        "meta": {"help": "the file name without .yaml, such as diagnostic_radiography"},
    },
    "extends": {"type": "string", "allowed": ["_core"]},
    "name": {**TEXT, "required": True},
    "job_title": TEXT,
    "directed_by": TEXT,
    "people": TEXT,
    "department": TEXT,
    "setting": TEXT,
    "purpose": TEXT,
    "working_relationships": WORKING_RELATIONSHIPS,
    "duties": {"type": "list", "schema": _duty(with_id=True)},
    "criteria": {"type": "list", "schema": _criterion(with_id=True)},
    "training": {
        "type": "list",
        "schema": {
            "type": "dict",
            "schema": {"text": {**TEXT, "required": True}, "sources": SOURCES},
        },
    },
    "core": {
        "type": "dict",
        "schema": {
            "drop": {"type": "list", "schema": ID},
            "replace": {
                "type": "list",
                "schema": {
                    "type": "dict",
                    "schema": {
                        "id": {**ID, "required": True},
                        "area": {"type": "string", "allowed": list(AREAS)},
                        "category": {"type": "string", "allowed": list(CATEGORIES)},
                        "text": {**TEXT, "required": True},
                        "need": {"type": "string", "allowed": list(NEEDS)},
                        "assessed": {"type": "list", "schema": {"type": "string"}},
                        "standards": {"type": "list", "schema": CLAUSE_REF},
                        "trainee": TRAINEE_CRITERION,
                    },
                },
            },
        },
    },
    "sources": {**SOURCES, "required": True, "minlength": 1},
    "unverified": {"type": "list", "schema": {"type": ["string", "dict"]}},
}

CONTACT: Schema = {
    "type": "dict",
    "schema": {"name": TEXT, "job_title": TEXT, "email": TEXT, "phone": TEXT},
}

TRUST: Schema = {
    "name": {**TEXT, "required": True},
    "short_name": {
        "type": "string",
        "regex": r"[a-z0-9][a-z0-9-]*",
        "meta": {"help": "lower-case letters, digits and hyphens, used in file names"},
    },
    "example": {"type": "boolean"},
    "logo": TEXT,
    "logo_alt": TEXT,
    "address": TEXT,
    "website": TEXT,
    "brand_colour": {
        "type": "string",
        "regex": r"#[0-9A-Fa-f]{6}",
        "meta": {"help": "a colour written #RRGGBB, such as #005EB8"},
    },
    "values": {
        "type": "list",
        "schema": {
            "type": "dict",
            "schema": {"name": {**TEXT, "required": True}, "description": TEXT},
        },
    },
    "about": TEXT,
    "hcas_zone": {"type": "string", "allowed": list(HCAS_ZONES)},
    "contact": CONTACT,
    "dbs": {
        "type": "dict",
        "schema": {
            "level": {"type": "string", "allowed": ["standard", "enhanced"]},
            "barred_lists": {
                "type": "list",
                "minlength": 1,
                "schema": {"type": "string", "allowed": ["adults", "children"]},
            },
        },
    },
    "review_months": {"type": "integer", "min": 1, "max": 36},
    "clauses": {"type": "dict", "valuesrules": TEXT},
    "trainee": {
        "type": "dict",
        "schema": {
            "min_weekly_hours": {"type": "number", "min": 16, "max": 37.5},
            "pay_basis": {"type": "string", "allowed": list(PAY_BASES)},
            "programme_months": {
                "type": "integer",
                "min": MIN_PROGRAMME_MONTHS,
                "max": MAX_PROGRAMME_MONTHS,
            },
            "milestone_months": {
                "type": "list",
                "minlength": 1,
                "schema": {"type": "integer", "min": 1, "max": MAX_PROGRAMME_MONTHS - 1},
            },
            "progression": TEXT,
        },
    },
}

ROLE: Schema = {
    "trust": TEXT,
    "specialty": {**TEXT, "required": True},
    "band": {"type": "integer", "allowed": [3, 4], "required": True},
    "trainee": {"type": "boolean"},
    "job_title": TEXT,
    "hours_per_week": {"type": "number"},
    "contract": {"type": "string", "allowed": list(CONTRACTS)},
    "fixed_term_months": {"type": "integer", "min": 1, "max": 60},
    "working_pattern": {
        "type": "list",
        "schema": {"type": "string", "allowed": list(WORKING_PATTERNS)},
    },
    "base": TEXT,
    "department": TEXT,
    "reports_to": TEXT,
    "accountable_to": TEXT,
    "closing_date": DATE,
    "reference": TEXT,
    "version": {"type": ["string", "number"]},
    "review_date": DATE,
    "duties": {
        "type": "dict",
        "schema": {
            "add": {"type": "list", "schema": _duty(with_id=False)},
            "drop": {"type": "list", "schema": ID},
        },
    },
    "criteria": {
        "type": "dict",
        "schema": {
            "add": {"type": "list", "schema": _criterion(with_id=False)},
            "drop": {"type": "list", "schema": ID},
        },
    },
    "working_relationships": WORKING_RELATIONSHIPS,
}

SIGNALS: Schema = {
    "type": "list",
    "schema": {
        "type": "dict",
        "schema": {"any": {"type": "list", "minlength": 1, "schema": TEXT, "required": True}},
    },
}

CORE_STANDARDS: Schema = {
    "publication": {"type": "dict", "required": True, "allow_unknown": True},
    "standards": {
        "type": "list",
        "required": True,
        "schema": {
            "type": "dict",
            "schema": {
                "id": {"type": "string", "regex": r"CS[1-6]", "required": True},
                "title": OPTIONAL_TEXT,
                "verified": {"type": "boolean", "required": True},
                "unverified_reason": OPTIONAL_TEXT,
                "sources": SOURCES,
                "clauses": {
                    "type": "list",
                    "required": True,
                    "schema": {
                        "type": "dict",
                        "schema": {
                            "id": {**CLAUSE_REF, "required": True},
                            "text": OPTIONAL_TEXT,
                            "verified": {"type": "boolean", "required": True},
                            "statement": OPTIONAL_TEXT,
                            "signals": SIGNALS,
                            "sources": SOURCES,
                            "note": TEXT,
                        },
                    },
                },
            },
        },
    },
}

MONEY = {"type": "integer", "min": 0}

AFC_TERMS: Schema = {
    "pay_scheme": TEXT,
    "pay_year_runs": TEXT,
    "pay_year_runs_source": SOURCE,
    "pay_years": {
        "type": "list",
        "required": True,
        "minlength": 1,
        "schema": {
            "type": "dict",
            "schema": {
                "year": {
                    "type": "string",
                    "regex": r"\d{4}/\d{2}",
                    "required": True,
                    "meta": {"help": "a pay year written 2025/26"},
                },
                "effective_from": {**DATE, "required": True},
                "effective_to": {**DATE, "required": True},
                "award_pct": {"type": "number"},
                "status": {"type": "string", "allowed": list(STATUSES), "required": True},
                "sources": SOURCES,
                "note": TEXT,
                "bands": {
                    "type": "dict",
                    "nullable": True,
                    "required": True,
                    "keysrules": {"type": "string", "allowed": ["2", "3", "4", "5"]},
                    "valuesrules": {
                        "type": "dict",
                        "schema": {
                            "points": {
                                "type": "list",
                                "minlength": 1,
                                "schema": MONEY,
                                "required": True,
                            },
                            "years_to_top": {"type": "integer", "min": 0},
                            "note": TEXT,
                        },
                    },
                },
                "hcas": {
                    "type": "dict",
                    "nullable": True,
                    "schema": {
                        "status": {"type": "string", "allowed": list(STATUSES)},
                        "sources": SOURCES,
                        "note": TEXT,
                        "zones": {
                            "type": "dict",
                            "keysrules": {"type": "string", "allowed": list(HCAS_ZONES[1:])},
                            "valuesrules": {
                                "type": "dict",
                                "schema": {"pct": {"type": "number"}, "min": MONEY, "max": MONEY},
                            },
                        },
                    },
                },
                "hcas_note": TEXT,
            },
        },
    },
    "hours": {"type": "dict", "required": True, "allow_unknown": True},
    "annual_leave": {"type": "dict", "allow_unknown": True},
    "unsocial_hours": {"type": "dict", "allow_unknown": True},
    "annex21": {
        "type": "dict",
        "schema": {
            "status": {"type": "string", "allowed": list(STATUSES), "required": True},
            "sources": {**SOURCES, "required": True, "minlength": 1},
            "schedule": {
                "type": "list",
                "required": True,
                "minlength": 1,
                "schema": {
                    "type": "dict",
                    "schema": {
                        "years_before_completion": {
                            "type": "integer",
                            "min": 1,
                            "required": True,
                        },
                        "pct": {"type": "number", "min": 1, "max": 100, "required": True},
                    },
                },
            },
            "note": TEXT,
        },
    },
}

CLAUSES: Schema = {
    "clauses": {
        "type": "list",
        "required": True,
        "schema": {
            "type": "dict",
            "schema": {
                "id": {**ID, "regex": r"[a-z_]+", "required": True},
                "title": {**TEXT, "required": True},
                "text": {**TEXT, "required": True},
                "advert": TEXT,
                "sources": SOURCES,
                "signals": SIGNALS,
            },
        },
    },
}

PERSON_SPEC: Schema = {
    "categories": {
        "type": "list",
        "required": True,
        "schema": {
            "type": "dict",
            "schema": {
                "id": {"type": "string", "allowed": list(CATEGORIES), "required": True},
                "title": {**TEXT, "required": True},
            },
        },
    },
    "assessment": {
        "type": "list",
        "required": True,
        "schema": {
            "type": "dict",
            "schema": {
                "code": {"type": "string", "regex": r"[A-Z]", "required": True},
                "meaning": {**TEXT, "required": True},
            },
        },
    },
    "note": TEXT,
    "sources": SOURCES,
    "nhs_values": {
        "type": "dict",
        "schema": {
            "sources": SOURCES,
            "values": {
                "type": "list",
                "required": True,
                "schema": {
                    "type": "dict",
                    "schema": {"name": {**TEXT, "required": True}, "description": TEXT},
                },
            },
        },
    },
}

ADVERT_BOX: Schema = {
    "type": "dict",
    "required": True,
    "schema": {
        "label": {**TEXT, "required": True},
        "min": {"type": "integer", "nullable": True, "min": 0, "required": True},
        "max": {"type": "integer", "min": 1, "required": True},
        "note": TEXT,
    },
}
#: the advert text boxes jdbuilder fills; their labels and limits are data
ADVERT_BOXES = (
    "vacancy_title",
    "job_overview",
    "skills_and_qualities",
    "working_for_your_organisation",
    "job_description",
)
#: the other advert details jdbuilder fills, each with a label in the data
ADVERT_DETAILS = (
    "employer",
    "location",
    "pay_scheme",
    "band",
    "salary",
    "contract",
    "working_pattern",
    "hours",
    "closing_date",
    "reference",
    "contact",
    "dbs",
)

NHS_JOBS: Schema = {
    "source": {**SOURCE, "required": True},
    "fields": {
        "type": "dict",
        "required": True,
        "schema": dict.fromkeys(ADVERT_BOXES, ADVERT_BOX),
    },
    "paste_safety": TEXT,
    "counting": {
        "type": "dict",
        "required": True,
        "schema": {
            "line_break_counts_as": {
                "type": "integer",
                "allowed": [1, 2],
                "required": True,
                "meta": {"help": "1 or 2: how many characters a line break counts as"},
            },
            "source": SOURCE,
        },
    },
    "other_fields": {
        "type": "dict",
        "required": True,
        "schema": {
            "source": SOURCE,
            "labels": {
                "type": "dict",
                "required": True,
                "schema": {name: {**TEXT, "required": True} for name in ADVERT_DETAILS},
            },
        },
    },
}

PATTERN = {
    "type": "string",
    "empty": False,
    "check_with": "regex",  # validate.FileValidator: it must compile
    "meta": {"help": "a regular expression"},
}
PATTERNS = {"type": "list", "minlength": 1, "schema": PATTERN}
PATTERN_GROUPS: Schema = {
    "type": "list",
    "minlength": 1,
    "schema": {"type": "dict", "schema": {"any": {**PATTERNS, "required": True}}},
}
REQUIRED = {"required": True}

CHECK: Schema = {
    "severity": {
        "type": "dict",
        "required": True,
        "schema": {
            "core_clause_missing_is_error": {"type": "list", "schema": CLAUSE_REF, **REQUIRED},
            "required_clauses": {"type": "list", "schema": TEXT, **REQUIRED},
        },
    },
    "role": {"type": "dict", "required": True, "schema": {"any": {**PATTERNS, **REQUIRED}}},
    "trainee": {
        "type": "dict",
        "required": True,
        "schema": {
            "title_blocks": {"type": "integer", "min": 1, **REQUIRED},
            "any": {**PATTERNS, **REQUIRED},
            "job_title_label": {**PATTERN, **REQUIRED},
        },
    },
    "band": {
        "type": "dict",
        "required": True,
        "schema": {
            "ap": {"type": "integer", "min": 1, "max": 9, **REQUIRED},
            "trainee": {"type": "integer", "min": 1, "max": 9, **REQUIRED},
            "declared": {**PATTERNS, **REQUIRED},
            "mention": {**PATTERN, **REQUIRED},
            "not_this_post": PATTERNS,
        },
    },
    "salary": {
        "type": "dict",
        "required": True,
        "schema": {
            "min_annual": {"type": "integer", "min": 0, **REQUIRED},
            "amount": {**PATTERN, **REQUIRED},
            "range_joiner": {**PATTERN, **REQUIRED},
            "not_this_post": PATTERNS,
        },
    },
    "hours": {"type": "dict", "required": True, "schema": {"weekly": {**PATTERNS, **REQUIRED}}},
    "directed_by": {**PATTERN_GROUPS, **REQUIRED},
    "accountability": {**PATTERN_GROUPS, **REQUIRED},
    "person_spec": {
        "type": "dict",
        "required": True,
        "schema": {
            "heading": {**PATTERNS, **REQUIRED},
            "essential": {**PATTERN, **REQUIRED},
            "desirable": {**PATTERN, **REQUIRED},
            "trainee_programme": {**PATTERN_GROUPS, **REQUIRED},
        },
    },
    "review": {
        "type": "dict",
        "required": True,
        "schema": {
            "months": {"type": "integer", "min": 1, "max": 120, **REQUIRED},
            "done_labels": {**PATTERNS, **REQUIRED},
            "due_labels": {**PATTERNS, **REQUIRED},
            "plain_labels": {**PATTERNS, **REQUIRED},
            "label_gap": {"type": "integer", "min": 0, "max": 200, **REQUIRED},
        },
    },
}

WORD_LIST = {
    "type": "list",
    "minlength": 1,
    "schema": {
        "type": "string",
        "regex": r"[a-z][a-z-]*\*?",
        "meta": {"help": "a lower-case word, or a word start ending in *"},
    },
}

LANGUAGE: Schema = {
    "gender_coded": {
        "type": "dict",
        "required": True,
        "schema": {
            "citation": {**TEXT, **REQUIRED},
            "status": {"type": "string", "allowed": list(STATUSES), **REQUIRED},
            "note": TEXT,
            "sources": SOURCES,
            "masculine": {**WORD_LIST, **REQUIRED},
            "feminine": {**WORD_LIST, **REQUIRED},
            "allowlist": {
                "type": "list",
                "schema": {
                    "type": "dict",
                    "schema": {
                        "reason": {**TEXT, **REQUIRED},
                        "patterns": {**PATTERNS, **REQUIRED},
                        "sources": SOURCES,
                    },
                },
            },
        },
    },
    "long_sentence": {
        "type": "dict",
        "required": True,
        "schema": {"max_words": {"type": "integer", "min": 5, **REQUIRED}, "source": SOURCE},
    },
    "acronyms": {
        "type": "dict",
        "required": True,
        "schema": {
            "known": {"type": "list", "schema": {"type": "string", "regex": r"[A-Z][A-Za-z0-9&]*"}},
            "sources": SOURCES,
        },
    },
    "readability": {
        "type": "dict",
        "required": True,
        "schema": {
            "method": {**TEXT, **REQUIRED},
            "formula": {**TEXT, **REQUIRED},
            "running_text_min_words": {"type": "integer", "min": 1, **REQUIRED},
            "source": SOURCE,
            "bands": {
                "type": "list",
                "minlength": 1,
                "required": True,
                "schema": {
                    "type": "dict",
                    "schema": {
                        "min": {"type": "number", **REQUIRED},
                        "label": {**TEXT, **REQUIRED},
                    },
                },
            },
        },
    },
}

SCHEMAS: dict[str, Schema] = {
    "profile": PROFILE,
    "trust": TRUST,
    "role": ROLE,
    "core_standards": CORE_STANDARDS,
    "afc_terms": AFC_TERMS,
    "clauses": CLAUSES,
    "person_spec": PERSON_SPEC,
    "nhs_jobs": NHS_JOBS,
    "check": CHECK,
    "language": LANGUAGE,
}
