"""The afwegingskader (decision framework) of the meldcode, free of Django.

1. Do I suspect violence or abuse?                      no  -> close and record
2. Is there acute or structural unsafety?               yes -> report to Veilig Thuis
3. Can I offer or organise effective help?              no  -> report
4. Do those involved accept the help?                   no  -> report; yes -> give help
5. (at the review date) Does the help work in time?     no  -> report (again); yes -> close with
                                                               monitoring agreements
"""

from dataclasses import dataclass

CLOSE, REPORT, HELP = "close", "report", "help"


@dataclass(frozen=True)
class Decision:
    outcome: str
    because: str  # the question that decided it: "q1".."q5"


def decide(
    *,
    suspicion: bool | None,
    unsafe: bool | None,
    can_help: bool | None,
    help_accepted: bool | None,
) -> Decision:
    """Questions 1 to 4 in order; later answers are only needed when earlier ones lead there."""
    if suspicion is None:
        raise ValueError("question 1 (do I suspect violence or abuse) must be answered")
    if not suspicion:
        return Decision(CLOSE, "q1")
    if unsafe is None:
        raise ValueError("question 2 (acute or structural unsafety) must be answered")
    if unsafe:
        return Decision(REPORT, "q2")
    if can_help is None:
        raise ValueError("question 3 (can I offer effective help) must be answered")
    if not can_help:
        return Decision(REPORT, "q3")
    if help_accepted is None:
        raise ValueError("question 4 (do those involved accept the help) must be answered")
    if not help_accepted:
        return Decision(REPORT, "q4")
    return Decision(HELP, "q4")


def review(*, help_works: bool) -> Decision:
    """Question 5, asked again at the review date of a trajectory in which help was given."""
    return Decision(CLOSE if help_works else REPORT, "q5")
