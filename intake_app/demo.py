"""Synthetic patients and intakes for demos, training and benchmarks (never real people).

A fixed seed gives the same data every time. The answer sets are clinical scenarios spread over
every screening outcome; each distinct answer set is screened once and the result reused. Patients
come in batches (`generate_batches`), so a million of them never sit in memory at once. Each intake is
completed on its visit day at a time the clinic is open (local time, as the rest of the app reads times),
having been started a few minutes before; none is completed later than the moment of the load.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from collections.abc import Iterator, Sequence
from functools import partial
from typing import Any, NamedTuple, overload

from intake_app.domain import DEFAULT_QUESTIONNAIRE, IntakeDocument, Patient, load_questionnaire

NO_RED_FLAGS = {
    "rf_saddle_numbness": "no", "rf_bladder_change": "no", "rf_bowel_change": "no",
    "rf_sexual_dysfunction": "no", "rf_bilateral_leg_symptoms": "no", "rf_fever_or_unwell": "no",
    "rf_infection_risk": "no", "rf_cancer_history": "no", "rf_weight_loss_unexplained": "no",
    "rf_night_pain_constant": "no", "rf_osteoporosis_or_steroids": "no",
}

SCIATICA = {
    "pain": {"right": ["buttock", "back_of_thigh", "calf", "outer_shin", "top_of_foot"]},
    "tingling": {"right": ["top_of_foot", "big_toe"]},
    "radiates_to": {"right": "foot"}, "weakness": {"right": "none"},
    "pain_character": ["shooting_electric"], "onset": "gradual", "trauma": "none",
    "worse_with": ["sitting", "cough_sneeze_strain"], "better_with": ["walking_about"],
    "back_pain": "moderate", "back_pain_new": "yes", "first_back_episode": "no", "leg_vs_back": "leg_worse",
    "back_conditions": ["herniated_disc"], "back_surgery": "none",
}

# (name, answers) - each set is completed with the red-flag screen unless it says otherwise.
SCENARIOS: list[tuple[str, dict[str, Any]]] = [
    ("sciatica, full pattern", SCIATICA),
    ("cauda equina warning", {**SCIATICA, "rf_saddle_numbness": "new", "rf_bladder_change": "new"}),
    ("worsening foot drop", {
        **SCIATICA, "weakness": {"right": "foot_drop"}, "weakness_course": {"right": "worsening"}}),
    ("cancer history with new back pain", {**SCIATICA, "rf_cancer_history": "yes"}),
    ("sciatica, red-flag screen not finished", {
        **{k: v for k, v in SCIATICA.items()}, "rf_bowel_change": "unknown", "rf_cancer_history": "unknown"}),
    ("leg-to-foot pain, few features", {
        "pain": {"left": ["back_of_thigh", "calf", "heel"]}, "radiates_to": {"left": "foot"},
        "onset": "gradual", "trauma": "none", "back_pain": "none", "leg_vs_back": "about_equal",
        "back_conditions": ["none"], "back_surgery": "none", "worse_with": ["walking"],
    }),
    ("foot numbness with back pain", {
        "numbness": {"left": ["sole", "little_toes"]}, "pain": {"left": ["heel"]},
        "radiates_to": {"left": "none"}, "back_pain": "mild", "back_pain_new": "no",
        "leg_vs_back": "back_worse", "back_conditions": ["none"], "back_surgery": "none", "onset": "gradual",
    }),
    ("heel pain on first steps", {
        "pain": {"right": ["heel", "arch"]}, "radiates_to": {"right": "none"}, "onset": "gradual",
        "trauma": "none", "worse_with": ["standing", "first_steps_after_rest"], "better_with": ["walking_about"],
        "back_pain": "none", "leg_vs_back": "no_back_pain", "back_conditions": ["none"], "back_surgery": "none",
    }),
    ("ball of foot, tight shoes", {
        "pain": {"left": ["ball_of_foot", "between_toes_3_4"]}, "tingling": {"left": ["between_toes_3_4"]},
        "radiates_to": {"left": "none"}, "pain_character": ["burning", "pebble_in_shoe"], "onset": "gradual",
        "worse_with": ["tight_or_high_heeled_shoes"], "better_with": ["removing_shoes_or_massage"],
        "back_pain": "none", "leg_vs_back": "no_back_pain", "back_conditions": ["none"], "back_surgery": "none",
    }),
    ("hot swollen big toe joint", {
        "pain": {"right": ["big_toe_joint"]}, "radiates_to": {"right": "none"}, "onset": "sudden",
        "foot_red_hot_swollen": "big_toe_joint", "pain_character": ["throbbing"], "back_pain": "none",
        "leg_vs_back": "no_back_pain", "back_conditions": ["none"], "back_surgery": "none",
    }),
    ("both feet numb, sock pattern", {
        "numbness": {"left": ["sole", "all_toes"], "right": ["sole", "all_toes"]},
        "tingling": {"left": ["all_toes"], "right": ["all_toes"]}, "radiates_to": {"left": "none", "right": "none"},
        "sock_distribution": "yes", "diabetes": "yes", "onset": "gradual", "back_pain": "none",
        "leg_vs_back": "no_back_pain", "back_conditions": ["none"], "back_surgery": "none",
        "rf_bilateral_leg_symptoms": "longstanding",
    }),
    ("calf cramp at a set distance", {
        "pain": {"left": ["calf"]}, "radiates_to": {"left": "none"}, "pain_character": ["cramping"],
        "worse_with": ["walking"], "better_with": ["standing_still"], "walking_distance_consistent": "yes",
        "smoker": "yes", "foot_cold_or_pale": "yes", "onset": "gradual", "back_pain": "none",
        "leg_vs_back": "no_back_pain", "back_conditions": ["none"], "back_surgery": "none",
    }),
    ("sprained ankle", {
        "pain": {"right": ["ankle", "outer_edge_of_foot"]}, "radiates_to": {"right": "none"},
        "onset": "after_injury", "trauma": "ankle_or_foot_twist", "can_bear_weight": "no",
        "bony_spot_tender": "yes", "back_pain": "none", "leg_vs_back": "no_back_pain",
        "back_conditions": ["none"], "back_surgery": "none",
    }),
]

# A small set of values keeps the number of distinct answer sets (each screened once) low.
AGES = (14, 24, 33, 41, 47, 52, 58, 63, 67, 72, 78, 85)
SEXES = ("female", "male", "female", "male", "other", "unknown")


def _mirror(answers: dict[str, Any]) -> dict[str, Any]:
    mirrored = {}
    for key, value in answers.items():
        if isinstance(value, dict) and set(value) <= {"left", "right"}:
            mirrored[key] = {("left" if side == "right" else "right"): v for side, v in value.items()}
        else:
            mirrored[key] = value
    return mirrored


def _name_pools(seed: int) -> tuple[list[str], list[str]]:
    from faker import Faker

    # Only the person provider: each locale's generator draws from its own seeded stream, so the names are
    # the ones a Faker with every provider gives, made in a sixth of the time.
    fake = Faker(["en_GB", "en_US", "de_DE", "fr_FR", "es_ES", "it_IT", "pl_PL", "nl_NL"],
                 providers=["faker.providers.person"])
    fake.seed_instance(seed)
    families = sorted({fake.last_name() for _ in range(1500)})
    givens = sorted({fake.first_name() for _ in range(1500)})
    return families, givens


BATCH = 20_000  # patients generated (and inserted) at a time: memory stays flat whatever the count
# When the clinic completes intakes: local time, seconds after midnight (08:00:00 to 17:59:59), and how many
# minutes before that the intake was started.
CLINIC_HOURS = (8 * 3600, 18 * 3600)
MINUTES_TAKEN = (4, 20)

DemoIntake = tuple[int, IntakeDocument, dict[str, Any]]  # (index into the batch's patients, document, result)
MICROSECONDS = 1_000_000
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


class EpochTimes(Sequence[tuple[dt.datetime, dt.datetime]]):
    """Each intake's (created, completed) time, read as a pair of aware UTC datetimes, kept as two columns
    of whole microseconds since 1970-01-01 UTC. A batch's times are made with integer arithmetic, and the
    bulk loader turns the columns into stored text without a datetime object per row (a million of each
    cost about a fifth of a demo-data load); an item is made only when it is read."""

    __slots__ = ("completed", "created")

    def __init__(self, created: list[int], completed: list[int]) -> None:
        if len(created) != len(completed):
            raise ValueError("as many creation times as completion times")
        self.created = created
        self.completed = completed

    def __len__(self) -> int:
        return len(self.created)

    @overload
    def __getitem__(self, index: int) -> tuple[dt.datetime, dt.datetime]: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple[dt.datetime, dt.datetime]]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [(from_epoch(c), from_epoch(d))
                    for c, d in zip(self.created[index], self.completed[index], strict=True)]
        return from_epoch(self.created[index]), from_epoch(self.completed[index])

    def __iter__(self) -> Iterator[tuple[dt.datetime, dt.datetime]]:
        return ((from_epoch(c), from_epoch(d)) for c, d in zip(self.created, self.completed, strict=True))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, EpochTimes):
            return self.created == other.created and self.completed == other.completed
        if isinstance(other, Sequence) and not isinstance(other, str):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable columns, like a list

    def __repr__(self) -> str:
        return f"EpochTimes({list(self)!r})"

    def completed_times(self) -> list[dt.datetime]:
        """The completion times alone, as aware UTC datetimes."""
        epoch, micros = _EPOCH, dt.timedelta(microseconds=1)
        return [epoch + micros * value for value in self.completed]


def from_epoch(micros: int) -> dt.datetime:
    """An aware UTC time from whole microseconds since 1970-01-01 UTC."""
    return _EPOCH + dt.timedelta(microseconds=micros)


def to_epoch(value: dt.datetime) -> int:
    """Whole microseconds since 1970-01-01 UTC of an aware time."""
    return (value - _EPOCH) // dt.timedelta(microseconds=1)


class DemoPatients(Sequence[Patient]):
    """A batch's patients kept as columns (family names, given names, birth dates, sexes, phones, MRNs); a Patient
    is made when one is first read, and the same object is given each time it is read again. The bulk loader reads
    the columns: a million patients need no Patient object."""

    __slots__ = ("born", "family", "given", "made", "mrn", "phone", "sex")

    def __init__(self, family: list[str], given: list[str], born: list[dt.date], sex: list[str], phone: list[str],
                 mrn: list[str]) -> None:
        if not len(family) == len(given) == len(born) == len(sex) == len(phone) == len(mrn):
            raise ValueError("columns of one length")
        self.family, self.given, self.born, self.sex, self.phone, self.mrn = family, given, born, sex, phone, mrn
        self.made: dict[int, Patient] = {}

    def __len__(self) -> int:
        return len(self.family)

    def _patient(self, n: int) -> Patient:
        made = self.made.get(n)
        if made is None:
            made = self.made[n] = Patient(self.family[n], self.given[n], self.born[n], self.sex[n], self.phone[n],
                                          self.mrn[n])
        return made

    @overload
    def __getitem__(self, index: int) -> Patient: ...

    @overload
    def __getitem__(self, index: slice) -> list[Patient]: ...

    def __getitem__(self, index: int | slice) -> Any:
        positions = range(len(self))
        if isinstance(index, slice):
            return [self._patient(n) for n in positions[index]]
        return self._patient(positions[index])

    def __iter__(self) -> Iterator[Patient]:
        return (self._patient(n) for n in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


class DemoIntakes(Sequence[DemoIntake]):
    """A batch's intakes kept as columns: intake n is patient n's (of `patients`), on visit day `visit[n]`, with the
    answers and assessment `found[n]` (objects shared by every intake with the same answer set), in the default
    questionnaire, nobody recorded as entering the answers. Read as (n, IntakeDocument, result) items, each made
    when it is read; the bulk loader reads the columns."""

    __slots__ = ("found", "patients", "visit")
    questionnaire = DEFAULT_QUESTIONNAIRE

    def __init__(self, patients: DemoPatients, visit: list[dt.date],
                 found: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
        if not len(patients) == len(visit) == len(found):
            raise ValueError("one intake per patient")
        self.patients, self.visit, self.found = patients, visit, found

    def __len__(self) -> int:
        return len(self.visit)

    def _item(self, n: int) -> DemoIntake:
        answers, result = self.found[n]
        return n, IntakeDocument(self.patients[n], self.visit[n], answers), result

    @overload
    def __getitem__(self, index: int) -> DemoIntake: ...

    @overload
    def __getitem__(self, index: slice) -> list[DemoIntake]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self._item(n) for n in range(len(self))[index]]
        return self._item(range(len(self))[index])

    def __iter__(self) -> Iterator[DemoIntake]:
        return (self._item(n) for n in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


class DemoBatch(NamedTuple):
    """A batch of patients with their intakes, and each intake's (created, completed) time: aware, in UTC."""

    patients: DemoPatients
    intakes: DemoIntakes
    times: EpochTimes


