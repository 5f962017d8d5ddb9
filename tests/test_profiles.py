"""The content library: every specialty profile composes into a complete, traced post."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from conftest import AS_OF

from jdbuilder.compose import compose
from jdbuilder.inputs import role_from_options
from jdbuilder.library import Library
from jdbuilder.model import JobPack

#: the settings named in the source material (Health Careers, ST0215), one profile each at least
REQUIRED_SPECIALTIES = {
    "diagnostic_radiography",
    "therapeutic_radiography",
    "cancer_services",
    "respiratory_physiology",
    "occupational_therapy",
    "physiotherapy",
    "stroke_rehabilitation",
    "orthopaedics",
    "dietetics",
    "speech_and_language_therapy",
    "pathology",
    "operating_theatres",
    "emergency_medicine",
    "adult_inpatient_wards",
    "community_nursing",
    "primary_care",
    "audiology",
    "mental_health",
    "learning_disabilities",
    "palliative_care",
    "sexual_health",
    "endoscopy",
}
VERIFIED_STANDARDS = {"CS1", "CS2", "CS3", "CS6"}
PROFILE_IDS = sorted(Library().profile_paths())


def pack_for(library: Library, profile_id: str, band: int = 4) -> JobPack:
    return compose(role_from_options(profile_id, band, None, library), library, AS_OF)


def test_every_named_setting_has_a_profile() -> None:
    assert sorted(REQUIRED_SPECIALTIES - set(PROFILE_IDS)) == []
    assert len(PROFILE_IDS) >= 20


@pytest.mark.parametrize("profile_id", PROFILE_IDS)
def test_profile_composes_into_a_complete_post(library: Library, profile_id: str) -> None:
    pack = pack_for(library, profile_id)
    assert pack.directed_by
    assert pack.purpose
    assert 12 <= len(pack.duties) <= 20, len(pack.duties)
    assert 14 <= len(pack.criteria) <= 22, len(pack.criteria)
    for category in pack.person_spec:
        needs = {criterion.need for criterion in category.criteria}
        assert "essential" in needs, f"{profile_id}: no essential {category.id} criterion"
    assert pack.sources, profile_id


@pytest.mark.parametrize("profile_id", PROFILE_IDS)
def test_band4_post_evidences_every_verified_standard(library: Library, profile_id: str) -> None:
    pack = pack_for(library, profile_id)
    evidenced = {
        standard.id
        for standard in pack.core_standards
        if any(clause.evidenced_by for clause in standard.clauses)
    }
    assert VERIFIED_STANDARDS - evidenced == set()


@pytest.mark.parametrize("profile_id", PROFILE_IDS)
def test_trainee_post_composes(library: Library, profile_id: str) -> None:
    pack = pack_for(library, profile_id, band=3)
    assert pack.band == 3
    assert pack.job_title.startswith("Trainee ")
    assert pack.training is not None
    assert len(pack.duties) >= 8


@pytest.mark.parametrize("profile_id", PROFILE_IDS)
def test_duties_begin_with_a_verb_and_are_plain(library: Library, profile_id: str) -> None:
    pack = pack_for(library, profile_id)
    for duty in pack.duties:
        first = duty.text.split()[0]
        assert first[0].isupper() and not first.endswith("ing"), f"{duty.id}: {duty.text}"
        assert "{" not in duty.text and "}" not in duty.text
        assert not re.search(r"\b(as required|any other duties)\b", duty.text, re.I), duty.id


def test_no_duty_text_is_shared_between_profiles(library: Library) -> None:
    """Shared text belongs in _core; a specialty's own duties are its own."""
    counts: Counter[str] = Counter()
    for profile_id in PROFILE_IDS:
        profile = library.profile(profile_id)
        own = [item for item in profile.duties if item.source is profile.source]
        counts.update(" ".join(item.data["text"].lower().split()) for item in own)
    assert [text for text, count in counts.items() if count > 1] == []


def test_ids_are_unique_across_the_library(library: Library) -> None:
    counts: Counter[str] = Counter()
    for profile_id in PROFILE_IDS:
        profile = library.profile(profile_id)
        own = [i for i in [*profile.duties, *profile.criteria] if i.source is profile.source]
        counts.update(item.id for item in own if item.path[0] != "core")
    assert [item_id for item_id, count in counts.items() if count > 1] == []


@pytest.mark.parametrize("profile_id", PROFILE_IDS)
def test_sources_are_labelled(library: Library, profile_id: str) -> None:
    profile = library.profile(profile_id)
    for source in profile.fields["sources"]:
        assert source["status"] in {"OFFICIAL", "SECONDARY", "CORROBORATED"}, source["title"]
        assert source.get("url", "").startswith("http"), source["title"]
