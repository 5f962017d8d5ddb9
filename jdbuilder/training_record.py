"""The trainee's training record: every band 4 duty as a competency to reach, and milestones."""

from __future__ import annotations

from jdbuilder.model import (
    Competency,
    CompetencyArea,
    JobPack,
    Milestone,
    StandardRef,
    TrainingRecord,
)

COMPETENCY_COLUMNS = [
    "Competency",
    "Core standards",
    "Evidence",
    "Date achieved",
    "Assessor sign-off",
]
MILESTONE_COLUMNS = ["Review", "Check", "Date", "Reviewer sign-off"]
FINAL_SIGN_OFF = ["Trainee", "Assessor", "Line manager"]


def training_record(band4: JobPack, trainee: JobPack) -> TrainingRecord:
    """The record a training lead prints on day one, from the band 4 post and its trainee variant.

    Every duty of the band 4 post becomes a competency, grouped by duty area, with the trainee
    form of the duty (what the trainee does meanwhile) and the core standard clauses it evidences.
    """
    training = trainee.training
    if training is None:
        raise ValueError("the second pack must be a trainee post")
    while_training = {duty.id: duty.text for duty in trainee.duties}
    areas = [
        CompetencyArea(
            area.id,
            area.title,
            [
                Competency(
                    duty.id,
                    duty.text,
                    while_training.get(duty.id),
                    list(duty.standards),
                    duty.origin,
                )
                for duty in area.duties
            ],
        )
        for area in band4.duty_areas
    ]
    cited = {ref for area in areas for c in area.competencies for ref in c.standards}
    standards = [
        StandardRef(clause.id, clause.text)
        for standard in band4.core_standards
        for clause in standard.clauses
        if clause.id in cited
    ]
    not_assessed = [
        f"{standard.id}: {standard.not_assessed_reason}"
        for standard in band4.core_standards
        if not standard.clauses and standard.not_assessed_reason
    ]
    count = sum(len(area.competencies) for area in areas)
    return TrainingRecord(
        title=f"Training record: {trainee.job_title}",
        trust_name=trainee.trust.name,
        trainee_title=trainee.job_title,
        band4_title=band4.job_title,
        specialty_name=trainee.specialty_name,
        directed_by=trainee.directed_by,
        programme=training.programme,
        programme_months=training.programme_months,
        supervision=training.supervision,
        progression=training.progression,
        columns=list(COMPETENCY_COLUMNS),
        areas=areas,
        milestones=milestones(training.milestone_months, training.programme_months, count),
        milestone_columns=list(MILESTONE_COLUMNS),
        standards=standards,
        not_assessed=not_assessed,
        specialty_training=list(band4.specialty_training),
        final_sign_off=list(FINAL_SIGN_OFF),
    )


def milestones(
    review_months: list[int], programme_months: int, competencies: int
) -> list[Milestone]:
    """A progress review at each month given, then completion at the end of the programme."""
    reviews = [
        Milestone(
            month,
            f"{month}-month review",
            [
                *(
                    ["Care Certificate standards met (due in the first part of the programme)"]
                    if index == 0
                    else []
                ),
                f"Competencies signed off so far (of {competencies})",
                "Study for the level 5 programme on track with the education provider",
                f"Plan agreed for the months up to the "
                f"{_next_point(review_months, index, programme_months)}",
            ],
        )
        for index, month in enumerate(review_months)
    ]
    completion = Milestone(
        programme_months,
        f"Completion ({programme_months} months)",
        [
            "Level 5 qualification achieved",
            "English and maths at level 2 achieved",
            f"All {competencies} competencies in this record signed off by an assessor",
            "Signed off as competent for the band 4 post",
        ],
    )
    return [*reviews, completion]


def _next_point(review_months: list[int], index: int, programme_months: int) -> str:
    if index + 1 < len(review_months):
        return f"{review_months[index + 1]}-month review"
    return f"end of the programme at {programme_months} months"