def generate_batches(
    count: int, *, seed: int = 20261125, today: dt.date | None = None, batch: int = BATCH,
    now: dt.datetime | None = None,
) -> Iterator[DemoBatch]:
    """`count` synthetic patients, each with one completed intake and its assessment (as JSON), in
    batches of at most `batch` patients; an intake's index points into its own batch's patients.

    Visits fall on `today` (local) and the 720 days before it. Each intake is completed on its visit day
    during clinic hours (local time) and started a few minutes earlier, but never later than `now`
    (aware): by default `today` is this computer's date and `now` the present moment; with only `today`
    given, times run to that day's closing. The same seed and dates give the same data.

    Each distinct answer set (scenario, side, age, pain score, duration: under 2,000 of them) is
    built and screened once; every intake with that set shares the same answers and assessment
    objects, which the bulk loader encodes once.
    """
    from intake_app.screening import assess

    if today is None:
        now = now or dt.datetime.now(dt.UTC)
        today = now.astimezone().date()
    families, givens = _name_pools(seed)
    order = [q.id for q in load_questionnaire().answer_questions]
    visits = [today - dt.timedelta(days=back) for back in range(721)]
    before = [dt.timedelta(days=d) for d in range(5, 361)]
    # Times are whole microseconds since 1970 (UTC): each visit day's local midnight worked out once.
    midnight = {day: _local_midnight_epoch(day) for day in visits}
    closing = midnight[today] + CLINIC_HOURS[1] * MICROSECONDS  # every completion is before it
    latest = to_epoch(now) if now is not None else closing
    shared: dict[tuple[int, bool, int, int, int], tuple[dict[str, Any], dict[str, Any]]] = {}
    anniversaries: dict[tuple[dt.date, int], dt.date] = {}
    # One random stream per attribute, drawn a batch at a time: the same data whatever the batch size.
    pools: list[Sequence[Any]] = [
        families, givens, SEXES, AGES, visits, before, range(100, 1000), range(100000, 1000000), (False, True),
        (4, 7), (7, 30, 120),
        # The time of day and the minutes taken, in microseconds: the same number of choices in the same order
        # as the times of day and minutes they stand for, so the same draws.
        range(CLINIC_HOURS[0] * MICROSECONDS, CLINIC_HOURS[1] * MICROSECONDS, MICROSECONDS),
        range(MINUTES_TAKEN[0] * 60 * MICROSECONDS, (MINUTES_TAKEN[1] * 60 + 1) * MICROSECONDS, 60 * MICROSECONDS)]
    draws = [partial(random.Random(f"{seed}/{n}").choices, pool) for n, pool in enumerate(pools)]

    def screened(key: tuple[int, bool, int, int, int], patient: Patient, visit: dt.date) -> tuple[Any, Any]:
        answers = _answers(key, order)
        found = shared[key] = answers, assess(IntakeDocument(patient, visit, answers)).to_json()
        return found

    def first_screened(key: tuple[int, bool, int, int, int], patients: DemoPatients, n: int,
                       visit: dt.date) -> tuple[Any, Any]:
        return screened(key, patients[n], visit)  # the first patient with this answer set

    for first in range(0, count, batch):
        size = min(batch, count - first)
        family, given, sex, age, visit, back, area, number, mirrored, pain, duration, clock, took = (
            draw(k=size) for draw in draws)
        # Born between `age` years and 5 days and `age` years and 360 days before the visit: the age on the
        # day of the visit is exactly `age`. Built a column at a time (several times faster than row by row).
        born = [(anniversaries.get((day, years)) or _anniversary(anniversaries, day, years)) - days
                for day, years, days in zip(visit, age, back, strict=True)]
        phone = [f"07{a} {n}" for a, n in zip(area, number, strict=True)]
        mrn = [f"D{n:07d}" for n in range(first + 1, first + size + 1)]
        patients = DemoPatients(family, given, born, sex, phone, mrn)
        keys = zip([n % len(SCENARIOS) for n in range(first, first + size)], mirrored, age, pain, duration,
                   strict=True)
        found = [shared.get(key) or first_screened(key, patients, n, day)
                 for n, (key, day) in enumerate(zip(keys, visit, strict=True))]
        completed = [midnight[day] + at for day, at in zip(visit, clock, strict=True)]
        created = [done - taken for done, taken in zip(completed, took, strict=True)]
        for n, done in enumerate(completed) if latest < closing else ():
            if done > latest:  # a visit today, at an hour not come yet: completed just now
                created[n], completed[n] = max(latest - took[n], midnight[today]), latest
        yield DemoBatch(patients, DemoIntakes(patients, visit, found), EpochTimes(created, completed))


