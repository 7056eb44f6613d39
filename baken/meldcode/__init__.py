"""The meldcode (five steps, 2019) as a recorded workflow, its outcomes, follow-up of reports so
they do not stall, and case conferences."""
