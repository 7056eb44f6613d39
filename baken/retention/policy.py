"""When a youth's file may be destroyed: plain dates in, a date out.

Jeugdwet art. 7.3.8 (since 1 January 2020): the file is kept twenty years from the last change
in it, or so much longer as reasonably follows from the care of a good youth-care provider.
Baken counts from the later of the end of care and the newest dated record in the file, and
never lets a file go while care goes on. See docs/operations.md, "Retention"."""

from datetime import date

from dateutil.relativedelta import relativedelta

LEGAL_MINIMUM_YEARS = 20


def retention_ends(
    *, care_end: date | None, last_record: date | None, years: int, keep_until: date | None
) -> date | None:
    """The first day the file may be destroyed; None while care has not ended."""
    if care_end is None:
        return None
    if years < LEGAL_MINIMUM_YEARS:
        raise ValueError(f"the retention term must be at least {LEGAL_MINIMUM_YEARS} years")
    last_change = max(care_end, last_record) if last_record else care_end
    ends = last_change + relativedelta(years=years)
    return max(ends, keep_until) if keep_until else ends


def is_due(ends: date | None, *, today: date) -> bool:
    return ends is not None and ends <= today


REQUEST_TERM_MONTHS = 3


def destruction_deadline(*, received_on: date) -> date:
    """The day by which a file must be destroyed on request (art. 7.3.9: within three months of
    receiving the request; 30 November for a request of 31 August)."""
    return received_on + relativedelta(months=REQUEST_TERM_MONTHS)