def _local_midnight(day: dt.date) -> dt.datetime:
    """The start of `day` in this computer's time zone, as an aware UTC time, with the offset the day has
    during clinic hours (clocks change at night, so every clinic time that day has this offset)."""
    return from_epoch(_local_midnight_epoch(day))


def _local_midnight_epoch(day: dt.date) -> int:
    """`_local_midnight(day)` in microseconds since 1970 (UTC): worked out once per visit day."""
    offset = dt.datetime.combine(day, dt.time(12)).astimezone().utcoffset() or dt.timedelta()
    return (calendar.timegm(day.timetuple()) - int(offset.total_seconds())) * MICROSECONDS


def _anniversary(known: dict[tuple[dt.date, int], dt.date], day: dt.date, years: int) -> dt.date:
    found = known[day, years] = _years_before(day, years)
    return found


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


def _answers(key: tuple[int, bool, int, int, int], order: list[str]) -> dict[str, Any]:
    scenario, mirrored, age, pain, duration = key
    base = SCENARIOS[scenario][1]
    answers = {**NO_RED_FLAGS, **(_mirror(base) if mirrored else base)}
    answers.update(age_years=age, pain_score_0_10=pain, duration_days=duration)
    return {field: answers[field] for field in order if field in answers}  # questionnaire order


def generate(
    count: int, *, seed: int = 20261125, today: dt.date | None = None
) -> tuple[list[Patient], list[DemoIntake]]:
    """All of `generate_batches` at once, intake indexes pointing into the one list of patients (without the
    intakes' times: a load of these completes them at the moment of the load)."""
    patients: list[Patient] = []
    intakes: list[tuple[int, IntakeDocument, dict[str, Any]]] = []
    for batch_patients, batch_intakes, _times in generate_batches(count, seed=seed, today=today):
        intakes.extend((len(patients) + i, document, result) for i, document, result in batch_intakes)
        patients.extend(batch_patients)
    return patients, intakes
